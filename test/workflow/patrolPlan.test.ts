/**
 * The workflow layer called directly, without the binary: the town loaded once, the alert in force, and the
 * plan of record — fixed when printed, used again whatever is asked later, replanned on request.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAlertEvent } from '../../src/io/store/alerts.js';
import { chooseLevel, dayAndLevel, townAlert } from '../../src/workflow/alertInForce.js';
import { dayChecklist } from '../../src/workflow/dayChecklist.js';
import { patrolPlan, type PlanAsk, type PlanUse } from '../../src/workflow/patrolPlan.js';
import { keepsPlans, readStore, writeStore } from '../../src/workflow/storeDoor.js';
import { loadTown, measuresAt, type Town } from '../../src/workflow/town.js';
import { collectingVoice } from '../../src/workflow/voice.js';
import { HazeError } from '../../src/errors.js';

const D = '2019-12-08';
const D1 = '2019-12-09';
const NOW = Date.parse('2019-12-08T17:00:00+08:00');

async function sampleTown(withStore: boolean): Promise<Town> {
  const cwd = mkdtempSync(join(tmpdir(), 'haze-workflow-'));
  const town = await loadTown({ cwd }, collectingVoice());
  if (withStore) {
    writeStore(town.ws, (db) =>
      appendAlertEvent(db, { kind: 'issue', level: 'orange', at: { date: D, minutes: 14 * 60 } }, new Date(NOW).toISOString(), () => undefined),
    );
  }
  return town;
}

function ask(town: Town, over: Partial<PlanAsk> = {}): PlanAsk {
  return {
    town,
    level: 'orange',
    since: { date: D, minutes: 14 * 60 },
    until: null,
    measures: measuresAt(town, 'orange'),
    start: D1,
    days: 1,
    shift: 'day',
    seed: 1,
    ...over,
  };
}
const print: PlanUse = { fix: 'first', by: 'plan', replan: false, now: NOW };
const codes = (p: { routes: { date: string; groupId: string; visits: { creditCode: string }[] }[] }, date: string, group = '1') =>
  p.routes.filter((r) => r.date === date && r.groupId === group).flatMap((r) => r.visits.map((v) => v.creditCode));

describe('the alert in force', () => {
  test("the sample's own alert stands in while nothing is recorded, and only then", async () => {
    const bare = await sampleTown(false);
    expect(townAlert(bare.ws)).toMatchObject({ fromSample: true, events: [{ kind: 'issue', level: 'orange' }] });
    expect(dayAndLevel(bare.ws, {}, '2026-12-01', collectingVoice())).toMatchObject({ date: D, choice: { level: 'orange', source: 'sample' } });
    const recorded = await sampleTown(true);
    expect(townAlert(recorded.ws).fromSample).toBe(false);
    expect(dayAndLevel(recorded.ws, {}, '2026-12-01', collectingVoice()).date).toBe('2026-12-01');
  });

  test('a day with no alert in force and no --level: exit 64, with how to give one', async () => {
    const town = await sampleTown(true);
    let err: unknown;
    try {
      chooseLevel(town.ws, { date: '2019-12-01' }, collectingVoice());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HazeError);
    expect((err as HazeError).exitCode).toBe(64);
    expect((err as HazeError).hint?.zh).toContain('--level');
    expect(chooseLevel(town.ws, { date: '2019-12-01', level: 'red' }, collectingVoice())).toMatchObject({ level: 'red', source: 'flag' });
  });
});

describe('the plan of record', () => {
  test('the embedded sample without a store keeps no plans, and its first day is not provisional', async () => {
    const town = await sampleTown(false);
    expect(keepsPlans(town.ws)).toBe(false);
    const plan = patrolPlan(ask(town, { days: 2 }), print, collectingVoice());
    plan.commit();
    expect(plan.provisional).toEqual(new Set(['2019-12-10']));
    expect(readStore(town.ws, () => 'store', 'none')).toBe('none');
  });

  test('without a store, a day is planned the same whichever day the plan starts on', async () => {
    const town = await sampleTown(false);
    const fromD = patrolPlan(ask(town, { start: D, days: 2 }), print, collectingVoice());
    const fromD1 = patrolPlan(ask(town, { start: D1, days: 1 }), print, collectingVoice());
    for (const g of ['1', '2', '3']) expect(codes(fromD1, D1, g)).toEqual(codes(fromD, D1, g));
  });

  test('printed once, the day is fixed: another seed or level later gets the same routes, and is told what differs', async () => {
    const town = await sampleTown(true);
    const first = patrolPlan(ask(town), print, collectingVoice());
    first.commit();
    const voice = collectingVoice();
    const later = patrolPlan(ask(town, { seed: 7, level: 'red', measures: measuresAt(town, 'red') }), print, voice);
    for (const g of ['1', '2', '3']) expect(codes(later, D1, g)).toEqual(codes(first, D1, g));
    expect(later.fixed.has(D1)).toBe(true);
    expect(voice.warned.map((t) => t.zh)).toEqual([expect.stringMatching(/预警级别现为红色（计划按橙色制定），种子现为 7（计划用 1）/)]);
  });

  test('a plan that was never committed (the paper failed to print) fixes nothing', async () => {
    const town = await sampleTown(true);
    patrolPlan(ask(town), print, collectingVoice());
    const again = patrolPlan(ask(town, { seed: 7 }), print, collectingVoice());
    expect(again.fixed.size).toBe(0);
  });

  test('replan makes a new plan of record for the day and says how the routes changed', async () => {
    const town = await sampleTown(true);
    const first = patrolPlan(ask(town), print, collectingVoice());
    first.commit();
    const voice = collectingVoice();
    // At red, more enterprises must stop: the day's routes change.
    const re = patrolPlan(ask(town, { level: 'red', measures: measuresAt(town, 'red') }), { ...print, by: 'replan', replan: true }, voice);
    re.commit();
    expect(codes(re, D1)).not.toEqual(codes(first, D1));
    expect(voice.said.map((t) => t.zh)).toEqual([expect.stringMatching(/^2019-12-09：重新安排（执行计划第 1 号 → 第 2 号）：第一巡查组：/)]);
    const after = patrolPlan(ask(town), print, collectingVoice());
    expect(codes(after, D1)).toEqual(codes(re, D1));
  });

  test('a longer plan over a fixed day keeps it and plans the rest, taking the fixed day as done', async () => {
    const town = await sampleTown(true);
    const day1 = patrolPlan(ask(town, { start: D1, days: 1 }), print, collectingVoice());
    day1.commit();
    const longer = patrolPlan(ask(town, { start: D1, days: 2 }), { ...print, fix: 'none' }, collectingVoice());
    expect(codes(longer, D1)).toEqual(codes(day1, D1));
    const day2 = new Set(codes(longer, '2019-12-10'));
    // Nobody visited on the fixed day is visited again while others in the area are still unvisited.
    expect(codes(day1, D1).filter((c) => day2.has(c))).toEqual([]);
    expect(longer.provisional).toEqual(new Set(['2019-12-10']));
  });

  test("a day's checklist is that day's plan of record, and printing it fixes the day", async () => {
    const town = await sampleTown(true);
    const list = dayChecklist(
      {
        town,
        date: D1,
        groupIds: ['1'],
        level: 'orange',
        since: { date: D, minutes: 14 * 60 },
        until: null,
        measures: measuresAt(town, 'orange'),
        shift: 'day',
        seed: 1,
      },
      { now: NOW },
      collectingVoice(),
    );
    list.plan.commit();
    expect(list.pages[0]!.visits.map((v) => v.e.creditCode)).toEqual(codes(list.plan, D1));
    const plan = patrolPlan(ask(town, { seed: 3 }), print, collectingVoice());
    expect(plan.fixed.get(D1)?.fixedBy).toBe('checklist');
    expect(codes(plan, D1)).toEqual(codes(list.plan, D1));
  });
});
