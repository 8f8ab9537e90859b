/**
 * `haze checklist --link`: each group's cover carries the group's link for its day as a QR code (inline SVG),
 * the link as text, and what it is for; the link's token opens that group on that day only. Without --link the
 * pages are as before.
 */
import { appendFileSync } from 'node:fs';
import { findToken } from '../../src/io/store/serveTokens.js';
import { resolveWorkspace } from '../../src/io/read/workspace.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { servedWorkspace } from '../helpers/serve.js';
import { haze } from '../helpers/runHaze.js';

const env = { HAZE_NOW: '2019-12-08 15:00' };
let dir: string;
beforeAll(() => {
  dir = servedWorkspace();
}, 60_000);

const covers = (html: string) =>
  [...html.matchAll(/<section class="page cover" data-group="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => ({ group: m[1]!, body: m[2]! }));

test('--group all --format html --link: a QR code and a link per cover, good for that group and date only', () => {
  const r = haze(['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'html', '--link', 'http://192.168.1.20:8080'], { cwd: dir, env });
  expect(r.status).toBe(0);
  const pages = covers(r.stdout);
  expect(pages.map((p) => p.group)).toEqual(['1', '2', '3']);
  const ws = resolveWorkspace({ cwd: dir });
  const tokens = new Set<string>();
  for (const p of pages) {
    const qr =
      /<figure class="link-qr"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*><path[^>]*\/><path[^>]*d="M[^"]+"\/><\/svg>/.exec(
        p.body,
      );
    expect(qr).not.toBeNull();
    expect(p.body).toContain('手机扫码录入检查结果（办公室 Wi-Fi）');
    const link = /<span class="url">http:\/\/192\.168\.1\.20:8080\/g\/([a-z0-9]{8}\.[A-Za-z0-9_-]{43})<\/span>/.exec(p.body);
    expect(link).not.toBeNull();
    const token = link![1]!;
    tokens.add(token);
    const found = readStore(ws, (db) => findToken(db, token), null);
    expect(found).toMatchObject({ groupId: p.group, fromDate: '2019-12-08', toDate: '2019-12-08', label: 'checklist' });
  }
  expect(tokens.size).toBe(3);
  // Nothing else of the page is in the QR code's markup: no script, no foreign reference.
  expect(r.stdout).not.toMatch(/<script|xlink:href|https?:\/\/(?!192\.168\.1\.20:8080\/g\/|www\.w3\.org\/2000\/svg)/);
});

test('haze.yaml serve.url stands in for --link with no address; other formats refuse --link (64)', () => {
  const own = servedWorkspace();
  const none = haze(['checklist', '--date', '2019-12-09', '--group', '2', '--format', 'html', '--link'], { cwd: own, env });
  expect(none.status).toBe(64);
  expect(none.stderr).toContain('--link');
  appendFileSync(`${own}/haze.yaml`, 'serve: { url: "http://10.1.2.3:8080/" }\n');
  const r = haze(['checklist', '--date', '2019-12-09', '--group', '2', '--format', 'html', '--link'], { cwd: own, env });
  expect(r.status).toBe(0);
  const [cover] = covers(r.stdout);
  const token = /<span class="url">http:\/\/10\.1\.2\.3:8080\/g\/(\S+?)<\/span>/.exec(cover!.body)![1]!;
  expect(readStore(resolveWorkspace({ cwd: own }), (db) => findToken(db, token), null)).toMatchObject({
    groupId: '2',
    fromDate: '2019-12-09',
    toDate: '2019-12-09',
  });
  expect(haze(['checklist', '--date', '2019-12-09', '--group', '2', '--format', 'md', '--link'], { cwd: own, env }).status).toBe(64);
});

test('without --link the covers have no QR code and no token is made', () => {
  const own = servedWorkspace();
  const r = haze(['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'html'], { cwd: own, env });
  expect(r.status).toBe(0);
  expect(covers(r.stdout)).toHaveLength(3);
  expect(r.stdout).not.toContain('link-qr"');
  expect(r.stdout).not.toContain('/g/');
  const listed = haze(['serve', 'tokens', '--format', 'json'], { cwd: own, env });
  expect(JSON.parse(listed.stdout)).toEqual([]);
});
