/**
 * `--lang en` on the sample town: every human format speaks English. What stays Chinese is only what the
 * town wrote itself — names, addresses, villages, industries, people, groups — and the enterprise's own
 * measure text, quoted as written ("…"). Machine formats (CSV, JSON) keep their values whatever the language.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, haze, REPO, tempDir } from '../helpers/runHaze.js';

const CJK = /[\u3400-\u9fff]/;
const SAMPLE = join(REPO, 'data/xuebu');
const DOC = '金大气应急指办〔2019〕5号';

type Row = Record<string, string>;
const list = parse(readFileSync(join(SAMPLE, 'enterprises.csv'), 'utf8'), { columns: true, bom: true }) as Row[];
const groups = parseYaml(readFileSync(join(SAMPLE, 'groups.yaml'), 'utf8')) as {
  town: string;
  county: string;
  city: string;
  base: { name: string };
  groups: { name: string; leader: string; members: string[]; villages: string[] }[];
};

/** The town's own words: values of the list and of groups.yaml, the list's headers, the alert's document. */
const MEASURE_COLUMNS = ['黄色预警措施', '橙色预警措施', '红色预警措施'];
const measureTexts = list.flatMap((r) => MEASURE_COLUMNS.map((c) => r[c] ?? '')).filter((t) => t !== '');
/** Full-width digits and punctuation as haze normalises them (３０％ → 30%): compare the words, not their forms. */
const norm = (s: string) => s.normalize('NFKC');
/** The sample's evidence is the town's words too: its workshops and devices, the plates and goods at its gates. */
const evidenceFile = (f: string) => parse(readFileSync(join(REPO, 'data/xuebu/evidence', f)), { columns: true, bom: true }) as Record<string, string>[];
const evidenceWords = [
  ...evidenceFile('points.csv').flatMap((r) => [r['车间'] ?? '', r['设备名称'] ?? '']),
  ...evidenceFile('gate.csv').flatMap((r) => [r['车牌号码'] ?? '', r['运输货物名称'] ?? '']),
];
const townWords = [
  ...Object.keys(list[0]!),
  ...evidenceWords,
  ...list.flatMap((r) => ['企业名称', '镇街', '村社区', '详细地址', '行业类别', '联系人'].map((c) => r[c] ?? '')),
  ...measureTexts,
  ...measureTexts.flatMap((t) => t.split('\n')), // a table shows a cell of several lines line by line
  groups.town,
  groups.county,
  groups.city,
  groups.base.name,
  ...groups.groups.flatMap((g) => [g.name, g.leader, ...g.members, ...g.villages]),
  DOC,
]
  .filter((w) => CJK.test(w))
  .map(norm)
  .sort((a, b) => b.length - a.length);
const townText = townWords.join('\n');
/** The grade cells carry tags in the list's words (民生豁免, 长期): quoted like the measure texts. */
const listText = norm([...measureTexts, ...list.map((r) => r['绩效等级'] ?? '')].join('\n'));

/**
 * What is left of an output once the town's own words are taken out: quoted words must come from the list
 * (a clause, a process or a tag of the enterprise's own text) unless `quotedExamples` allows haze's hints.
 */
function foreignChinese(output: string, opts: { quotedExamples?: boolean; ownWords?: readonly string[] } = {}): string[] {
  const own = (opts.ownWords ?? []).map(norm).sort((a, b) => b.length - a.length);
  // CSS and SVG font names (微软雅黑) are for the browser, not a reader.
  let rest = norm(output)
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/font-family="[^"]*"/g, '');
  rest = rest.replace(/&quot;/g, '"');
  const unquoted: string[] = [];
  rest = rest.replace(/"([^"\n]*)"/g, (_, inner: string) => {
    const words = inner.replace(/[;,。、\s]+$/u, '');
    // A name the map draws from the list (a park cut from its addresses) is the town's word too.
    if (CJK.test(words) && !opts.quotedExamples && !listText.includes(words) && !townText.includes(words) && !own.includes(words)) unquoted.push(`"${inner}"`);
    return '""';
  });
  for (const w of [...own, ...townWords]) rest = rest.split(w).join('');
  const left = rest.split('\n').filter((line) => CJK.test(line));
  return [...unquoted, ...left];
}

describe('--lang en: what a person reads is English', () => {
  const dir = tempDir();
  // --wide: the town's words are found whole, not wrapped inside a cell (table-width.test.ts checks the fitting).
  const run = (...args: string[]) => haze(['--lang', 'en', '--wide', ...args], { cwd: dir, env: { HAZE_NOW: '2019-12-08 15:00' } });
  const issued = run('alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--until', '2019-12-11 24:00', '--doc', DOC);

  test('the alert is issued (and said in English)', () => {
    expect(issued.status).toBe(0);
    expect(foreignChinese(issued.stderr)).toEqual([]);
  });

  test.each([
    ['plan (table)', ['plan', '--date', '2019-12-08']],
    ['plan (html)', ['plan', '--date', '2019-12-08', '--format', 'html']],
    ['measures (table)', ['measures']],
    ['measures --explain', ['measures', '--explain']],
    ['measures --summary', ['measures', '--summary']],
    ['checklist (text)', ['checklist', '--date', '2019-12-08', '--group', 'all']],
    ['checklist (md)', ['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'md']],
    ['checklist (html)', ['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'html']],
    ['notify', ['notify']],
    ['report', ['report']],
    ['alert status', ['alert', 'status']],
    ['alert history', ['alert', 'history']],
    ['measures --check', ['measures', '--check']],
  ])('%s: no Chinese but the town’s own words', (_, args) => {
    const r = run(...args);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(foreignChinese(r.stdout)).toEqual([]);
    expect(foreignChinese(r.stderr)).toEqual([]);
  });

  test('validate: the hints quote the Chinese a list must be written in, and say nothing else in Chinese', () => {
    const r = run('validate');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('hint: ');
    expect(foreignChinese(r.stderr, { quotedExamples: true })).toEqual([]);
  });

  test('the check is able to fail: the Chinese default has words of its own', () => {
    const zh = haze(['checklist', '--date', '2019-12-08', '--group', '1'], { cwd: dir, env: { HAZE_NOW: '2019-12-08 15:00' } });
    expect(foreignChinese(zh.stdout).join('\n')).toContain('现场负责人知晓当前预警级别');
  });

  test('the page and the table say what they say in English words', () => {
    const checklist = run('checklist', '--date', '2019-12-08', '--group', '1').stdout;
    expect(checklist).toContain('[ ] The person in charge on site knows the current alert level');
    expect(checklist).toContain('orange alert (level II response)');
    const html = run('checklist', '--date', '2019-12-08', '--group', '1', '--format', 'html').stdout;
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/page 1 of \d+/);
    expect(html).toContain('8 December 2019 Sunday');
    const measures = run('measures').stdout;
    expect(measures).toMatch(/│ stop\s+│/);
    expect(measures).toContain('ungraded');
  });

  test('HAZE_LANG=en is the same as --lang en', () => {
    const args = ['checklist', '--date', '2019-12-08', '--group', '2', '--format', 'md'];
    const byEnv = haze(args, { cwd: dir, env: { HAZE_NOW: '2019-12-08 15:00', HAZE_LANG: 'en' } });
    expect(byEnv.status).toBe(0);
    expect(byEnv.stdout).toBe(run(...args).stdout);
  });

  test('CSV and JSON keep their values in any language', () => {
    const en = run('measures', '--format', 'csv').stdout;
    const zh = haze(['measures', '--format', 'csv'], { cwd: dir, env: { HAZE_NOW: '2019-12-08 15:00' } }).stdout;
    expect(en).toBe(zh);
    const plan = run('plan', '--date', '2019-12-08', '--format', 'json').stdout;
    expect(plan).toBe(haze(['plan', '--date', '2019-12-08', '--format', 'json'], { cwd: dir, env: { HAZE_NOW: '2019-12-08 15:00' } }).stdout);
  });
});

describe('--lang en after results are recorded', () => {
  const dir = tempDir();
  const env = { HAZE_NOW: '2019-12-09 08:00' };
  const NOTE = '现场发现设备运行'; // the inspector's own words, recorded with the result
  const INSPECTORS = ['王建国', '李明'];
  const filled = (parse(haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: dir }).stdout, { columns: true }) as Row[]).map(
    (row, i) => ({ ...row, result: i % 5 === 0 ? 'violation' : 'ok', note: i % 5 === 0 ? NOTE : '' }),
  );
  writeFileSync(join(dir, 'day1.csv'), stringify(filled, { header: true, columns: Object.keys(filled[0]!) }));
  const recorded = haze(['--lang', 'en', 'record', 'day1.csv', '--inspectors', INSPECTORS.join(','), '--checked-at', '2019-12-08 16:00'], { cwd: dir, env });
  const strip = (s: string) => [NOTE, ...INSPECTORS].reduce((t, w) => t.split(w).join(''), s);

  test('record says what it recorded in English, counts said right', () => {
    expect(recorded.status).toBe(0);
    expect(recorded.stderr).toMatch(/recorded in .*: \d+ visits, \d+ new results/);
    expect(foreignChinese(recorded.stderr)).toEqual([]);
  });

  test("the next day's checklist says the last inspection's violations in English", () => {
    const r = haze(['--lang', 'en', 'checklist', '--date', '2019-12-09', '--group', '1'], { cwd: dir, env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/last check: 2019-12-08 violation: The enterprise's measure board is posted/);
    expect(foreignChinese(r.stdout)).toEqual([]);
  });

  test('the report names the items found wrong in English', () => {
    const r = haze(['--lang', 'en', '--wide', 'report', '--from', '2019-12-08', '--to', '2019-12-08'], { cwd: dir, env });
    expect(r.status).toBe(0);
    expect(Number(/\[violations \((\d+)\)\]/.exec(r.stdout)?.[1])).toBeGreaterThan(0);
    expect(r.stdout).toContain("The enterprise's measure board is posted"); // item 1 of the first visit, found wrong
    expect(foreignChinese(strip(r.stdout))).toEqual([]);
    expect(foreignChinese(r.stderr)).toEqual([]);
  });
});

describe('--lang en: the circular of the province’s findings', () => {
  const dir = tempDir();
  const env = { HAZE_NOW: '2019-12-10 10:00' };
  const NOTICE = 'findings-notice-spelling.csv';
  /** The province's own words, imported as written: the names it gave, the problems, its notices' numbers. */
  const province = (parse(readFileSync(join(FIXTURES, NOTICE), 'utf8'), { columns: true }) as Row[]).flatMap((r) =>
    [r['企业名称'], r['问题'], r['来源']].filter((w): w is string => !!w),
  );
  haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--until', '2019-12-11 24:00', '--doc', DOC], { cwd: dir, env });
  writeFileSync(join(dir, 'notice.csv'), readFileSync(join(FIXTURES, NOTICE)));
  const imported = haze(['--lang', 'en', 'findings', 'import', 'notice.csv'], { cwd: dir, env });
  const run = (...args: string[]) => haze(['--lang', 'en', '--wide', 'findings', 'circular', ...args], { cwd: dir, env });
  const zh = (...args: string[]) => haze(['findings', 'circular', ...args], { cwd: dir, env });

  test.each([
    ['text', []],
    ['html', ['--format', 'html']],
  ])('findings circular (%s): no Chinese but the town’s and the province’s own words', (_, args) => {
    expect(imported.status).toBe(0);
    const r = run(...args);
    expect(r.status).toBe(0);
    expect(foreignChinese(r.stdout, { ownWords: province })).toEqual([]);
    expect(foreignChinese(r.stderr)).toEqual([]);
    // The province's words are quoted as written, beside English ones.
    expect(r.stdout).toMatch(/"苏大气办〔2019〕12号"|&quot;苏大气办〔2019〕12号&quot;/);
    expect(r.stdout).toContain('orange alert (level II response)');
  });

  test('the check is able to fail: the Chinese circular has words of its own', () => {
    expect(foreignChinese(zh().stdout, { ownWords: province }).join('\n')).toContain('暗查发现的问题');
  });

  test('the page is an English page, its dates in English', () => {
    const html = run('--format', 'html').stdout;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('8 to 10 December 2019');
    expect(html).toMatch(/page 1 of \d+/);
    expect(html).toContain('found 3 problems at 2 enterprises');
  });

  test('CSV and JSON are the same in any language: the message is the Chinese that is sent', () => {
    const csv = run('--format', 'csv').stdout;
    expect(csv).toBe(zh('--format', 'csv').stdout);
    expect(csv).toContain('【');
    expect(run('--format', 'json').stdout).toBe(zh('--format', 'json').stdout);
  });

  test('HAZE_LANG=en is the same as --lang en', () => {
    const byEnv = haze(['--wide', 'findings', 'circular'], { cwd: dir, env: { ...env, HAZE_LANG: 'en' } });
    expect(byEnv.status).toBe(0);
    expect(byEnv.stdout).toBe(run().stdout);
  });
});
