/**
 * Production during a stop (`production_during_stop`): a stopped production point above its on/off
 * threshold (its own, or on_share × its baseline) for longer than the hold minutes, within the alert's hours.
 */
import type { CheckContext } from './checkContext.js';
import { alertWindows } from './alertWindows.js';
import { clueOf, pointName, rounded, windowWords } from './clueFigures.js';
import type { Clue } from './model.js';
import { stoppedPoints } from './processMatch.js';
import { averageKw, runsWhere } from './seriesRuns.js';

export function stopClues(ctx: CheckContext): Clue[] {
  const { input } = ctx;
  const rule = input.rules.stop;
  const clues: Clue[] = [];
  for (const [code, points] of ctx.pointsOf) {
    const windows = alertWindows(input.spans, code, input.upTo, (m) =>
      m && (m.action === 'stop' || m.action === 'stop_part')
        ? stoppedPoints(points, m.action, m.processes)
            .map((p) => p.id)
            .join('\n') || null
        : null,
    );
    for (const w of windows) {
      for (const p of stoppedPoints(points, w.measure!.action, w.measure!.processes)) {
        const base = ctx.baselines.get(p.id);
        const s = input.series.get(p.id);
        if (!base || !s) continue;
        const onKw = p.onKw ?? rule.onShare * base.kw;
        const hold = p.holdMinutes ?? rule.holdMinutes;
        for (const run of runsWhere([s], w, ([kw]) => kw! > onKw)) {
          if (run.minutes <= hold) continue;
          const kw = averageKw(run.kwh[0]!, run.minutes);
          const name = pointName(p);
          const when = windowWords(run.from, run.to);
          clues.push(
            clueOf(
              {
                kind: 'production_during_stop',
                creditCode: code,
                subject: p.id,
                pointIds: [p.id],
                from: run.from,
                to: run.to,
                says: {
                  zh: `${name} ${when} 平均 ${rounded(kw)} kW，基准 ${rounded(base.kw)} kW；停产令下应为 0`,
                  en: `${name} ${when} averaged ${rounded(kw)} kW against a baseline of ${rounded(base.kw)} kW; under a stop order it should be 0`,
                },
                figures: {
                  point_id: p.id,
                  device: name,
                  average_kw: rounded(kw),
                  baseline_kw: rounded(base.kw),
                  baseline_by: base.by,
                  threshold_kw: rounded(onKw),
                  minutes: run.minutes,
                  hold_minutes: hold,
                },
                rule: 'stop',
                items: [
                  {
                    zh: `核查 ${name} 是否运行：${when} 平均 ${rounded(kw)} kW，停产令下应为 0`,
                    en: `Check whether ${name} is running: ${when} it averaged ${rounded(kw)} kW, where a stop order means 0`,
                  },
                  { zh: `调阅 ${when} 的生产台账、投料和出料记录`, en: `Read the production log and the feed and output records for ${when}` },
                ],
              },
              input,
            ),
          );
        }
      }
    }
  }
  return clues;
}
