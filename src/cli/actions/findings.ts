/**
 * The actions of `haze findings` (its subcommands, options and help: ../commands/findings.ts). Import checks
 * every row before anything is written, one file is one transaction, the same file twice records nothing new;
 * list shows them with their status; close ends one by hand. A later clean inspection (haze record) closes
 * them by itself.
 */
import type { Command } from 'commander';
import { checkFindingRows, type FindingRow } from '../../core/findings.js';
import { countOf } from '../../core/plural.js';
import { hasErrors, type Lang } from '../../core/problem.js';
import { formatWallTime, fromInstant } from '../../core/time.js';
import { CODE, HazeError } from '../../errors.js';
import { cellOf, readImportTable } from '../../io/read/importTable.js';
import { readingInput } from '../../io/read/missingInput.js';
import {
  closeFinding,
  importFindings,
  listFindings,
  type CloseOutcome,
  type FindingImportOutcome,
  type FindingStatus,
  type StoredFinding,
} from '../../io/store/findings.js';
import type { Column } from '../../io/write/columns.js';
import { openWorkspace } from '../../workflow/town.js';
import { readStore, writeStore } from '../../workflow/storeDoor.js';
import { now } from '../clock.js';
import { parseTimeFlag } from '../flags.js';
import { readGlobals, usage, type Globals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { openTown } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';
import { enterprisesByName } from '../../core/mangledCode.js';

/** A findings file's columns, by English key and the Chinese headers provincial notices use. */
export const FINDING_COLUMNS = {
  date: ['日期', '发现日期', '检查日期', '暗查日期'],
  credit_code: ['统一社会信用代码', '信用代码', '社会信用代码'],
  name: ['企业名称', '单位名称', '企业'],
  problem: ['问题', '发现的问题', '存在问题', '问题描述', '主要问题'],
  source: ['来源', '通报', '通报文件', '文号', '问题来源'],
} as const;

async function importFile(g: Globals, voice: CliVoice, file: string): Promise<void> {
  const town = await openTown(g, voice, null);
  const table = await readingInput('findings', file, () => readImportTable(file, FINDING_COLUMNS, ['date', 'credit_code', 'problem', 'source']));
  voice.problems(table.warnings);
  const cell = (cells: string[], key: keyof typeof FINDING_COLUMNS) => cellOf(table, cells, key);
  const rows: FindingRow[] = table.rows.map((r) => ({
    where: { file: table.file, row: r.row },
    date: cell(r.cells, 'date'),
    creditCode: cell(r.cells, 'credit_code'),
    name: cell(r.cells, 'name'),
    problem: cell(r.cells, 'problem'),
    source: cell(r.cells, 'source'),
  }));
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const checked = checkFindingRows(rows, (code) => byCode.get(code), now().date, enterprisesByName(town.list.enterprises));
  voice.problems(checked.problems);
  if (hasErrors(checked.problems)) {
    const n = checked.problems.filter((p) => p.severity === 'error').length;
    throw new HazeError(CODE.HAZE_FINDINGS_INVALID, {
      where: { file: table.file },
      message: { zh: `${n} 处错误，整个文件未导入`, en: `${countOf(n, 'error')}; nothing from the file was imported` },
    });
  }
  if (checked.findings.length === 0) {
    voice.say({ zh: `${table.file}：表头下没有任何问题行，未做改动`, en: `${table.file}: no findings below the header; nothing changed` });
    return;
  }
  const outcome = writeStore(town.ws, (db) =>
    importFindings(db, { fileName: table.file, sha256: table.sha256, findings: checked.findings, importedAt: new Date().toISOString() }),
  );
  report(voice, outcome, table.file, town.ws.dbFile);
}

function report(voice: CliVoice, outcome: FindingImportOutcome, file: string, dbFile: string): void {
  if (outcome.kind === 'already') {
    const at = formatWallTime(fromInstant(Date.parse(outcome.importedAt)));
    voice.say({ zh: `${file} 已于 ${at} 导入过：没有新内容，未做改动`, en: `${file} was already imported at ${at}: nothing new, nothing changed` });
    return;
  }
  const { added, known, closedByInspection } = outcome;
  if (added === 0) {
    voice.say({
      zh: `${file}：${known} 条问题都已记录过（来自其他文件），没有新内容`,
      en: `${file}: ${known === 1 ? 'the finding was' : `all ${known} findings were`} recorded already (from another file); nothing new`,
    });
    return;
  }
  voice.say({
    zh: `已记录到 ${dbFile}：${added} 条新的省级暗查问题${known ? `，${known} 条此前已记录（未重复记录）` : ''}${closedByInspection ? `；其中 ${closedByInspection} 条已由之后的检查（未发现问题）关闭` : ''}`,
    en: `recorded in ${dbFile}: ${added} new provincial findings${known ? `, ${known} recorded before (not added again)` : ''}${closedByInspection ? `; ${closedByInspection} of them closed at once by a later clean inspection` : ''}`,
  });
}

/** The list's columns. Status words follow the language in the table; CSV and JSON keep `open`/`closed`. */
function findingColumns(lang: Lang, village: (code: string) => string | null): Column<StoredFinding>[] {
  const statusZh = (s: FindingStatus) => ({ open: '未关闭', closed: '已关闭' })[s];
  const statusWord = (s: FindingStatus) => (lang === 'zh' ? statusZh(s) : s);
  return [
    { key: 'id', zh: '编号', en: 'id', value: (f) => f.id },
    { key: 'date', zh: '日期', en: 'date', value: (f) => f.date },
    { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (f) => f.creditCode, drop: 1 },
    { key: 'name', zh: '企业名称', en: 'name', value: (f) => f.name, wrap: true },
    { key: 'village', zh: '村社区', en: 'village', value: (f) => village(f.creditCode), drop: 2, wrap: true },
    { key: 'problem', zh: '问题', en: 'problem', value: (f) => f.problem, wrap: true },
    { key: 'source', zh: '来源', en: 'source', value: (f) => f.source, drop: 4, wrap: true },
    { key: 'status', zh: '状态', en: 'status', value: (f) => f.status, excel: (f) => statusZh(f.status), dataOnly: true },
    { key: 'status_text', zh: '状态', en: 'status', value: (f) => statusWord(f.status), tableOnly: true },
    { key: 'closed_at', zh: '关闭时间', en: 'closed at', value: (f) => f.closedAt, drop: 5 },
    { key: 'close_note', zh: '关闭说明', en: 'close note', value: (f) => f.closeNote, drop: 3, wrap: true },
  ];
}

export interface ListOpts {
  status: string;
  creditCode?: string;
}

async function list(g: Globals, voice: CliVoice, opts: ListOpts): Promise<void> {
  const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
  if (!['open', 'closed', 'all'].includes(opts.status)) {
    throw usage({ zh: `--status 只能是 open、closed 或 all，而不是"${opts.status}"`, en: `--status must be open, closed or all, not "${opts.status}"` });
  }
  // The village comes from the current list: findings name the enterprise by its code.
  const town = await openTown(g, voice, out);
  const villages = new Map(town.list.enterprises.map((e) => [e.creditCode, e.village]));
  const query = {
    status: opts.status as FindingStatus | 'all',
    ...(opts.creditCode ? { creditCode: opts.creditCode.normalize('NFKC').trim().toUpperCase() } : {}),
  };
  const rows: StoredFinding[] = readStore(town.ws, (db) => listFindings(db, query), []);
  out.emit(
    renderRows(
      out,
      out.format,
      rows,
      findingColumns(out.lang, (code) => villages.get(code) ?? null),
    ),
  );
}

export interface CloseOpts {
  note: string;
  at?: string;
}

function close(g: Globals, voice: CliVoice, idText: string, opts: CloseOpts): void {
  if (!/^\d+$/.test(idText.trim()))
    throw usage(
      { zh: `编号应为数字，而不是"${idText}"`, en: `the id must be a number, not "${idText}"` },
      { zh: '编号见 haze findings list', en: 'haze findings list shows the ids' },
    );
  const note = opts.note.trim();
  if (!note) throw usage({ zh: '--note 不能为空：写明整改情况', en: '--note must not be empty: say how it was fixed' });
  const at = opts.at ? parseTimeFlag(opts.at, '--at') : now();
  const id = Number(idText.trim());
  const ws = openWorkspace(g, voice);
  // No store yet: no finding has been recorded.
  const outcome: CloseOutcome = readStore(ws, (db) => closeFinding(db, id, note, formatWallTime(at)), { kind: 'unknown' });
  switch (outcome.kind) {
    case 'unknown':
      throw new HazeError(CODE.HAZE_FINDING_UNKNOWN, {
        where: { file: ws.dbFile },
        message: { zh: `没有编号为 ${id} 的省级暗查问题`, en: `no provincial finding with id ${id}` },
      });
    case 'already_closed': {
      const f = outcome.finding;
      throw new HazeError(CODE.HAZE_FINDING_CLOSED, {
        where: { file: ws.dbFile },
        message: {
          zh: `第 ${id} 条已于 ${f.closedAt} 关闭（${f.closeNote ?? ''}），未做改动`,
          en: `finding ${id} was closed at ${f.closedAt} (${f.closeNote ?? ''}); nothing changed`,
        },
      });
    }
    case 'before_finding':
      throw new HazeError(CODE.HAZE_FINDING_CLOSE_EARLY, {
        where: { file: ws.dbFile },
        message: {
          zh: `关闭时间 ${formatWallTime(at)} 早于问题的日期 ${outcome.finding.date}，未做改动`,
          en: `closing at ${formatWallTime(at)} is before the finding's date ${outcome.finding.date}; nothing changed`,
        },
      });
    case 'closed': {
      const f = outcome.finding;
      const when = opts.at
        ? ''
        : voice.t({ zh: `，未给 --at，按当前时间 ${formatWallTime(at)}`, en: `; no --at given, so at the current time, ${formatWallTime(at)}` });
      voice.say({
        zh: `已关闭第 ${id} 条：${f.date} ${f.name} ${f.problem}（${ws.dbFile}${when}）`,
        en: `closed finding ${id}: ${f.date} ${f.name} ${f.problem} (${ws.dbFile}${when})`,
      });
    }
  }
}

export async function importAction(file: string, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  return importFile(g, cliVoice(g), file);
}

export async function listAction(opts: ListOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  return list(g, cliVoice(g), opts);
}

export function closeAction(id: string, opts: CloseOpts, c: Command): void {
  const g = readGlobals(c);
  close(g, cliVoice(g), id, opts);
}
