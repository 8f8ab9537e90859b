/** haze report --format html: the report's sections as a printable page, with the phones' photos beside the store. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepTestPhoto, phoneEntry, planVisits } from '../helpers/office.js';
import { haze } from '../helpers/runHaze.js';
import { serveTown, servedWorkspace } from '../helpers/serve.js';

test('a phone entry with a photo: the page shows the photo by its path beside the store, and escapes every value', async () => {
  const dir = servedWorkspace();
  const served = await serveTown({ dir, listen: false });
  let sha = '';
  try {
    const token = served.token('1');
    sha = keepTestPhoto(served);
    const [v] = planVisits(served, '1');
    const out = phoneEntry(served, token, v!, { violation: true, note: '<img src=x onerror=alert(1)> & 未开喷淋', photos: [sha] });
    expect(out.kind).toBe('stored');
  } finally {
    await served.close();
  }
  const r = haze(['report', '--date', '2019-12-08', '--format', 'html', '-o', 'report.html'], { cwd: dir, env: { HAZE_NOW: '2019-12-08 18:00' } });
  expect(r.stderr).not.toContain('Error');
  expect(r.status).toBe(0);
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain('巡查报告：2019-12-08');
  const src = `photos/${sha.slice(0, 2)}/${sha}.jpg`;
  expect(html).toContain(`<img src="${src}"`);
  expect(existsSync(join(dir, src))).toBe(true);
  // The note from the phone is shown as text, never as markup.
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; 未开喷淋');
  expect(html).not.toContain('<img src=x');
  // The same sections as the table: one heading each.
  const md = haze(['report', '--date', '2019-12-08', '--format', 'md'], { cwd: dir, env: { HAZE_NOW: '2019-12-08 18:00' } });
  const mdHeadings = [...md.stdout.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  const htmlHeadings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
  expect(htmlHeadings.slice(0, mdHeadings.length)).toEqual(mdHeadings);
  expect(htmlHeadings.at(-1)).toBe('现场照片');
}, 120_000);
