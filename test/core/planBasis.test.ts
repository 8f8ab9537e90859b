/** What changed since a plan of record was made, and what a replan changed, in words. */
import type { DayRoute } from '../../src/core/model.js';
import { basisChanges, routeChanges, type PlanBasis } from '../../src/core/planBasis.js';

const basis: PlanBasis = {
  level: 'orange',
  seed: 1,
  shift: 'day',
  areas: 'groups',
  enterprises: { A: 'a1', B: 'b1', C: 'c1' },
  groups: 'g1',
  rules: 'r1',
  violations: [],
  findings: [],
  inspections: 0,
};
const zh = (b: Partial<PlanBasis>) => basisChanges(basis, { ...basis, ...b }).map((t) => t.zh);
const en = (b: Partial<PlanBasis>) => basisChanges(basis, { ...basis, ...b }).map((t) => t.en);

describe('basisChanges', () => {
  test('nothing changed: nothing said', () => {
    expect(basisChanges(basis, { ...basis })).toEqual([]);
  });
  test('new violations on record, named by count', () => {
    expect(zh({ violations: ['A', 'B'], inspections: 5 })).toEqual(['2 家企业新记有违规']);
    expect(en({ violations: ['A'] })).toEqual(['1 enterprise now has a violation on record']);
  });
  test('more inspections without violations', () => {
    expect(zh({ inspections: 3 })).toEqual(['新记录 3 次检查']);
  });
  test('the list edited: added, removed, edited', () => {
    expect(zh({ enterprises: { A: 'a2', B: 'b1', D: 'd1' } })).toEqual(['清单新增 1 家、删去 1 家、1 家有改动']);
  });
  test('level, seed, areas, groups and rules', () => {
    expect(zh({ level: 'red', seed: 2, areas: 'auto', groups: 'g2', rules: 'r2' })).toEqual([
      '预警级别现为红色（计划按橙色制定）',
      '种子现为 2（计划用 1）',
      '片区现为自动划分（计划按 groups.yaml）',
      'groups.yaml 已修改',
      '规则文件已修改',
    ]);
  });
  test('findings opened and closed, violations cleared', () => {
    const was = { ...basis, violations: ['A'], findings: ['B'] };
    expect(basisChanges(was, { ...basis, findings: ['C'] }).map((t) => t.zh)).toEqual([
      '1 家企业复查合格',
      '1 家企业新有省级暗查问题',
      '1 家企业的省级暗查问题已关闭',
    ]);
  });
});

const route = (groupId: string, codes: string[]): DayRoute => ({
  date: '2019-12-09',
  groupId,
  totalKm: 1,
  returnAt: 1000,
  visits: codes.map((c, i) => ({
    date: '2019-12-09',
    groupId,
    seq: i + 1,
    creditCode: c,
    arrive: 500 + i,
    depart: 510 + i,
    legKm: 1,
    action: 'stop',
    reason: [],
  })),
});
const names = new Map([
  ['1', '第一组'],
  ['2', '第二组'],
]);

describe('routeChanges', () => {
  test('added and removed, group by group; unchanged groups are left out', () => {
    const changes = routeChanges([route('1', ['A', 'B']), route('2', ['C'])], [route('1', ['B', 'D']), route('2', ['C'])], names, (c) => `企业${c}`);
    expect(changes.map((t) => t.zh)).toEqual(['第一组：加入 企业D；去掉 企业A']);
    expect(changes.map((t) => t.en)).toEqual(['第一组: added 企业D; removed 企业A']);
  });
  test('the same enterprises in another order', () => {
    expect(routeChanges([route('1', ['A', 'B'])], [route('1', ['B', 'A'])], names, (c) => c).map((t) => t.zh)).toEqual(['第一组：顺序调整']);
  });
  test('nothing changed', () => {
    expect(routeChanges([route('1', ['A'])], [route('1', ['A'])], names, (c) => c)).toEqual([]);
  });
});
