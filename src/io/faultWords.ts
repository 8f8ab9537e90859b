/**
 * What the machine said, in our words: a system error (ENOENT, EACCES, EROFS, ENOSPC, …) or a better-sqlite3
 * error (SQLITE_* codes, and the few it raises in English words only) as a short reason in Chinese and
 * English, to follow "无法写入备份 X：" in a message. A library's English sentence never reaches an officer
 * reading Chinese ("Cannot save backup because the directory does not exist" inside a Chinese line); an
 * error this list does not know is named by its code, and by nothing when it has none.
 */
import { dirname } from 'node:path';
import type { Text } from '../errors.js';

type Fault = { code?: unknown; message?: unknown } | null | undefined;

/** better-sqlite3's errors that carry no code, by their words (better-sqlite3 12: src/objects/database.cpp, lib/methods). */
const SQLITE_WORDS: [RegExp, (path: string) => Text][] = [
  [/directory does not exist/i, (p) => folderMissing(p)],
  [/database connection is not open/i, () => ({ zh: '数据库已关闭', en: 'the store was closed' })],
  [/database connection is busy/i, () => ({ zh: '数据库正被占用', en: 'the store is busy' })],
];

const folderMissing = (path: string): Text => ({ zh: `文件夹 ${dirname(path)} 不存在`, en: `the folder ${dirname(path)} does not exist` });

/**
 * The reason in words. `path` is the file haze was reading or writing (its folder is named when that is
 * what is missing); `doing` says which, since ENOENT means a missing file to a reader and a missing folder
 * to a writer.
 */
export function faultWords(err: unknown, path: string, doing: 'read' | 'write'): Text {
  const e = err as Fault;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  switch (code) {
    case 'ENOENT':
      return doing === 'write' ? folderMissing(path) : { zh: '文件不存在', en: 'the file does not exist' };
    case 'ENOTDIR':
      return { zh: `路径 ${path} 中有一段不是文件夹`, en: `a part of the path ${path} is not a folder` };
    case 'EISDIR':
      return { zh: '这是一个文件夹，不是文件', en: 'it is a folder, not a file' };
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return { zh: '没有权限（检查文件和文件夹的权限）', en: 'permission denied (check the permissions of the file and its folder)' };
    case 'EROFS':
      return { zh: '磁盘或文件夹是只读的', en: 'the disk or folder is read-only' };
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return { zh: '磁盘已满', en: 'the disk is full' };
    case 'EBUSY':
    case 'ETXTBSY':
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { zh: '文件正被其他程序占用', en: 'another program holds the file' };
    case 'EEXIST':
      return { zh: '同名文件已存在', en: 'a file of that name exists' };
    case 'EMFILE':
    case 'ENFILE':
      return { zh: '同时打开的文件太多', en: 'too many files are open' };
    case 'ENAMETOOLONG':
      return { zh: '路径太长', en: 'the path is too long' };
    case 'EIO':
      return { zh: '磁盘读写出错', en: 'the disk reported a read or write error' };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return { zh: '数据库文件已损坏或不是 SQLite 数据库', en: 'the file is damaged or not a SQLite database' };
  }
  if (code.startsWith('SQLITE_READONLY')) return { zh: '数据库是只读的', en: 'the store is read-only' };
  if (code.startsWith('SQLITE_CANTOPEN'))
    return { zh: '无法打开该文件（检查文件夹是否存在、是否有权限）', en: 'the file cannot be opened (check that the folder exists and may be written)' };
  if (code.startsWith('SQLITE_IOERR')) return { zh: '磁盘读写出错', en: 'the disk reported a read or write error' };
  for (const [words, text] of SQLITE_WORDS) if (words.test(message)) return text(path);
  // A code is a name, not a sentence: it can be looked up. Without one, nothing of the library's words.
  if (/^[A-Z][A-Z0-9_]+$/.test(code)) return { zh: `系统错误 ${code}`, en: `system error ${code}` };
  return { zh: '原因不明', en: 'for a reason the system did not give' };
}
