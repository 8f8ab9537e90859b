import { clueOutcome, refuteCause } from '../../../src/core/evidence/clueOutcome.js';
import { clueTally } from '../../../src/core/evidence/clueTally.js';
import type { Clue, ClueOutcome } from '../../../src/core/evidence/model.js';

describe("a clue as the inspector's record leaves it", () => {
  test.each([
    ['电表故障，已报修', 'meter_fault'],
    ['线路被压断', 'meter_fault'],
    ['当日设备检修', 'maintenance'],
    ['平台数据有误', 'data_error'],
    ['记录重复', 'data_error'],
    ['企业说明已停产', 'other'],
  ])('%s → %s', (note, cause) => expect(refuteCause(note)).toBe(cause));

  test('any violation confirms; all ok refutes with the cause; nothing or only na is open', () => {
    expect(
      clueOutcome([
        { result: 'ok', note: '' },
        { result: 'violation', note: '' },
      ]),
    ).toEqual({ status: 'confirmed' });
    expect(
      clueOutcome([
        { result: 'ok', note: '窑炉维护' },
        { result: 'na', note: '' },
      ]),
    ).toEqual({ status: 'refuted', cause: 'maintenance' });
    expect(clueOutcome([])).toEqual({ status: 'open' });
    expect(clueOutcome([{ result: 'na', note: '' }])).toEqual({ status: 'open' });
  });

  test('the tally counts by kind and by rule, refuted by cause', () => {
    const clue = (id: string, kind: Clue['kind'], rule: Clue['rule']) => ({ id, kind, rule }) as Clue;
    const clues = [
      clue('a', 'production_during_stop', 'stop'),
      clue('b', 'production_during_stop', 'stop'),
      clue('c', 'meter_silent', 'silent'),
      clue('d', 'banned_truck', 'truck'),
    ];
    const outcomes = new Map<string, ClueOutcome>([
      ['a', { status: 'confirmed' }],
      ['b', { status: 'refuted', cause: 'meter_fault' }],
      ['c', { status: 'open' }],
    ]);
    const t = clueTally(clues, outcomes);
    expect(t.total).toMatchObject({ raised: 4, checked: 2, confirmed: 1, refuted: 1, open: 2 });
    expect(t.byKind.production_during_stop).toMatchObject({ raised: 2, checked: 2, refutedBy: { meter_fault: 1, maintenance: 0, data_error: 0, other: 0 } });
    expect(t.byRule.truck).toMatchObject({ raised: 1, open: 1 });
    expect(t.byRule.limit).toBeUndefined();
  });
});
