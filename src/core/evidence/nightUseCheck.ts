/**
 * Night use (`night_use`, 株洲 2018 grid-side screening): an enterprise under a stop, partial stop or limit
 * whose average power at night (night.from–night.to, across midnight) is above ratio × its average power over
 * the rest of that day. Average power, not energy: a night of 8 hours and a day of 16 are not the same length,
 * and energy would favour the day. Read on the main point where the enterprise has one, else on the sum of its
 * production points. A night below the baseline floor counts as nothing used.
 *
 * An alert day runs from night.to to the next night.to, so that its night is one stretch (22:00–06:00).
 */
import type { CheckContext } from './checkContext.js';
import { alertWindows } from './alertWindows.js';
import { clueOf, rounded, windowWords } from './clueFigures.js';
import type { Clue } from './model.js';
import { averageKw, usage } from './seriesRuns.js';

const DAY = 24 * 60;

export function nightUseClues(ctx: CheckContext): Clue[] {
  const { input } = ctx;
  const rule = input.rules.night;
  const clues: Clue[] = [];
  for (const [code, points] of ctx.pointsOf) {
    const main = points.find((p) => p.kind === 'main');
    const read = main ? [main] : points.filter((p) => p.kind === 'production');
    if (read.length === 0) continue;
    const windows = alertWindows(input.spans, code, input.upTo, (m) => (m && ['stop', 'stop_part', 'limit'].includes(m.action) ? 'ordered' : null));
    const seen = new Set<number>();
    for (const w of windows) {
      for (let c = Math.floor((w.from - rule.to) / DAY) * DAY + rule.to; c < w.to; c += DAY) {
        let n = c - rule.to + rule.from;
        if (n <= c) n += DAY;
        const day = { from: Math.max(c, w.from), to: Math.min(n, w.to) };
        const night = { from: Math.max(n, w.from), to: Math.min(c + DAY, w.to) };
        if (day.to <= day.from || night.to <= night.from || seen.has(c)) continue;
        // Each point by its own readings; a point silent in either part is left out of both.
        let nightKw = 0;
        let dayKw = 0;
        let used = 0;
        for (const p of read) {
          const un = usage(input.series.get(p.id), night);
          const ud = usage(input.series.get(p.id), day);
          if (un.minutes === 0 || ud.minutes === 0) continue;
          nightKw += averageKw(un.kwh, un.minutes);
          dayKw += averageKw(ud.kwh, ud.minutes);
          used++;
        }
        if (used === 0 || nightKw < input.rules.baseline.floorKw || nightKw <= rule.ratio * dayKw) continue;
        seen.add(c);
        const when = windowWords(night.from, night.to);
        const on = main ? `总表 ${main.device || main.id}` : '生产线合计';
        const onEn = main ? `the main meter ${main.device || main.id}` : 'the production lines together';
        clues.push(
          clueOf(
            {
              kind: 'night_use',
              creditCode: code,
              subject: main ? main.id : '*',
              pointIds: read.map((p) => p.id),
              from: night.from,
              to: night.to,
              says: {
                zh: `${on} 夜间 ${when} 平均 ${rounded(nightKw)} kW，白天 ${rounded(dayKw)} kW，超过白天的 ${rule.ratio} 倍（按平均功率比较）`,
                en: `${onEn} averaged ${rounded(nightKw)} kW at night ${when} against ${rounded(dayKw)} kW by day, above ${rule.ratio} × the day (average power compared)`,
              },
              figures: {
                point_id: main ? main.id : null,
                night_kw: rounded(nightKw),
                day_kw: rounded(dayKw),
                ratio: dayKw > 0 ? rounded(nightKw / dayKw) : null,
                ratio_limit: rule.ratio,
              },
              rule: 'night',
              items: [
                {
                  zh: `核查夜间是否生产：${when} 平均 ${rounded(nightKw)} kW，白天 ${rounded(dayKw)} kW；调阅夜班生产台账、考勤`,
                  en: `Check for production at night: ${rounded(nightKw)} kW ${when} against ${rounded(dayKw)} kW by day; read the night shift's production log and attendance`,
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
