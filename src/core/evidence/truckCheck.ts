/**
 * Banned trucks on the gate record (`banned_truck`, the technical guidance's truck ban): under a measure with
 * the truck ban, movements within the alert's hours of a vehicle whose stage is a digit ≤ max_stage and whose
 * fuel is one the rule names. A ledger that leaves the fuel empty is read as diesel: the heavy trucks HJ 1321
 * ledgers record are nearly all diesel, and a clue is checked before it counts. Stages d (electric) and x
 * (non-road machinery) never count, nor an unknown stage. One clue per enterprise and day, listing the
 * movements, with the day's trips against the list's 日均货车车次.
 */
import type { CheckContext } from './checkContext.js';
import { alertWindows } from './alertWindows.js';
import { clueOf, dayClock } from './clueFigures.js';
import type { Clue, Fuel, GateMovement } from './model.js';

const STAGE_ZH = ['国零', '国一', '国二', '国三', '国四', '国五', '国六'];
const FUEL_ZH: Record<Fuel, string> = { diesel: '柴油', gas: '燃气', petrol: '汽油', electric: '电动', other: '其他燃料' };
const FUEL_EN: Record<Fuel, string> = { diesel: 'diesel', gas: 'gas', petrol: 'petrol', electric: 'electric', other: 'other-fuel' };

/** A ledger has thousands of rows an enterprise: grow lists in place. */
function pushTo<K>(m: Map<K, GateMovement[]>, k: K, g: GateMovement): void {
  const list = m.get(k);
  if (list) list.push(g);
  else m.set(k, [g]);
}

export function isBanned(g: GateMovement, maxStage: number, fuels: readonly Fuel[]): boolean {
  if (g.stage === null || !/^\d$/.test(g.stage) || Number(g.stage) > maxStage) return false;
  return fuels.includes(g.fuel ?? 'diesel');
}

/** A day's trips: each visit is an entry and an exit, so the larger count of the two, plus rows that say neither. */
function tripsOf(moves: readonly GateMovement[]): number {
  const ins = moves.filter((m) => m.direction === 'in').length;
  const outs = moves.filter((m) => m.direction === 'out').length;
  return Math.max(ins, outs) + moves.filter((m) => m.direction === null).length;
}

export function truckClues(ctx: CheckContext): Clue[] {
  const { input } = ctx;
  const rule = input.rules.truck;
  const byCode = new Map<string, GateMovement[]>();
  for (const g of input.gate) if (g.at <= input.upTo) pushTo(byCode, g.creditCode, g);
  const clues: Clue[] = [];
  for (const [code, moves] of [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...moves].sort((a, b) => a.at - b.at || a.plate.localeCompare(b.plate));
    const windows = alertWindows(input.spans, code, input.upTo + 1, (m) => (m?.truckBan ? 'ban' : null));
    const banned = sorted.filter((g) => isBanned(g, rule.maxStage, rule.fuels) && windows.some((w) => g.at >= w.from && g.at < w.to));
    const days = new Map<number, GateMovement[]>();
    for (const g of banned) pushTo(days, Math.floor(g.at / 1440), g);
    const daily = input.truckTrips.get(code) ?? null;
    for (const [day, list] of days) {
      const trips = tripsOf(sorted.filter((g) => Math.floor(g.at / 1440) === day));
      const words = (g: GateMovement) => ({
        zh: `${g.plate} ${STAGE_ZH[Number(g.stage)]}${FUEL_ZH[g.fuel ?? 'diesel']}车 ${dayClock(g.at)} ${g.direction === 'in' ? '进厂' : g.direction === 'out' ? '出厂' : '进出厂'}${g.goods ? `（${g.goods}）` : ''}`,
        en: `${g.plate}, a China ${g.stage} ${FUEL_EN[g.fuel ?? 'diesel']} truck, ${g.direction === 'in' ? 'in' : g.direction === 'out' ? 'out' : 'through the gate'} at ${dayClock(g.at)}${g.goods ? ` (${g.goods})` : ''}`,
      });
      const context = {
        zh: `当日 ${trips} 车次${daily !== null ? `，清单日均 ${daily} 车次` : ''}`,
        en: `${trips} trips that day${daily !== null ? `, ${daily} a day on the list` : ''}`,
      };
      clues.push(
        clueOf(
          {
            kind: 'banned_truck',
            creditCode: code,
            subject: list[0]!.plate,
            pointIds: [],
            from: list[0]!.at,
            to: list[list.length - 1]!.at + 1,
            says: {
              zh: `门禁记录 ${list.length} 次${STAGE_ZH[rule.maxStage] ?? `国${rule.maxStage}`}及以下禁用车辆进出：${list.map((g) => words(g).zh).join('；')}；${context.zh}`,
              en: `the gate record has ${list.length} movements of banned vehicles (China ${rule.maxStage} or below): ${list.map((g) => words(g).en).join('; ')}; ${context.en}`,
            },
            figures: { movements: list.length, plates: [...new Set(list.map((g) => g.plate))].join(' '), trips, daily_trips: daily, max_stage: rule.maxStage },
            rule: 'truck',
            items: list.map((g) => ({ zh: `核查门禁记录：${words(g).zh}`, en: `Check the gate record: ${words(g).en}` })),
          },
          input,
        ),
      );
    }
  }
  return clues;
}
