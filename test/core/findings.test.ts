import { checkFindingRows, findingText, type FindingRow } from '../../src/core/findings.js';
import type { Enterprise } from '../../src/core/model.js';
import { CODES } from '../../src/errorCodes.js';

const A = { creditCode: '91320413MA36HN011B', name: '常州瑞祥塑胶制品有限公司', village: '致和村' } as Enterprise;
const B = { creditCode: '91320413554494321E', name: '常州振华纺织印染有限公司（二厂）', village: '薛埠现代产业园' } as Enterprise;
const byCode = new Map([A, B].map((e) => [e.creditCode, e]));
const lookup = (code: string) => byCode.get(code);

let n = 1;
function row(cells: Partial<Omit<FindingRow, 'where'>>): FindingRow {
  n += 1;
  return {
    where: { file: 'f.csv', row: n },
    date: '2019-12-08',
    creditCode: A.creditCode,
    name: '',
    problem: '注塑工序未停',
    source: '苏大气办〔2019〕12号',
    ...cells,
  };
}
const check = (rows: FindingRow[], today = '2019-12-10') => checkFindingRows(rows, lookup, today);
const summary = (rows: FindingRow[], today?: string) =>
  check(rows, today).problems.map((p) => `${p.where.row}:${p.where.column} ${p.severity} ${p.code} ${p.value ?? ''}`);

beforeEach(() => {
  n = 1;
});

describe('checkFindingRows', () => {
  test("a good row becomes a finding with the list's name and the cleaned text", () => {
    const r = check([
      row({ date: '2019年12月8日', creditCode: ' ９１３２０４１３ma36hn011b ', problem: '  注塑工序\n未停 ', source: '苏大气办〔2019〕12号 ' }),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.findings).toEqual([
      {
        date: '2019-12-08',
        creditCode: '91320413MA36HN011B',
        name: '常州瑞祥塑胶制品有限公司',
        // The row names no enterprise: the province's spelling is unknown.
        bulletinName: null,
        problem: '注塑工序 未停',
        source: '苏大气办〔2019〕12号',
        row: 2,
      },
    ]);
  });

  test('every bad row is reported with its row and column, and none of them becomes a finding', () => {
    const rows = [
      row({ date: '2019-13-01' }),
      row({ date: '' }),
      row({ creditCode: '' }),
      row({ creditCode: '91320413MA36HN011C' }),
      row({ creditCode: '9.13204E+17' }),
      row({ problem: '  ' }),
      row({ source: '' }),
      row({ date: '2019-12-11' }),
    ];
    const r = check(rows);
    expect(r.findings).toEqual([]);
    expect(summary(rows)).toEqual([
      '2:date error HAZE_FINDING_DATE 2019-13-01',
      '3:date error HAZE_FINDING_DATE ',
      '4:credit_code error HAZE_FINDING_ENTERPRISE ',
      '5:credit_code error HAZE_FINDING_ENTERPRISE 91320413MA36HN011C',
      '6:credit_code error HAZE_FINDING_ENTERPRISE 9.13204E+17',
      '7:problem error HAZE_FINDING_PROBLEM ',
      '8:source error HAZE_FINDING_SOURCE ',
      '9:date error HAZE_FINDING_DATE_FUTURE 2019-12-11',
    ]);
  });

  test('hints tell a wrong check character from a code Excel turned into a number from a code of another town', () => {
    const r = check([row({ creditCode: '91320413MA36HN011C' }), row({ creditCode: '9.13204E+17' }), row({ creditCode: '91320413MA1MXK7Q09' })]);
    expect(r.problems.map((p) => p.hint?.en)).toEqual([
      'this is not a valid credit code: check each character',
      CODES.HAZE_ROW_CODE_MANGLED.hint.en, // said as the list's validator says it
      "check the credit code; an enterprise not on this town's list belongs to another town",
    ]);
  });

  test("a name that differs from the list is a warning, and the finding is kept under the list's name", () => {
    const r = check([
      row({ creditCode: B.creditCode, name: '振华印染' }),
      row({ creditCode: B.creditCode, name: '常州振华纺织印染有限公司(二厂)', problem: '另一个问题' }),
    ]);
    expect(r.problems.map((p) => [p.severity, p.code, p.where.row, p.value])).toEqual([['warning', 'HAZE_FINDING_NAME', 2, '振华印染']]);
    expect(r.findings.map((f) => f.name)).toEqual([B.name, B.name]);
  });

  test('the same finding twice in the file is an error at the second row; a different source is another finding', () => {
    const rows = [row({}), row({ problem: ' 注塑工序未停\n' }), row({ source: '苏大气办〔2019〕13号' })];
    expect(summary(rows)).toEqual(['3:problem error HAZE_FINDING_DUPLICATE 注塑工序未停']);
    expect(check(rows).problems[0]!.message.zh).toBe('与第 2 行重复（同一日期、企业、问题和来源）');
    expect(check(rows).findings.map((f) => f.row)).toEqual([2, 4]);
  });

  test('findingText makes white space one space', () => {
    expect(findingText(' a \r\n b\t c ')).toBe('a b c');
  });
});

describe('a code Excel turned into a number (9.13204E+17)', () => {
  // All-digit codes: Excel shows both as 9.13204E+17.
  const C = { creditCode: '913204135768354140', name: '金坛丰达木业有限公司', village: '罗村村' } as Enterprise;
  const D = { creditCode: '913204137812436455', name: '金坛丰达木业有限公司', village: '东窑村' } as Enterprise;
  const checkWith = (list: Enterprise[], rows: FindingRow[]) => {
    const codes = new Map([A, ...list].map((e) => [e.creditCode, e]));
    const named = (name: string) => [A, ...list].filter((e) => e.name === name.trim());
    return checkFindingRows(rows, (code) => codes.get(code), '2019-12-10', named);
  };

  test('matched through a unique name, as record matches it, with a warning naming Excel', () => {
    const r = checkWith([C], [row({ creditCode: '9.13204E+17', name: '金坛丰达木业有限公司' })]);
    expect(r.findings.map((f) => f.creditCode)).toEqual(['913204135768354140']);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh])).toEqual([
      ['warning', 'HAZE_FINDING_CODE_MANGLED', '统一社会信用代码被 Excel 转成了数字：按企业名称认作 金坛丰达木业有限公司（913204135768354140）'],
    ]);
  });

  test('two enterprises of that name: an error that lists both codes, and nothing recorded', () => {
    const r = checkWith([C, D], [row({ creditCode: '9.13204E+17', name: '金坛丰达木业有限公司' })]);
    expect(r.findings).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'HAZE_FINDING_CODE_MANGLED']]);
    expect(r.problems[0]!.hint!.zh).toContain('913204135768354140、913204137812436455');
  });

  test('a name whose code would not show as that number is refused, not matched', () => {
    const r = checkWith([C], [row({ creditCode: '9.13205E+17', name: '金坛丰达木业有限公司' })]);
    expect(r.findings).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'HAZE_FINDING_CODE_MANGLED']]);
  });
});
