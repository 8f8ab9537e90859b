/**
 * The global options, read and checked once per command: a plain value, nothing else. Where the inputs
 * are, how they are read, where the output goes and in which language haze speaks.
 */
import type { Command } from 'commander';
import type { Lang } from '../core/problem.js';
import { CODE, HazeError } from '../errors.js';
import { encodingNamed, ENCODING_CHOICES, type Encoding } from '../io/read/decode.js';
import { OUTPUT_ENCODINGS, type OutputEncoding } from '../io/write/csv.js';

interface RawGlobals {
  list?: string;
  groups?: string;
  rules?: string[];
  db?: string;
  format?: string;
  output?: string;
  lang?: string;
  color: boolean;
  excel?: boolean;
  wide?: boolean;
  encoding?: string;
  sheet?: string;
  outputEncoding?: string;
}

export interface Globals {
  lang: Lang;
  cwd: string;
  list: string | undefined;
  groups: string | undefined;
  rules: string[] | undefined;
  db: string | undefined;
  /** HAZE_DISTRICT_DB: the district database when neither an argument, --db nor haze.yaml names one. */
  districtDb: string | undefined;
  sheet: string | undefined;
  /** --encoding: how the list is decoded, when detection is overridden. */
  encoding: Encoding | undefined;
  format: string | undefined;
  output: string | undefined;
  excel: boolean;
  /** --wide: terminal tables whole, every column, however wide the screen. */
  wide: boolean;
  /** --output-encoding, when given. */
  outputEncoding: OutputEncoding | undefined;
  color: boolean;
}

export function usage(message: { zh: string; en: string }, hint?: { zh: string; en: string }): HazeError {
  return new HazeError(CODE.HAZE_USAGE, { message, hint });
}

export function readGlobals(cmd: Command, env: NodeJS.ProcessEnv = process.env): Globals {
  const o = cmd.optsWithGlobals<RawGlobals>();
  const lang = o.lang ?? env.HAZE_LANG ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw usage({ zh: `--lang 只能是 zh 或 en，而不是"${lang}"`, en: `--lang must be zh or en, not "${lang}"` });
  const encoding = o.encoding === undefined ? undefined : encodingNamed(o.encoding);
  if (o.encoding !== undefined && !encoding) {
    throw usage({ zh: `--encoding 可用：${ENCODING_CHOICES}，而不是"${o.encoding}"`, en: `--encoding takes ${ENCODING_CHOICES}, not "${o.encoding}"` });
  }
  const outputEncoding = o.outputEncoding === undefined ? undefined : OUTPUT_ENCODINGS[o.outputEncoding.toLowerCase()];
  if (o.outputEncoding !== undefined && !outputEncoding) {
    throw usage({
      zh: `--output-encoding 只能是 utf-8 或 gb18030，而不是"${o.outputEncoding}"`,
      en: `--output-encoding must be utf-8 or gb18030, not "${o.outputEncoding}"`,
    });
  }
  return {
    lang,
    cwd: process.cwd(),
    list: o.list,
    groups: o.groups,
    rules: o.rules,
    db: o.db ?? env.HAZE_DB,
    districtDb: env.HAZE_DISTRICT_DB,
    sheet: o.sheet,
    encoding,
    format: o.format,
    output: o.output,
    excel: o.excel === true,
    wide: o.wide === true,
    outputEncoding,
    color: o.color,
  };
}
