/**
 * What the terminal allows: colour only on a terminal, never with NO_COLOR, TERM=dumb or --no-color;
 * FORCE_COLOR forces it (GUIDE §3.3). haze decides it itself, and writes the 16-colour codes itself: two
 * colours for two labels did not need chalk, whose loading cost every command's start.
 */

export function colorAllowed(stream: NodeJS.WriteStream, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** The colours haze's messages use: the codes chalk writes at level 1 (16 colours), or the text as it is. */
export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
}

const PLAIN: Colors = { red: (s) => s, yellow: (s) => s };
const ANSI: Colors = { red: (s) => `\u001b[31m${s}\u001b[39m`, yellow: (s) => `\u001b[33m${s}\u001b[39m` };

export function colorsFor(enabled: boolean): Colors {
  return enabled ? ANSI : PLAIN;
}

/** The width a table is fitted to when neither the terminal nor COLUMNS says: a pipe, a CI log. */
export const DEFAULT_TABLE_WIDTH = 120;

/**
 * The width terminal tables are fitted to: COLUMNS when it is set (a shell sets it; a user or a test may,
 * `COLUMNS=80 haze plan`), else the terminal's own width, else 120 for a pipe.
 */
export function tableWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  if (env.COLUMNS !== undefined && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (stream.isTTY === true && stream.columns > 0) return stream.columns;
  return DEFAULT_TABLE_WIDTH;
}
