/**
 * Which format a command writes, from --format, --excel and the -o file's name, decided in one place: a file
 * is what its name says. `-o 计划.csv` is CSV; `-o 措施.xlsx` (a workbook haze does not write) and `-o 措施.md`
 * for a command without Markdown are refused rather than filled with a text table; `--format json -o x.csv`
 * is refused rather than written as JSON under a CSV name. A name whose ending says no file format
 * (`-o 输出`, `-o haze.db`, `-o /dev/null`) takes the format asked for, or the command's own. PDF, being bytes,
 * is not written to a terminal.
 */
import { extname } from 'node:path';
import { CODE, HazeError, type Text } from '../errors.js';
import { usage } from './globals.js';

/** haze's own formats by the file endings that name them. */
const FORMAT_OF_EXTENSION: Record<string, string> = {
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.geojson': 'geojson',
  '.gpx': 'gpx',
  '.svg': 'svg',
};

/** The ending each of haze's formats is written with (a terminal table or text as .txt). */
const EXTENSION_OF_FORMAT: Record<string, string> = {
  table: '.txt',
  text: '.txt',
  csv: '.csv',
  json: '.json',
  md: '.md',
  html: '.html',
  pdf: '.pdf',
  geojson: '.geojson',
  gpx: '.gpx',
  svg: '.svg',
};

/** File formats of other programs that people name with -o and haze does not write, by family (for the hint). */
const FOREIGN: Record<string, 'sheet' | 'document' | 'gis' | 'other'> = {
  '.xlsx': 'sheet',
  '.xls': 'sheet',
  '.xlsm': 'sheet',
  '.xlsb': 'sheet',
  '.et': 'sheet', // WPS 表格
  '.ods': 'sheet',
  '.docx': 'document',
  '.doc': 'document',
  '.docm': 'document',
  '.wps': 'document', // WPS 文字
  '.odt': 'document',
  '.rtf': 'document',
  '.ofd': 'document', // the Chinese fixed-layout format of official documents
  '.pptx': 'other',
  '.ppt': 'other',
  '.dps': 'other',
  '.odp': 'other',
  '.png': 'other',
  '.jpg': 'other',
  '.jpeg': 'other',
  '.gif': 'other',
  '.zip': 'other',
  '.rar': 'other',
  '.7z': 'other',
  '.tsv': 'other',
  '.xml': 'other',
  '.kml': 'gis',
  '.kmz': 'gis',
  '.shp': 'gis',
};

/** Binary formats: bytes that would garble a terminal. */
const BINARY = new Set(['pdf']);

export interface FormatAsk {
  format: string | undefined;
  excel: boolean;
  /** The -o file, or undefined / '-' for stdout. */
  output: string | undefined;
}

/**
 * The format to write. --format must be one the command has; a -o name that names a format must name one the
 * command has and, with --format or --excel, the same one; --excel is CSV.
 */
export function chooseFormat<F extends string>(ask: FormatAsk, allowed: readonly F[], fallback: F): F {
  const offered = allowed as readonly string[];
  if (ask.format !== undefined && !offered.includes(ask.format))
    throw usage({ zh: `--format 可用：${allowed.join('、')}，而不是"${ask.format}"`, en: `--format takes ${allowed.join(', ')}, not "${ask.format}"` });
  const file = ask.output !== undefined && ask.output !== '-' ? ask.output : undefined;
  const ext = file ? extname(file).toLowerCase() : '';
  const named = FORMAT_OF_EXTENSION[ext];
  if (file && (FOREIGN[ext] !== undefined || (named !== undefined && !offered.includes(named)))) throw cannotWriteExtension(file, ext, offered);
  const asked = ask.format ?? (ask.excel ? 'csv' : undefined);
  if (file && named !== undefined && asked !== undefined && asked !== named) {
    const flag = ask.format !== undefined ? `--format ${ask.format}` : '--excel';
    throw new HazeError(CODE.HAZE_OUTPUT_FORMAT_MISMATCH, {
      message: {
        zh: `${flag} 与 -o ${file} 不符：文件名是 ${named} 文件，内容却是 ${asked}`,
        en: `${flag} does not match -o ${file}: the name says ${named}, the content would be ${asked}`,
      },
      hint: {
        zh: `去掉 ${flag}（按文件名写 ${named}），或把文件名改为 ${renamed(file, ext, asked)}`,
        en: `drop ${flag} (the name gives ${named}), or name the file ${renamed(file, ext, asked)}`,
      },
    });
  }
  const format = asked ?? named ?? fallback;
  if (ask.excel && format !== 'csv')
    throw usage({ zh: `--excel 用于 CSV 输出，不能与 --format ${format} 同用`, en: `--excel is for CSV output, not --format ${format}` });
  // --excel on a command with no CSV (alert status, db info).
  if (!offered.includes(format))
    throw usage({
      zh: `--excel 用于 CSV 输出，而此命令可用：${allowed.join('、')}`,
      en: `--excel is for CSV output; this command writes ${allowed.join(', ')}`,
    });
  return format as F;
}

/**
 * A binary format (PDF) is not written to a terminal: it would fill the screen with bytes. A file, a pipe or a
 * redirect (`> 清单.pdf`) takes it.
 */
export function refuseBinaryToTerminal(format: string, toFile: boolean, stdoutIsTerminal: boolean): void {
  if (!BINARY.has(format) || toFile || !stdoutIsTerminal) return;
  throw new HazeError(CODE.HAZE_BINARY_TO_TERMINAL, {
    message: { zh: `${format.toUpperCase()} 是二进制文件，不能直接显示在终端上`, en: `${format.toUpperCase()} is binary and is not written to a terminal` },
    hint: {
      zh: `用 -o 文件名.${format} 写入文件（如 -o 检查清单.${format}），或用管道、重定向（> 检查清单.${format}）`,
      en: `write it to a file with -o FILE.${format} (e.g. -o checklist.${format}), or pipe or redirect it (> checklist.${format})`,
    },
  });
}

/** The endings a command can write, in its order, once each. */
function extensionsOf(offered: readonly string[]): string[] {
  return [...new Set(offered.map((f) => EXTENSION_OF_FORMAT[f]).filter((e): e is string => e !== undefined))];
}

function renamed(file: string, ext: string, format: string): string {
  return `${ext ? file.slice(0, -ext.length) : file}${EXTENSION_OF_FORMAT[format] ?? ''}`;
}

function cannotWriteExtension(file: string, ext: string, offered: readonly string[]): HazeError {
  const exts = extensionsOf(offered);
  const as = (format: string) => renamed(file, ext, format);
  const family = FOREIGN[ext];
  let hint: Text;
  if (family === 'sheet' && offered.includes('csv')) {
    hint = {
      zh: `haze 不生成 Excel 工作簿；用 --excel -o ${as('csv')} 写出 Excel、WPS 可直接打开的 CSV（中文表头和内容）`,
      en: `haze writes no workbooks; --excel -o ${as('csv')} writes a CSV that Excel and WPS open directly`,
    };
  } else if (family === 'document' && (offered.includes('html') || offered.includes('pdf') || offered.includes('md'))) {
    const alt = ['pdf', 'html', 'md'].filter((f) => offered.includes(f)).map((f) => `-o ${as(f)}`);
    hint = {
      zh: `haze 不生成 Word/WPS 文档；改用 ${alt.join(' 或 ')}（Word、WPS 都能打开）`,
      en: `haze writes no Word documents; use ${alt.join(' or ')} (Word and WPS open them)`,
    };
  } else if (family === 'document' && offered.includes('csv')) {
    hint = {
      zh: `haze 不生成 Word/WPS 文档；此命令的表格用 --excel -o ${as('csv')} 写出，Excel、WPS 可直接打开`,
      en: `haze writes no Word documents; this command's table goes to --excel -o ${as('csv')}, which Excel and WPS open`,
    };
  } else if (family === 'gis' && offered.includes('geojson')) {
    hint = {
      zh: `改用 -o ${as('geojson')} 或 -o ${as('gpx')}（GIS 软件和手机导航都能读）`,
      en: `use -o ${as('geojson')} or -o ${as('gpx')} (GIS tools and phones read them)`,
    };
  } else {
    hint = {
      zh: `用以上扩展名之一，如 -o ${as(offered.find((f) => f !== 'table' && f !== 'text') ?? offered[0]!)}；或不加 -o，输出到屏幕`,
      en: `use one of those endings, e.g. -o ${as(offered.find((f) => f !== 'table' && f !== 'text') ?? offered[0]!)}; or leave out -o to write to the screen`,
    };
  }
  const formats = exts.map((e) => `${e}（${offered.filter((f) => EXTENSION_OF_FORMAT[f] === e).join('/')}）`);
  return new HazeError(CODE.HAZE_OUTPUT_EXTENSION, {
    message: {
      zh: `-o ${file}：haze 不能写 ${ext} 文件；此命令可写 ${formats.join('、')}`,
      en: `-o ${file}: haze cannot write a ${ext} file; this command writes ${exts.map((e) => `${e} (${offered.filter((f) => EXTENSION_OF_FORMAT[f] === e).join('/')})`).join(', ')}`,
    },
    hint,
  });
}
