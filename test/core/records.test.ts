import { checkResultRows, enterpriseNameKey, type RecordLookups, type ResultRow } from '../../src/core/records.js';
import type { Enterprise } from '../../src/core/model.js';
import { problemsByKind } from '../../src/core/problemGroups.js';
import { CODES } from '../../src/errorCodes.js';

const A = { creditCode: '913204137876638439', name: '常州市金坛区方圆化工有限公司' } as Enterprise;
const B = { creditCode: '913204135551904858', name: '金坛金泰彩印有限公司' } as Enterprise;
const C = { creditCode: '91320413MA36HN011B', name: '常州瑞祥塑胶制品有限公司' } as Enterprise;

function lookups(list: Enterprise[]): RecordLookups {
  return {
    enterprise: (code) => list.find((e) => e.creditCode === code),
    named: (name) => list.filter((e) => enterpriseNameKey(e.name) === enterpriseNameKey(name)),
    groupExists: (id) => id === '1',
    itemsFor: () => null, // any item (each row below its own, so that none is a duplicate)
    outsideAlert: () => null,
    planned: () => true,
  };
}

let nextRow = 2;
const row = (over: Partial<ResultRow>): ResultRow => ({
  where: { file: 'r.csv', row: nextRow },
  date: '2026/12/2',
  group: '1',
  seq: '1',
  creditCode: C.creditCode,
  name: C.name,
  itemId: `item${nextRow++}`,
  item: '',
  result: '合格',
  note: '',
  inspectors: '王建国',
  checkedAt: '',
  ...over,
});

describe('check times as written in the results file', () => {
  test.each([
    ['2026/12/2 13:05', '2026-12-02', 13 * 60 + 5],
    ['2026-12-2 9:00', '2026-12-02', 9 * 60],
    ['2026/12/2 13:05:00', '2026-12-02', 13 * 60 + 5],
    ['2026年12月2日9时', '2026-12-02', 9 * 60],
    ['12月2日9时30分', '2026-12-02', 9 * 60 + 30], // the year from the date column
    ['09:00', '2026-12-02', 9 * 60], // the date from the date column
    ['9:00', '2026-12-02', 9 * 60],
    ['9时', '2026-12-02', 9 * 60],
    ['46358.5451388889', '2026-12-02', 13 * 60 + 5], // an Excel serial in a cell whose format was cleared
  ])('%s', (cell, date, minutes) => {
    const r = checkResultRows([row({ checkedAt: cell })], lookups([C]), {});
    expect(r.problems).toEqual([]);
    expect(r.visits.map((v) => v.checkedAt)).toEqual([{ date, minutes }]);
  });

  test('a time on another day than the date column, and one that cannot be read, are errors', () => {
    const r = checkResultRows([row({ checkedAt: '2026/12/3 9:00' }), row({ checkedAt: '明天上午' })], lookups([C]), {});
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh, p.value])).toEqual([
      ['error', 'HAZE_RECORD_TIME', '检查时间不在日期列的这一天', '2026/12/3 9:00（日期列 2026-12-02）'],
      ['error', 'HAZE_RECORD_TIME', '检查时间无法识别', '明天上午'],
    ]);
    expect(r.problems[1]!.hint!.zh).toContain('2019/12/8 13:05');
  });

  test('a bare time where the date cannot be read: the date is the one error', () => {
    const r = checkResultRows([row({ date: '12/2', checkedAt: '9:00' })], lookups([C]), {});
    expect(r.problems.map((p) => p.code)).toEqual(['HAZE_RECORD_DATE']);
  });

  test('--checked-at given as a time of day is taken on each row’s date; a cell wins over it', () => {
    const r = checkResultRows(
      [row({ date: '2026-12-02', creditCode: A.creditCode, name: A.name }), row({ date: '2026-12-02', checkedAt: '10:15' })],
      lookups([A, C]),
      { checkedAt: '9:30' },
    );
    expect(r.problems).toEqual([]);
    expect(r.visits.map((v) => [v.creditCode, v.checkedAt])).toEqual([
      [A.creditCode, { date: '2026-12-02', minutes: 9 * 60 + 30 }],
      [C.creditCode, { date: '2026-12-02', minutes: 10 * 60 + 15 }],
    ]);
  });

  test('an empty check time is a warning at the rows of visits with no time on any row; a time on one item is the visit’s', () => {
    const r = checkResultRows(
      [
        row({ creditCode: A.creditCode, name: A.name, checkedAt: '13:05' }),
        row({ creditCode: A.creditCode, name: A.name }),
        row({ creditCode: C.creditCode }),
        row({ creditCode: B.creditCode, name: B.name, checkedAt: '2026/12/2' }),
      ],
      lookups([A, B, C]),
      {},
    );
    expect(r.problems.map((p) => [p.severity, p.code, p.where.row, p.message.zh])).toEqual([
      ['warning', 'HAZE_RECORD_NO_TIME', nextRow - 2, '没有填写检查时间：按没有检查时间记录'],
      ['warning', 'HAZE_RECORD_NO_TIME', nextRow - 1, '检查时间只有日期，没有钟点：按没有检查时间记录'],
    ]);
    expect(r.visits.map((v) => [v.creditCode, v.checkedAt, v.items.length])).toEqual([
      [A.creditCode, { date: '2026-12-02', minutes: 13 * 60 + 5 }, 2],
      [C.creditCode, null, 1],
      [B.creditCode, null, 1],
    ]);
  });
});

describe('a credit code Excel turned into a number', () => {
  test('is the enterprise of that name when the name is the only one on the list, with a warning naming Excel and the fix', () => {
    const r = checkResultRows([row({ creditCode: '9.13204E+17', name: A.name, checkedAt: '13:05' })], lookups([A, B, C]), {});
    expect(r.visits.map((v) => [v.creditCode, v.name])).toEqual([[A.creditCode, A.name]]);
    expect(r.problems.map((p) => [p.severity, p.code, p.value, p.message.zh])).toEqual([
      ['warning', 'HAZE_RECORD_CODE_MANGLED', '9.13204E+17', `统一社会信用代码被 Excel 转成了数字：按企业名称认作 ${A.name}（${A.creditCode}）`],
    ]);
    expect(r.problems[0]!.hint).toEqual(CODES.HAZE_ROW_CODE_MANGLED.hint); // as the list's validator says it
    expect(r.problems[0]!.hint!.zh).toContain('设置单元格格式为"文本"');
  });

  test('full-width brackets and spaces in the name do not matter', () => {
    const D = { creditCode: '913204137069576724', name: '江苏昌盛生物医药科技有限公司(二厂)' } as Enterprise;
    const r = checkResultRows([row({ creditCode: '9.13204E+17', name: '江苏昌盛生物医药科技有限公司 （二厂）', checkedAt: '13:05' })], lookups([D]), {});
    expect(r.visits.map((v) => v.creditCode)).toEqual([D.creditCode]);
  });

  test('is refused, with the Excel hint and the codes so named, when two enterprises have that name', () => {
    const twin = { ...B, name: A.name };
    const r = checkResultRows([row({ creditCode: '9.13204E+17', name: A.name, checkedAt: '13:05' })], lookups([A, twin, C]), {});
    expect(r.visits).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh])).toEqual([
      ['error', 'HAZE_RECORD_CODE_MANGLED', `统一社会信用代码被 Excel 转成了数字，清单中有 2 家企业名为"${A.name}"，无法确定是哪一家`],
    ]);
    expect(r.problems[0]!.hint!.zh).toContain('设置单元格格式为"文本"');
    expect(r.problems[0]!.hint!.zh).toContain(`${A.creditCode}、${B.creditCode}`);
  });

  test('is refused when the name is not on the list, or when its code would not show as that number', () => {
    const r = checkResultRows(
      [
        row({ creditCode: '9.13204E+17', name: '常州不存在有限公司' }),
        row({ creditCode: '9.13205E+17', name: A.name }),
        row({ creditCode: '9.13204E+17', name: C.name }),
      ],
      lookups([A, C]),
      {},
    );
    expect(r.visits).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.message.zh])).toEqual([
      ['HAZE_RECORD_CODE_MANGLED', '统一社会信用代码被 Excel 转成了数字，清单中也没有名为"常州不存在有限公司"的企业'],
      ['HAZE_RECORD_CODE_MANGLED', `统一社会信用代码被 Excel 转成了数字，而清单中"${A.name}"的代码 ${A.creditCode} 不会显示成这个数`],
      ['HAZE_RECORD_CODE_MANGLED', `统一社会信用代码被 Excel 转成了数字，而清单中"${C.name}"的代码 ${C.creditCode} 不会显示成这个数`],
    ]);
    expect(r.problems.every((p) => p.severity === 'error' && p.hint === CODES.HAZE_RECORD_CODE_MANGLED.hint)).toBe(true);
  });

  test('two enterprises whose codes both show as 9.13204E+17 are two visits, not one item twice', () => {
    const r = checkResultRows(
      [row({ creditCode: '9.13204E+17', name: A.name, checkedAt: '13:05' }), row({ creditCode: '9.13204E+17', name: B.name, checkedAt: '14:05' })],
      lookups([A, B]),
      {},
    );
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.visits.map((v) => v.creditCode)).toEqual([A.creditCode, B.creditCode]);
  });
});

describe('the same problem on many rows is said once', () => {
  test('69 rows of an unreadable time → one line with the row range, a few values and the hint', () => {
    const rows = Array.from({ length: 69 }, (_, i) => row({ where: { file: 'r.csv', row: i + 2 }, checkedAt: `2026.12/${(i % 5) + 1} 下午三点` }));
    const r = checkResultRows(rows, lookups([C]), {});
    expect(r.problems).toHaveLength(69);
    const said = problemsByKind(r.problems);
    expect(said).toHaveLength(1);
    expect(said[0]!.where).toEqual({ file: 'r.csv', column: 'checked_at' });
    expect(said[0]!.message.zh).toBe('检查时间无法识别（第 2–70 行，共 69 行），值如 "2026.12/1 下午三点"、"2026.12/2 下午三点"、"2026.12/3 下午三点" 等');
    expect(said[0]!.message.en).toBe(
      'the time of the check cannot be read (rows 2–70; 69 in all), values such as "2026.12/1 下午三点", "2026.12/2 下午三点", "2026.12/3 下午三点", …',
    );
    expect(said[0]!.hint).toEqual(CODES.HAZE_RECORD_TIME.hint);
  });

  test('rows apart are ranges; different problems and different enterprises stay apart, in the order first met', () => {
    const at = (n: number, over: Partial<ResultRow>) => row({ where: { file: 'r.csv', row: n }, ...over });
    const r = checkResultRows(
      [
        at(2, { checkedAt: 'x' }),
        at(3, { checkedAt: 'x' }),
        at(5, { checkedAt: 'y' }),
        at(6, { creditCode: '91320413MA0000000X', name: '甲' }),
        at(7, { creditCode: '91320413MA0000000Y', name: '乙' }),
        at(9, { checkedAt: 'x' }),
      ],
      lookups([C]),
      { checkedAt: '9:00' },
    );
    expect(problemsByKind(r.problems).map((p) => [p.code, p.where.row, p.message.zh])).toEqual([
      ['HAZE_RECORD_TIME', undefined, '检查时间无法识别（第 2–3、5、9 行，共 4 行），值如 "x"、"y"'],
      ['HAZE_RECORD_ENTERPRISE', 6, '清单中没有这家企业：91320413MA0000000X 甲'],
      ['HAZE_RECORD_ENTERPRISE', 7, '清单中没有这家企业：91320413MA0000000Y 乙'],
    ]);
  });
});
