import { newProblem, type Problem } from '../../src/core/problem.js';
import { problemsByKind } from '../../src/core/problemGroups.js';

const at = (
  row: number | undefined,
  value: string,
  message = { zh: '检查时间无法识别', en: 'the time cannot be read' },
  severity: Problem['severity'] = 'error',
): Problem =>
  newProblem({ severity, code: 'HAZE_RECORD_TIME', where: { file: 'r.csv', ...(row === undefined ? {} : { row }), column: 'checked_at' }, value, message });

describe('problems said once per kind', () => {
  test('one row stays as it was found', () => {
    const p = at(4, 'x');
    expect(problemsByKind([p])).toEqual([p]);
  });

  test('many rows: ranges in row order, the first few past which "…", one value said as such', () => {
    const rows = [30, 2, 3, 4, 6, 8, 9, 10, 12, 14, 16, 18];
    const [said] = problemsByKind(rows.map((r) => at(r, 'x')));
    expect(said!.message.zh).toBe('检查时间无法识别（第 2–4、6、8–10、12、14、16、… 行，共 12 行），值："x"');
    expect(said!.message.en).toBe('the time cannot be read (rows 2–4, 6, 8–10, 12, 14, 16, …; 12 in all), found: "x"');
    expect(said!.where).toEqual({ file: 'r.csv', column: 'checked_at' });
    expect(said!.value).toBeUndefined();
    expect(said!.hint).toEqual(at(2, 'x').hint);
  });

  test('a warning and an error of the same words, other messages, and problems with no row stay apart', () => {
    const other = { zh: '检查时间不在日期列的这一天', en: 'not on the date' };
    const said = problemsByKind([at(2, 'a'), at(3, 'b', other), at(4, 'c'), at(5, 'd', undefined, 'warning'), at(undefined, 'e'), at(6, 'f', other)]);
    expect(said.map((p) => [p.severity, p.where.row, p.message.zh])).toEqual([
      ['error', undefined, '检查时间无法识别（第 2、4 行，共 2 行），值如 "a"、"c"'],
      ['error', undefined, '检查时间不在日期列的这一天（第 3、6 行，共 2 行），值如 "b"、"f"'],
      ['warning', 5, '检查时间无法识别'],
      ['error', undefined, '检查时间无法识别'],
    ]);
  });
});
