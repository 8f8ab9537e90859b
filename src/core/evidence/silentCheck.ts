/**
 * Meter silent (`meter_silent`): a point with no interval for at least min_minutes within the alert's hours
 * up to `upTo`. Data missing, never a violation: a meter off line, a cut cable or a grid export that lags a
 * day look alike. A counter reset reaches here as a gap (the reader drops the interval it cannot trust).
 * Gaps across the window's edges are clipped to it.
 */
import type { CheckContext } from './checkContext.js';
import { alertWindows } from './alertWindows.js';
import { clueOf, pointName, windowWords } from './clueFigures.js';
import type { Clue, PointSeries } from './model.js';
import { firstEndingAfter, type Window } from './seriesRuns.js';

/** The stretches of a window with no reading. */
export function gapsIn(s: PointSeries | undefined, w: Window): Window[] {
  const gaps: Window[] = [];
  let t = w.from;
  if (s)
    for (let i = firstEndingAfter(s, w.from); i < s.start.length && s.start[i]! < w.to; i++) {
      if (s.start[i]! > t) gaps.push({ from: t, to: s.start[i]! });
      t = Math.max(t, s.start[i]! + s.minutes[i]!);
    }
  if (t < w.to) gaps.push({ from: t, to: w.to });
  return gaps;
}

export function silentClues(ctx: CheckContext): Clue[] {
  const { input } = ctx;
  const min = input.rules.silent.minMinutes;
  const clues: Clue[] = [];
  for (const [code, points] of ctx.pointsOf) {
    const windows = alertWindows(input.spans, code, input.upTo, () => 'alert');
    for (const p of points)
      for (const w of windows)
        for (const g of gapsIn(input.series.get(p.id), w)) {
          const minutes = g.to - g.from;
          if (minutes < min) continue;
          const name = pointName(p);
          const when = windowWords(g.from, g.to);
          clues.push(
            clueOf(
              {
                kind: 'meter_silent',
                creditCode: code,
                subject: p.id,
                pointIds: [p.id],
                from: g.from,
                to: g.to,
                says: {
                  zh: `${name} ${when} 无读数（${minutes} 分钟）：数据缺失，不是违法事实`,
                  en: `${name} has no readings ${when} (${minutes} minutes): data missing, not a violation`,
                },
                figures: { point_id: p.id, device: name, minutes },
                rule: 'silent',
                items: [
                  {
                    zh: `核查 ${name} 的电表是否断电、断线或被拆：${when} 无读数`,
                    en: `Check whether the meter of ${name} lost power, its cable or was removed: no readings ${when}`,
                  },
                ],
              },
              input,
            ),
          );
        }
  }
  return clues;
}
