/**
 * The small chart of a clue: its points' use over the alert window, with the baseline and the ordered level.
 * Pure data (the SVG is drawn by io/write/chart/useChart.ts): the window, the alert's hours, and per point
 * the average kW of each interval, null where the meter said nothing — a gap is drawn as a break, never as
 * zero, because "no reading" and "no use" are different clues.
 */
import type { RequiredMeasure } from '../model.js';
import type { EvidenceCheck, EvidenceInput } from './checkEvidence.js';
import type { AlertSpan, ChartLine, Clue, ClueChart, MeterPoint, PointSeries, WallMinute } from './model.js';

/**
 * How much context the chart shows around the clue's window, in minutes. Before it: 12 hours, so a night's
 * stop shows the day's work it follows — but not earlier than 6 hours before the alert began, which is
 * enough to show the plant's use before the order without a day of irrelevant history pushing the clue
 * into a corner. After it: 6 hours, cut at `upTo` (nothing later is known). A clue's window that itself
 * starts earlier (a meter silent since before the alert) is shown whole.
 */
export const CHART_CONTEXT = { beforeClue: 12 * 60, beforeAlert: 6 * 60, afterClue: 6 * 60 } as const;

/** At most this many samples per line: more than a 170 mm chart can show (0.5 mm each). */
export const MAX_SAMPLES = 300;

/** The reading interval assumed when none of the clue's points has readings. */
const DEFAULT_STEP = 15;

/** The chart's window before it is set on the sample grid (see CHART_CONTEXT). */
export function chartWindow(clue: Pick<Clue, 'from' | 'to'>, spans: readonly AlertSpan[], upTo: WallMinute): { from: WallMinute; to: WallMinute } {
  const alertStart = spans[0]?.from ?? clue.from;
  const from = Math.min(clue.from, Math.max(clue.from - CHART_CONTEXT.beforeClue, alertStart - CHART_CONTEXT.beforeAlert));
  const to = Math.max(clue.to, Math.min(clue.to + CHART_CONTEXT.afterClue, upTo));
  return { from, to };
}

export function clueChart(clue: Clue, input: EvidenceInput, check: EvidenceCheck): ClueChart | null {
  // A gate clue rests on a truck at the gate, not on a curve.
  if (clue.kind === 'banned_truck') return null;
  const pointById = new Map(input.points.map((p) => [p.id, p]));
  const points = [...new Set(clue.pointIds)].map((id) => pointById.get(id)).filter((p): p is MeterPoint => p !== undefined);
  if (points.length === 0) return null;

  const seriesOf = points.map((p) => input.series.get(p.id));
  const steps = seriesOf.map((s) => s?.nominalMinutes ?? 0).filter((m) => m > 0);
  const step = steps.length > 0 ? Math.min(...steps) : DEFAULT_STEP;
  const win = chartWindow(clue, input.spans, input.upTo);
  // Samples sit on the readings' own grid (a multiple of the step from midnight), so each undownsampled
  // sample is one interval, at its start.
  const from = Math.floor(win.from / step) * step;
  const to = Math.max(win.to, from + step);
  const width = step * Math.max(1, Math.ceil((to - from) / (MAX_SAMPLES * step)));

  const measure = measureAt(clue, input.spans);
  const labels = uniqueLabels(points);
  const lines: ChartLine[] = points.map((p, i) => {
    const baselineKw = check.baselines.get(p.id)?.kw ?? null;
    const ordered = orderedLevel(p, clue, measure, baselineKw);
    return {
      pointId: p.id,
      label: labels[i]!,
      kind: p.kind,
      baselineKw,
      orderedKw: ordered?.kw ?? null,
      ...(ordered ? { orderedBy: ordered.by } : {}),
      samples: bucketAverages(seriesOf[i], from, to, width),
    };
  });
  return {
    clueId: clue.id,
    from,
    to,
    alert: alertBands(input.spans, from, to),
    window: { from: Math.max(from, clue.from), to: Math.min(to, clue.to) },
    lines,
  };
}

/**
 * The average kW in each bucket [b, b + width) from `from` to `to`: the energy of the intervals inside it
 * (an interval across a bucket's edge shared by time) over the minutes they cover. A bucket with no
 * reading at all is null; one partly covered is the average of what was read, so a short gap does not pull
 * the curve towards zero and a peak inside a bucket is kept in its average.
 */
export function bucketAverages(series: PointSeries | undefined, from: WallMinute, to: WallMinute, width: number): { at: WallMinute; kw: number | null }[] {
  const out: { at: WallMinute; kw: number | null }[] = [];
  const n = series?.start.length ?? 0;
  let i = series ? firstEndingAfter(series, from) : 0;
  for (let b = from; b < to; b += width) {
    const be = Math.min(b + width, to);
    let energy = 0;
    let covered = 0;
    for (; i < n; i++) {
      const s = series!.start[i]!;
      const m = series!.minutes[i]!;
      if (s >= be) break;
      const overlap = Math.min(s + m, be) - Math.max(s, b);
      if (m > 0 && overlap > 0) {
        energy += (series!.kwh[i]! * overlap) / m;
        covered += overlap;
      }
      if (s + m > be) break; // it runs on into the next bucket, which starts from it
    }
    out.push({ at: b, kw: covered > 0 ? energy / (covered / 60) : null });
  }
  return out;
}

/** Binary search: the first interval that ends after `t`. */
function firstEndingAfter(s: PointSeries, t: WallMinute): number {
  let lo = 0;
  let hi = s.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.start[mid]! + s.minutes[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The alert's hours inside the chart: its spans, those that touch joined into one band. */
function alertBands(spans: readonly AlertSpan[], from: WallMinute, to: WallMinute): { from: WallMinute; to: WallMinute }[] {
  const bands: { from: WallMinute; to: WallMinute }[] = [];
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    const a = Math.max(s.from, from);
    const b = Math.min(s.to, to);
    if (b <= a) continue;
    const last = bands[bands.length - 1];
    if (last && a <= last.to) last.to = Math.max(last.to, b);
    else bands.push({ from: a, to: b });
  }
  return bands;
}

/** The enterprise's measure in the span the clue starts in (or the first it overlaps). */
function measureAt(clue: Clue, spans: readonly AlertSpan[]): RequiredMeasure | null {
  const span = spans.find((s) => s.from <= clue.from && clue.from < s.to) ?? spans.find((s) => s.from < clue.to && clue.from < s.to);
  return span?.measures.get(clue.creditCode) ?? null;
}

/**
 * What the order allows a point to draw. Only production points are ordered down: treatment must keep
 * running, and the incoming line still feeds offices and lighting. Under a partial stop, a point is stopped
 * when the measure names its device or workshop, or when the stop check itself raised the clue on it.
 */
function orderedLevel(
  p: MeterPoint,
  clue: Clue,
  m: RequiredMeasure | null,
  baselineKw: number | null,
): { kw: number; by: NonNullable<ChartLine['orderedBy']> } | null {
  if (!m || p.kind !== 'production') return null;
  if (m.action === 'stop') return { kw: 0, by: { action: 'stop' } };
  if (m.action === 'stop_part') {
    const named = m.processes.some(
      (name) => (p.device !== '' && (name.includes(p.device) || p.device.includes(name))) || (p.workshop !== '' && name.includes(p.workshop)),
    );
    return named || clue.kind === 'production_during_stop' ? { kw: 0, by: { action: 'stop' } } : null;
  }
  if (m.action === 'limit' && m.limitPct !== null && baselineKw !== null)
    return { kw: (1 - m.limitPct / 100) * baselineKw, by: { action: 'limit', pct: m.limitPct } };
  return null;
}

/** Each point by its device name as written; two points of the same name are told apart by their ids. */
function uniqueLabels(points: readonly MeterPoint[]): string[] {
  const names = points.map((p) => p.device || p.id);
  return names.map((n, i) => (names.indexOf(n) !== names.lastIndexOf(n) && n !== points[i]!.id ? `${n} (${points[i]!.id})` : n));
}
