/**
 * What the terminal allows: colour only on a terminal, never with NO_COLOR, TERM=dumb or --no-color;
 * FORCE_COLOR forces it (GUIDE §3.3). haze decides the chalk level itself.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export function colorAllowed(stream: NodeJS.WriteStream, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function chalkFor(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
