/** Read the list file (or stdin for "-") into enterprises and the problems found. */
import { readFileSync } from 'node:fs';
import { HazeError, EXIT } from '../../errors.js';
import { decodeBytes, type Encoding } from './decode.js';
import { csvTable } from './csvTable.js';
import { readListRows, type ListReadResult } from './listRows.js';

export interface LoadedList extends ListReadResult {
  file: string;
  encoding: Encoding;
}

export function loadList(file: string, opts: { encoding?: Encoding } = {}): LoadedList {
  const bytes = readInput(file);
  const shown = file === '-' ? '<stdin>' : file;
  if (/\.xls$/i.test(file)) {
    throw new HazeError({
      code: 'HAZE_LIST_XLS', exitCode: EXIT.dataErr, where: { file: shown },
      message: { zh: '不支持旧版 .xls 文件', en: 'legacy .xls files are not read' },
      hint: { zh: '在 Excel 中另存为 .xlsx 或 CSV UTF-8', en: 'save it from Excel as .xlsx or CSV UTF-8' },
    });
  }
  const decoded = decodeBytes(bytes, shown, opts.encoding);
  const table = csvTable(decoded.text, shown);
  return { file: shown, encoding: decoded.encoding, ...readListRows(table) };
}

/** The bytes of a file, or of stdin for "-"; a missing file is exit 66, other failures 74. */
export function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      throw new HazeError({
        code: 'HAZE_INPUT_MISSING', exitCode: EXIT.noInput, where: { file },
        message: { zh: `找不到文件：${file}`, en: `file not found: ${file}` },
        hint: { zh: '检查路径，或在工作区中运行 (haze init)', en: 'check the path, or run inside a workspace (haze init)' },
      });
    }
    if (e.code === 'EISDIR') {
      throw new HazeError({ code: 'HAZE_INPUT_IS_DIR', exitCode: EXIT.noInput, where: { file }, message: { zh: `这是一个文件夹，不是文件：${file}`, en: `this is a folder, not a file: ${file}` } });
    }
    throw new HazeError({ code: 'HAZE_INPUT_READ', exitCode: EXIT.ioErr, where: { file }, message: { zh: `无法读取 ${file}：${e.message}`, en: `cannot read ${file}: ${e.message}` } });
  }
}
