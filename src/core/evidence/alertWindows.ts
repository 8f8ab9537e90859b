/**
 * The stretches of the alert in which one enterprise is under one requirement: adjacent spans whose measure
 * asks the same of it are joined (a change of level that keeps a stop is still one stop), and nothing runs
 * past `upTo`.
 */
import type { RequiredMeasure } from '../model.js';
import type { AlertSpan, WallMinute } from './model.js';

export interface AlertWindow {
  from: WallMinute;
  to: WallMinute;
  measure: RequiredMeasure | undefined;
}

/** `key` says what the measure asks for this check (equal keys join), or null when the check does not apply. */
export function alertWindows(
  spans: readonly AlertSpan[],
  creditCode: string,
  upTo: WallMinute,
  key: (m: RequiredMeasure | undefined) => string | null,
): AlertWindow[] {
  const out: (AlertWindow & { key: string })[] = [];
  for (const s of spans) {
    const m = s.measures.get(creditCode);
    const k = key(m);
    const to = Math.min(s.to, upTo);
    if (k === null || to <= s.from) continue;
    const last = out[out.length - 1];
    if (last && last.key === k && last.to === s.from) last.to = to;
    else out.push({ from: s.from, to, measure: m, key: k });
  }
  return out.map(({ from, to, measure }) => ({ from, to, measure }));
}

/** The calendar days of a window, each the part of that day inside it. */
export function daysOf(w: { from: WallMinute; to: WallMinute }): { from: WallMinute; to: WallMinute }[] {
  const out: { from: WallMinute; to: WallMinute }[] = [];
  for (let d = Math.floor(w.from / 1440) * 1440; d < w.to; d += 1440) out.push({ from: Math.max(d, w.from), to: Math.min(d + 1440, w.to) });
  return out;
}
