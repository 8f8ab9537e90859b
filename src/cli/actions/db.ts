/**
 * The actions of `haze db` (its subcommands and help: ../commands/db.ts): a consistent backup of the store
 * while others keep working, and what it holds. A corrupt or foreign file is refused by openStore (exit 74
 * or 78) and never written to.
 */
import type { Command } from 'commander';
import { CODE, HazeError } from '../../errors.js';
import { backupStore } from '../../io/store/backup.js';
import { openStore, type Store } from '../../io/store/db.js';
import { tableCounts } from '../../io/store/info.js';
import { MIGRATIONS } from '../../io/store/migrations.js';
import { renderJson } from '../../io/write/json.js';
import { openWorkspace } from '../../workflow/town.js';
import { readGlobals, type Globals } from '../globals.js';
import { openOutput } from '../output.js';
import { cliVoice, type CliVoice } from '../voice.js';

/** The store as it is: no migration, so a backup taken before an upgrade is a copy of the old version. */
function existingStore(g: Globals, voice: CliVoice): { db: Store; file: string } {
  const file = openWorkspace(g, voice).dbFile;
  const db = openStore(file, { create: false, migrate: false });
  if (!db) {
    throw new HazeError(CODE.HAZE_STORE_MISSING, {
      where: { file },
      message: { zh: `没有数据库 ${file}：还没有记录任何内容`, en: `there is no store at ${file}: nothing has been recorded yet` },
    });
  }
  return { db, file };
}

async function backup(g: Globals, voice: CliVoice, dest: string): Promise<void> {
  const { db, file } = existingStore(g, voice);
  let result: Awaited<ReturnType<typeof backupStore>>;
  try {
    result = await backupStore(db, file, dest);
  } finally {
    db.close();
  }
  const counts = result.tables.map((t) => `${t.table} ${t.rows}`).join(', ');
  const photos =
    result.photosCopied > 0
      ? { zh: `；照片 ${result.photosCopied} 张复制到 photos/`, en: `; ${result.photosCopied} photos copied into photos/` }
      : { zh: '', en: '' };
  voice.say({
    zh: `已备份 ${file} → ${result.file}${result.replaced ? '（替换了原有文件）' : ''}：结构版本 ${result.schemaVersion}，${result.bytes} 字节；${counts}${photos.zh}`,
    en: `backed up ${file} → ${result.file}${result.replaced ? ' (replacing the file there)' : ''}: schema ${result.schemaVersion}, ${result.bytes} bytes; ${counts}${photos.en}`,
  });
}

function info(g: Globals, voice: CliVoice): void {
  const out = openOutput(g, voice, ['text', 'json'] as const, 'text');
  const { db, file } = existingStore(g, voice);
  let version: number;
  let tables: ReturnType<typeof tableCounts>;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    tables = tableCounts(db);
  } finally {
    db.close();
  }
  if (out.format === 'json') {
    out.emit(renderJson({ file, schema_version: version, schema_known: MIGRATIONS.length, tables: Object.fromEntries(tables.map((t) => [t.table, t.rows])) }));
    return;
  }
  const lines = [
    `${voice.t({ zh: '数据库', en: 'store' })}: ${file}`,
    `${voice.t({ zh: '结构版本', en: 'schema version' })}: ${version}${version < MIGRATIONS.length ? voice.t({ zh: `（下次写入时升级到 ${MIGRATIONS.length}）`, en: ` (upgraded to ${MIGRATIONS.length} at the next write)` }) : ''}`,
    ...tables.map((t) => `  ${t.table}: ${t.rows}`),
  ];
  out.emit(`${lines.join('\n')}\n`);
}

export async function backupAction(file: string, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  return backup(g, cliVoice(g), file);
}

export function infoAction(_opts: unknown, c: Command): void {
  const g = readGlobals(c);
  info(g, cliVoice(g));
}
