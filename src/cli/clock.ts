/** "Now" for the command line: the machine's clock, or HAZE_NOW (any accepted time form) for replays and tests. */
import { fromInstant, parseWallTime, type WallTime } from '../core/time.js';
import { usage } from './globals.js';

/** Now as an instant (ms since the epoch). HAZE_NOW is Beijing wall-clock. */
export function nowInstant(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.HAZE_NOW;
  if (!fixed) return Date.now();
  const t = parseWallTime(fixed);
  if (!t) throw usage({ zh: `HAZE_NOW 不是有效时间：${fixed}`, en: `HAZE_NOW is not a time: ${fixed}` });
  const [h, m] = [Math.floor(t.minutes / 60), t.minutes % 60];
  return Date.parse(`${t.date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);
}

/** Now on Beijing's wall clock. */
export function now(env: NodeJS.ProcessEnv = process.env): WallTime {
  return fromInstant(nowInstant(env));
}
