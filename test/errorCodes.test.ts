/**
 * The registry of codes (src/errorCodes.ts) is the one place a code, its exit code, its title and its hint
 * are written: every code in it is used, every one is described in both languages, and the rest of src
 * names codes only through it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CODE, CODES, EXIT, type Code } from '../src/errorCodes.js';
import { CODE as CODE_VIA_ERRORS, EXIT as EXIT_VIA_ERRORS, HazeError } from '../src/errors.js';
import { newProblem } from '../src/core/problem.js';

const SRC = join(process.cwd(), 'src');
const REGISTRY = join(SRC, 'errorCodes.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(p);
    return d.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every source file but the registry, as text. */
const sources = tsFiles(SRC)
  .filter((f) => f !== REGISTRY)
  .map((f) => ({ file: relative(process.cwd(), f), text: readFileSync(f, 'utf8') }));
const codes = Object.keys(CODES) as Code[];

test('the registry holds every code once, by the spelling scripts read', () => {
  expect(codes.length).toBeGreaterThanOrEqual(70);
  for (const code of codes) expect(code).toMatch(/^HAZE_[A-Z0-9]+(_[A-Z0-9]+)*$/);
  expect(Object.entries(CODE)).toEqual(codes.map((c) => [c, c]));
  expect(Object.isFrozen(CODE)).toBe(true);
  // errors.ts hands on the same objects: one registry, not a copy.
  expect(CODE_VIA_ERRORS).toBe(CODE);
  expect(EXIT_VIA_ERRORS).toBe(EXIT);
});

test('every code has a title and a hint in Chinese and in English', () => {
  const lacking = codes.filter((code) => {
    const { title, hint } = CODES[code];
    return [title.zh, title.en, hint.zh, hint.en].some((s) => typeof s !== 'string' || s.trim() === '');
  });
  expect(lacking).toEqual([]);
  // A title is one line: what the code means, not a paragraph.
  expect(codes.filter((code) => /\n/.test(CODES[code].title.zh + CODES[code].title.en))).toEqual([]);
  // The Chinese text is Chinese.
  expect(codes.filter((code) => !/[\u4e00-\u9fff]/.test(CODES[code].title.zh) || !/[\u4e00-\u9fff]/.test(CODES[code].hint.zh))).toEqual([]);
});

test('an error code has an exit code from EXIT (not 0, not the failed check); a problem code has none', () => {
  const exits = new Set<number>(Object.values(EXIT));
  for (const code of codes) {
    const spec = CODES[code];
    if (spec.kind === 'error') {
      const exit: number = spec.exit;
      expect([code, exits.has(exit), exit !== EXIT.ok && exit !== EXIT.checkFailed]).toEqual([code, true, true]);
    } else {
      expect([code, spec.kind, 'exit' in spec]).toEqual([code, 'problem', false]);
    }
  }
  expect(codes.filter((c) => CODES[c].kind === 'error').length).toBeGreaterThan(0);
  expect(codes.filter((c) => CODES[c].kind === 'problem').length).toBeGreaterThan(0);
});

test('every code in the registry is used somewhere in src (a code no one reports is dead)', () => {
  const unused = codes.filter((code) => !sources.some((s) => new RegExp(`\\b${code}\\b`).test(s.text)));
  expect(unused).toEqual([]);
});

test('no code is written as a string outside the registry: src names them through CODE', () => {
  const literal = /(['"`])HAZE_[A-Z0-9_]+\1/g;
  const found = sources.flatMap((s) => (s.text.match(literal) ?? []).map((m) => `${s.file}: ${m}`));
  expect(found).toEqual([]);
});

test('no exit number is written outside EXIT', () => {
  const numeric = /(process\.exitCode\s*=\s*\d|process\.exit\(\s*\d|exitCode:\s*\d)/g;
  const found = sources.flatMap((s) => (s.text.match(numeric) ?? []).map((m) => `${s.file}: ${m}`));
  expect(found).toEqual([]);
});

test("a HazeError takes its exit code from the registry, and the code's hint unless it is given one", () => {
  const plain = new HazeError(CODE.HAZE_LIST_INVALID, { message: { zh: '清单有 2 处错误，未处理', en: 'the list has 2 errors; nothing was done' } });
  expect([plain.code, plain.exitCode, plain.hint, plain.message]).toEqual([
    'HAZE_LIST_INVALID',
    EXIT.dataErr,
    CODES.HAZE_LIST_INVALID.hint,
    'the list has 2 errors; nothing was done',
  ]);
  const own = { zh: '工作表有：清单', en: 'its sheets: 清单' };
  const specific = new HazeError(CODE.HAZE_SHEET_MISSING, { message: { zh: '没有', en: 'none' }, where: { file: 'a.xlsx' }, hint: own });
  expect([specific.exitCode, specific.hint, specific.where]).toEqual([EXIT.usage, own, { file: 'a.xlsx' }]);
});

test("a problem has the code's hint unless it is given one", () => {
  const where = { file: 'list.csv', row: 3, column: '绩效等级' };
  const message = { zh: '无法识别的绩效等级"E"', en: 'unknown performance grade "E"' };
  expect(newProblem({ severity: 'error', code: CODE.HAZE_ROW_GRADE_UNKNOWN, where, value: 'E', message }).hint).toBe(CODES.HAZE_ROW_GRADE_UNKNOWN.hint);
  const own = { zh: '核对', en: 'check it' };
  expect(newProblem({ severity: 'warning', code: CODE.HAZE_ROW_COORD_FAR, where, message, hint: own }).hint).toBe(own);
});
