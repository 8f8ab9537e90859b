/**
 * The share of a measure text: for a limit, the share of production cut; for a partial stop, the share of the
 * plant that stops. Several shares stated ("停用2条生产线中的1条；限产30%") give the largest, the one an inspector
 * checks against; a partial stop and a limit on the rest combine ("停用2座隧道窑中的1座，剩余窑炉限产20%" is
 * 50 % stopped and 20 % of the other 50 %: 60).
 */
import type { Action } from '../model.js';
import { parseShare, roundOne, SHARE_SRC } from './chineseNumber.js';
import type { ClauseReading } from './measureClause.js';
import { limitByQuantity, limitByShare } from './shareGrammar.js';
import type { StrengthFloor } from './strengthFloor.js';
import { unitFraction, unitShare } from './unitShare.js';
import type { KeptProduction } from './wholeText.js';

/** "停产窑产能约占全厂60%", "喷涂工序产值约占全厂三成", "停止工序约占全厂用电量的35%": what the stopped part is worth. */
const CAPACITY_SHARE = new RegExp(
  `\\((?:产能)?占比(${SHARE_SRC})\\)|(?:产能|产值|营业额|产量|用电量)(?:约|大约)?(?:占比|比例|占)(?:全厂|总产能|总产值|营业额|全天|总)?(?:的)?(?:为|约)?(${SHARE_SRC})|约占[^,;。\\d]{0,8}?(?:产能|产值|用电量|营业额)的(${SHARE_SRC})`,
);
/** "喷漆线停了以后总产量大概减少40%": the share of the whole said beside a partial stop. */
const OVERALL = /总产量|总产能|总体|整体|全厂产量|合计/;

interface Grouped {
  text: string;
  reading: ClauseReading;
}

export interface ShareInputs {
  groups: readonly Grouped[];
  squeezed: string;
  understood: Action | null;
  floor: StrengthFloor;
  action: Action | null;
  kept: KeptProduction | null;
  window: number | null | undefined;
}

/** The limit said of a named part ("湿法线限产30%"), not of the whole ("限产20%，通过停止2#生产线实现"). */
const partLimit = (groups: readonly Grouped[]): number | null =>
  groups.find(
    (g) =>
      g.reading.kind === 'limit' && g.reading.limitPct !== null && /^[^,;。]{1,10}?(?:线|车间|工序|设备|窑|炉|机)[^,;。]{0,4}?(?:限产|减产|降)/.test(g.text),
  )?.reading.limitPct ?? null;

/** The limit on "the rest" beside a partial stop, or null. */
function restLimit(groups: readonly Grouped[]): number | null {
  // A piece that names the others (or another numbered unit: "①1号线停产②2号线限产20%") and limits them in the same
  // words, or in the next piece ("剩下两条也少干点，减两成", "另一台平时干24小时，到时候只干12个小时"); "另外一半
  // 照常烧" runs as usual. Every piece in the order written; only limits and unread words may say how the rest is limited.
  const pieces = groups.flatMap((g) =>
    g.text.split(/[,;。]/).map((t) => ({ t: t.replace(/\s+/g, ''), open: g.reading.kind === 'limit' || g.reading.kind === 'other' })),
  );
  const LIMITS = /限|减|降|压|少|控制|不超过|负荷|\d%|成|班|一半|半天|小时/;
  for (const [i, { t, open }] of pieces.entries()) {
    if (!open) continue;
    // "两条隧道窑，一条停，一条降产三成": a count opens the piece, and it is limited, not stopped.
    const counted = /^(?:\d+|[一二两三四五六七八九十])[条台座套个]/.test(t) && !/停/.test(t);
    if (!/剩余|剩下|其余|另外|另一|另\d|其他|保留/.test(t) && !/(?:\d+|[一二三四五六七八九十])(?:号|#)|[A-H]线/.test(t) && !counted) continue;
    // "另外四只正常开" runs as usual; "一号线正常生产并限产30%", "另1条按正常负荷的八成生产" are limited.
    if (/照常|正常/.test(t) && !/并限产|但限产|限产\d|正常[^,;。]{0,6}?的/.test(t)) continue;
    // The next piece, when it says how much and not what the whole achieves ("确保排放减半").
    const following = pieces[i + 1];
    const next = following?.open && !/排放|确保|总|整体|全厂/.test(following.t) ? following.t : '';
    if (!LIMITS.test(t) && !LIMITS.test(next)) continue;
    const said = next === '' ? t : `${t},${next}`;
    const share =
      groups.find((g) => g.text.replace(/\s+/g, '') === t)?.reading.limitPct ??
      limitByShare(t, { quantityImplied: true }) ??
      limitByQuantity(t) ??
      limitByShare(said, { quantityImplied: true }) ??
      limitByQuantity(said) ??
      (/减半|一半/.test(said) ? 50 : null);
    if (share !== null) return share;
  }
  return null;
}

export function measureShare({ groups, squeezed, understood, floor, action, kept, window }: ShareInputs): number | null {
  const limits = groups.filter((g) => g.reading.kind === 'limit').flatMap((g) => (g.reading.limitPct === null ? [] : [g.reading.limitPct]));
  // "夜间22时至次日6时停产，白天限产20%": the hours stopped and the limit both apply.
  const shares =
    window !== undefined
      ? window === null
        ? limits
        : limits.length === 0
          ? [window]
          : [100 - (100 - window) * (1 - Math.max(...limits) / 100)]
      : kept
        ? kept.limitPct === null
          ? []
          : [kept.limitPct]
        : groups.map((g) => g.reading.limitPct).filter((p): p is number => p !== null);
  // A share from the unread words counts only when they gave the action.
  if (action !== understood && floor.limitPct !== null) shares.push(floor.limitPct);
  // Units are counted over the whole text, which may say the total where the clause does not ("镀锌线3条停1条，
  // 镀铬线正常（共4条线）"): its count is the one answer.
  const counted = action === 'stop_part' ? unitShare(squeezed) : null;
  if (counted !== null && /共|全厂/.test(squeezed)) shares.splice(0, shares.length, counted);
  if (action === 'stop_part' && shares.length === 0 && counted !== null) shares.push(counted);
  if (action === 'stop_part' && shares.length === 0) {
    const overall = squeezed.split(/[,;。]/).find((p) => OVERALL.test(p));
    const share = overall ? limitByShare(overall, { quantityImplied: true }) : null;
    if (share !== null) shares.push(share);
  }
  // '停产3条生产线（共10条，对应产能占比45%）': the share of capacity, when the text gives it, over the count.
  // So too "停产窑产能约占全厂60%", "喷涂工序产值约占全厂三成", "停止工序约占全厂用电量的35%".
  const capacity = action === 'stop_part' ? CAPACITY_SHARE.exec(squeezed) : null;
  const capacityShare = capacity ? parseShare(capacity[1] ?? capacity[2] ?? capacity[3] ?? '') : null;
  if (capacityShare !== null && capacityShare < 100) shares.splice(0, shares.length, capacityShare);
  const said = groups.find((g) => g.reading.kind === 'stop_part' && g.reading.limitPct !== null)?.reading.limitPct ?? null;
  // The exact count when it is the share the clause says, rounded ("停一条" of three: 1/3, not 33.3 %).
  const stopped =
    capacityShare !== null && capacityShare < 100 ? capacityShare : counted !== null && (said === null || said === counted) ? unitFraction(squeezed) : said;
  // Beside a capacity share of what stops, the limit said of another part is the rest's ("湿法线限产30%").
  const rest =
    action === 'stop_part' && stopped !== null ? (restLimit(groups) ?? (capacityShare !== null && capacityShare < 100 ? partLimit(groups) : null)) : null;
  if (stopped !== null && rest !== null) shares.push(roundOne(stopped + ((100 - stopped) * rest) / 100));
  // "我厂限产，大概减少四成", "锌锅作业时间缩减为每天6小时，正常为12小时": the limit in one clause, its share in the next.
  if (action === 'limit' && shares.length === 0) {
    const share = limitByShare(squeezed, { quantityImplied: true }) ?? limitByQuantity(squeezed);
    if (share !== null) shares.push(share);
  }
  return action === 'stop' ? 100 : shares.length > 0 ? roundOne(Math.max(...shares)) : null;
}
