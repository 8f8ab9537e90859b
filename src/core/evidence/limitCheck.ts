/**
 * A limit not reached (`limit_not_reached`): under a limit of r % (or a partial stop of r % whose named lines
 * match no point), the enterprise's production energy on each alert day — the part of the day in the alert —
 * above (1 − r/100 + tolerance) × the baseline energy of those hours. Points without a baseline, and time
 * without readings, count on neither side.
 */
import type { CheckContext } from './checkContext.js';
import { alertWindows, daysOf } from './alertWindows.js';
import { clueOf, rounded, windowWords } from './clueFigures.js';
import type { Clue, MeterPoint } from './model.js';
import { stoppedPoints } from './processMatch.js';
import { usage } from './seriesRuns.js';

export function limitClues(ctx: CheckContext): Clue[] {
  const { input } = ctx;
  const tolerance = input.rules.limit.tolerance;
  const clues: Clue[] = [];
  for (const [code, points] of ctx.pointsOf) {
    const production = points.filter((p: MeterPoint) => p.kind === 'production' && ctx.baselines.has(p.id));
    if (production.length === 0) continue;
    const windows = alertWindows(input.spans, code, input.upTo, (m) => {
      if (!m || m.limitPct === null) return null;
      if (m.action === 'limit' || (m.action === 'stop_part' && stoppedPoints(points, 'stop_part', m.processes).length === 0)) return `${m.limitPct}`;
      return null;
    });
    for (const w of windows) {
      const r = w.measure!.limitPct!;
      // Rounded: 1 − 0.3 + 0.1 is 0.7999999999999999 in binary, and a plant at exactly 80 % is within it.
      const allowed = Math.round((1 - r / 100 + tolerance) * 1e9) / 1e9;
      for (const day of daysOf(w)) {
        let kwh = 0;
        let baseKwh = 0;
        for (const p of production) {
          const u = usage(input.series.get(p.id), day);
          kwh += u.kwh;
          baseKwh += (ctx.baselines.get(p.id)!.kw * u.minutes) / 60;
        }
        if (baseKwh <= 0 || kwh <= allowed * baseKwh) continue;
        const reached = Math.max(0, Math.round((1 - kwh / baseKwh) * 100));
        const when = windowWords(day.from, day.to);
        clues.push(
          clueOf(
            {
              kind: 'limit_not_reached',
              creditCode: code,
              subject: '*',
              pointIds: production.map((p) => p.id),
              from: day.from,
              to: day.to,
              says: {
                zh: `生产用电 ${when} ${rounded(kwh)} kWh，基准 ${rounded(baseKwh)} kWh：压减 ${reached}%，要求 ${r}%`,
                en: `production used ${rounded(kwh)} kWh ${when} against a baseline of ${rounded(baseKwh)} kWh: down ${reached}%, ${r}% required`,
              },
              figures: {
                energy_kwh: rounded(kwh),
                baseline_kwh: rounded(baseKwh),
                share_reached_pct: reached,
                required_pct: r,
                tolerance_pct: Math.round(tolerance * 100),
              },
              rule: 'limit',
              items: [
                {
                  zh: `核对 ${when} 的生产台账、投料记录和用电记录：用电只压减 ${reached}%，要求 ${r}%`,
                  en: `Check the production log, feed records and power records for ${when}: power use is down ${reached}%, ${r}% required`,
                },
              ],
            },
            input,
          ),
        );
      }
    }
  }
  return clues;
}
