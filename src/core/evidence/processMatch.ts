/**
 * Which production points a partial stop names: a point's device or workshop name and one of the measure's
 * processes, compared after NFKC without spaces, match when either contains the other ("2#线" and "2#线窑头").
 */
import type { MeterPoint } from './model.js';

const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function namesProcess(p: MeterPoint, processes: readonly string[]): boolean {
  const names = [p.device, p.workshop].map(plain).filter((n) => n.length > 0);
  return processes.map(plain).some((q) => q.length > 0 && names.some((n) => n.includes(q) || q.includes(n)));
}

/** The production points a measure stops: all of them under a stop, the named ones under a partial stop. */
export function stoppedPoints(points: readonly MeterPoint[], action: string, processes: readonly string[]): MeterPoint[] {
  const production = points.filter((p) => p.kind === 'production');
  if (action === 'stop') return production;
  if (action === 'stop_part') return production.filter((p) => namesProcess(p, processes));
  return [];
}
