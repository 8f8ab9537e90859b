/**
 * The one rule of which format a command writes (src/cli/outputFormat.ts), as plain calls: a file is what its
 * name says, --format and --excel must agree with it, and a PDF never goes to a terminal. The CLI tests
 * (formats-follow-names.test.ts) hold the commands to it.
 */
import { chooseFormat, refuseBinaryToTerminal } from '../../src/cli/outputFormat.js';
import { HazeError } from '../../src/errors.js';

const MEASURES = ['table', 'csv', 'json'] as const;
const CHECKLIST = ['text', 'md', 'csv', 'html', 'pdf'] as const;

function refusal(f: () => unknown): { code: string; exit: number; zh: string; hint: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof HazeError) return { code: err.code, exit: err.exitCode, zh: err.text.zh, hint: err.hint.zh };
    throw err;
  }
  throw new Error('not refused');
}

const ask = (output: string | undefined, format?: string, excel = false) => ({ output, format, excel });

describe('chooseFormat', () => {
  test('the name decides when nothing else is asked', () => {
    expect(chooseFormat(ask('措施.csv'), MEASURES, 'table')).toBe('csv');
    expect(chooseFormat(ask('措施.CSV'), MEASURES, 'table')).toBe('csv');
    expect(chooseFormat(ask('out/措施.json'), MEASURES, 'table')).toBe('json');
    expect(chooseFormat(ask('第一组.htm'), CHECKLIST, 'text')).toBe('html');
    expect(chooseFormat(ask('清单.pdf'), CHECKLIST, 'text')).toBe('pdf');
  });

  test('a name that names no format takes --format or the default', () => {
    expect(chooseFormat(ask(undefined), MEASURES, 'table')).toBe('table');
    expect(chooseFormat(ask('-', 'json'), MEASURES, 'table')).toBe('json');
    expect(chooseFormat(ask('措施.txt'), MEASURES, 'table')).toBe('table');
    expect(chooseFormat(ask('haze.db', 'csv'), MEASURES, 'table')).toBe('csv');
    expect(chooseFormat(ask('/dev/null'), MEASURES, 'table')).toBe('table');
    expect(chooseFormat(ask('输出'), MEASURES, 'table')).toBe('table');
    expect(chooseFormat(ask(undefined, undefined, true), MEASURES, 'table')).toBe('csv');
  });

  test.each([
    ['措施.xlsx', MEASURES, '.csv（csv）', '--excel -o 措施.csv'],
    ['措施.XLS', MEASURES, '.json（json）', '--excel -o 措施.csv'],
    ['报告.docx', ['table', 'csv', 'json', 'md'] as const, '.md（md）', '-o 报告.md'],
    ['清单.docx', CHECKLIST, '.pdf（pdf）', '-o 清单.pdf 或 -o 清单.html'],
    ['措施.md', MEASURES, '.txt（table）', '-o 措施.csv'],
    ['措施.pdf', MEASURES, '.csv（csv）', '-o 措施.csv'],
    ['路线.kml', ['table', 'csv', 'json', 'geojson', 'gpx'] as const, '.gpx（gpx）', '-o 路线.geojson'],
  ])('-o %s: refused with 64, naming what the command writes and what to use', (file, allowed, listed, suggested) => {
    const r = refusal(() => chooseFormat(ask(file), allowed, allowed[0]));
    expect(r.code).toBe('HAZE_OUTPUT_EXTENSION');
    expect(r.exit).toBe(64);
    expect(r.zh).toContain(`-o ${file}：haze 不能写 ${file.slice(file.lastIndexOf('.')).toLowerCase()} 文件`);
    expect(r.zh).toContain(listed);
    expect(r.hint).toContain(suggested);
  });

  test('--format or --excel against the name: refused with 64, the fix named', () => {
    const r = refusal(() => chooseFormat(ask('x.csv', 'json'), MEASURES, 'table'));
    expect([r.code, r.exit]).toEqual(['HAZE_OUTPUT_FORMAT_MISMATCH', 64]);
    expect(r.zh).toBe('--format json 与 -o x.csv 不符：文件名是 csv 文件，内容却是 json');
    expect(r.hint).toContain('x.json');
    const e = refusal(() => chooseFormat(ask('x.json', undefined, true), MEASURES, 'table'));
    expect([e.code, e.zh]).toEqual(['HAZE_OUTPUT_FORMAT_MISMATCH', '--excel 与 -o x.json 不符：文件名是 json 文件，内容却是 csv']);
    // Agreeing is fine.
    expect(chooseFormat(ask('x.csv', 'csv', true), MEASURES, 'table')).toBe('csv');
  });

  test('--format the command lacks, and --excel with another format, stay usage errors', () => {
    expect(refusal(() => chooseFormat(ask(undefined, 'pdf'), MEASURES, 'table'))).toMatchObject({ code: 'HAZE_USAGE', exit: 64 });
    expect(refusal(() => chooseFormat(ask(undefined, 'json', true), MEASURES, 'table'))).toMatchObject({ code: 'HAZE_USAGE', exit: 64 });
    const noCsv = refusal(() => chooseFormat(ask(undefined, undefined, true), ['text', 'json'] as const, 'text'));
    expect(noCsv).toMatchObject({ code: 'HAZE_USAGE', exit: 64, zh: '--excel 用于 CSV 输出，而此命令可用：text、json' });
  });
});

describe('refuseBinaryToTerminal', () => {
  test('a PDF to a terminal is refused with 64 and the two ways to get it', () => {
    const r = refusal(() => refuseBinaryToTerminal('pdf', false, true));
    expect([r.code, r.exit]).toEqual(['HAZE_BINARY_TO_TERMINAL', 64]);
    expect(r.hint).toContain('-o 文件名.pdf');
    expect(r.hint).toContain('管道');
  });

  test('a PDF into a file or a pipe, and text to a terminal, go through', () => {
    expect(refuseBinaryToTerminal('pdf', true, true)).toBeUndefined();
    expect(refuseBinaryToTerminal('pdf', false, false)).toBeUndefined();
    expect(refuseBinaryToTerminal('html', false, true)).toBeUndefined();
    expect(refuseBinaryToTerminal('text', false, true)).toBeUndefined();
  });
});
