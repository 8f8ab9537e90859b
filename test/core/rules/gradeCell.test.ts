import type { Grade } from '../../../src/core/model.js';
import { parseGradeCell } from '../../../src/core/rules/gradeCell.js';

/** Grade cells as real lists write them (domain.md §3) and what they must read as. */
const TABLE: [cell: string, grade: Grade | null, tags: string[]][] = [
  ['A', 'A', []],
  ['a', 'A', []],
  ['A+', 'A+', []],
  ['Ａ＋级', 'A+', []],
  ['Ａ级', 'A', []],
  ['A级', 'A', []],
  [' A 级 ', 'A', []],
  ['绩效等级：A', 'A', []],
  ['引领性', '引领性', []],
  ['引领性企业', '引领性', []],
  ['B', 'B', []],
  ['B级企业', 'B', []],
  ['B-', 'B-', []],
  ['B−', 'B-', []],
  ['Ｂ－', 'B-', []],
  ['b-', 'B-', []],
  ['B-级', 'B-', []],
  ['C', 'C', []],
  ['C类', 'C', []],
  ['D', 'D', []],
  ['非分级', '非分级', []],
  ['一厂一策', '非分级', []],
  ['非重点行业', '非分级', []],
  ['保障类', '保障类', []],
  ['民生保障类', '保障类', []],
  ['民生豁免-B', 'B', ['民生豁免']],
  ['民生豁免—B', 'B', ['民生豁免']],
  ['B-民生豁免', 'B', ['民生豁免']],
  ['B-（民生豁免）', 'B-', ['民生豁免']],
  ['地方C', 'C', ['地方']],
  ['地方_C', 'C', ['地方']],
  ['D（长期停产）', 'D', ['长期停产']],
  ['长期停产-C', 'C', ['长期停产']],
  ['长期停产', null, ['长期停产']],
  ['地方C/长期停产', 'C', ['长期停产', '地方']],
  ['', null, []],
  ['—', null, []],
  ['B/C', null, []],
  ['E', null, []],
  ['N/A', null, []],
  ['B级(整改中)', null, []],
  ['C+', null, []],
  ['重点行业', null, []],
];

describe('parseGradeCell', () => {
  test('the table is large enough to mean something', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
  });

  test.each(TABLE)('%j → %j %j', (cell, grade, tags) => {
    expect(parseGradeCell(cell)).toEqual({ grade, tags, raw: cell });
  });
});
