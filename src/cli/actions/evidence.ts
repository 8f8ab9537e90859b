/**
 * The actions of `haze evidence` (its subcommands, options and help: ../commands/evidence.ts). Import reads
 * every file before anything is written and writes all of them in one transaction; check prints the clues
 * the data gives for a day, as known at the end of it (or now, when that is earlier).
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { PointSeries } from '../../core/evidence/model.js';
import { countOf } from '../../core/plural.js';
import { addDays, formatWallTime, fromInstant, fromWallMinute, toWallMinute } from '../../core/time.js';
import { CODE, HazeError, type Text } from '../../errors.js';
import type { ReadingsRead } from '../../io/read/evidence/index.js';
import { missingInput } from '../../io/read/missingInput.js';
import { importEvidence, type EvidenceConflict, type EvidenceFile, type FileOutcome } from '../../io/store/evidence.js';
import { defaultDate } from '../../workflow/alertInForce.js';
import { noEvidence, readEvidenceFiles, storedPoints, townClues, townEvidence } from '../../workflow/evidence.js';
import { keepsPlans, writeStore } from '../../workflow/storeDoor.js';
import { now } from '../clock.js';
import { renderClues, cluesOnDay } from '../clueOutput.js';
import { parseDateFlag } from '../flags.js';
import { readGlobals, usage, type Globals } from '../globals.js';
import { clueChart } from '../../core/evidence/clueChart.js';
import { renderUseChart } from '../../io/write/chart/useChart.js';
import { openOutput } from '../output.js';
import { openTown } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

export interface ImportOpts {
  replace?: boolean;
}

export interface CheckOpts {
  date?: string;
}

const VALUE_WORDS: Record<ReadingsRead['value'], Text> = {
  cumulative: { zh: '累计电能', en: 'cumulative energy' },
  interval: { zh: '区间电能', en: 'interval energy' },
  power: { zh: '平均功率', en: 'average power' },
};

/** What a readings file held, for the line said about it: how many, of how many points, over which days. */
export function readingsSummary(read: Pick<ReadingsRead, 'series' | 'layout' | 'value' | 'unit' | 'unitBy'>): Text {
  let n = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const s of read.series.values()) {
    n += s.start.length;
    if (s.start.length === 0) continue;
    first = Math.min(first, s.start[0]!);
    last = Math.max(last, s.start[s.start.length - 1]! + s.minutes[s.start.length - 1]! - 1);
  }
  const days = n === 0 ? null : { from: fromWallMinute(first).date, to: fromWallMinute(last).date };
  const span = days ? (days.from === days.to ? days.from : `${days.from}–${days.to}`) : '';
  const layout = read.layout === 'wide' ? { zh: '宽表（每行一天）', en: 'wide (a row a day)' } : { zh: '长表（每行一个读数）', en: 'long (a row a reading)' };
  const unit =
    read.unitBy === 'assumed'
      ? { zh: `${read.unit}（表头未注明，按此假定）`, en: `${read.unit} (not in the header; assumed)` }
      : { zh: read.unit, en: read.unit };
  return {
    zh: `读数 ${n} 条，${read.series.size} 个点位${span ? `，${span}` : ''}；${layout.zh}，${VALUE_WORDS[read.value].zh}，单位 ${unit.zh}`,
    en: `${countOf(n, 'reading')} of ${countOf(read.series.size, 'point')}${span ? `, ${span}` : ''}; ${layout.en}, ${VALUE_WORDS[read.value].en}, unit ${unit.en}`,
  };
}

/** What was written of a file, after what was read of it. */
export function outcomeWords(o: FileOutcome): Text {
  if (o.alreadyAt !== null) {
    const at = formatWallTime(fromInstant(Date.parse(o.alreadyAt)));
    return { zh: `已导入过，未改动（${at} 导入）`, en: `imported before, nothing changed (imported at ${at})` };
  }
  if (o.added + o.replaced === 0) return { zh: `${o.unchanged} 行都已导入过，未改动`, en: `all ${o.unchanged} rows were imported before; nothing changed` };
  return {
    zh: `新增 ${o.added}${o.replaced ? `，更正 ${o.replaced}` : ''}${o.unchanged ? `，${o.unchanged} 条与已导入的相同（跳过）` : ''}`,
    en: `${o.added} added${o.replaced ? `, ${o.replaced} corrected` : ''}${o.unchanged ? `, ${o.unchanged} the same as stored (skipped)` : ''}`,
  };
}

function conflictLine(voice: CliVoice, c: EvidenceConflict): string {
  const when = c.at === null ? '' : ` ${formatWallTime(fromWallMinute(c.at))}`;
  const where = `${c.fileName}${c.row !== null ? `:${c.row}` : ''}`;
  return `${where}: ${voice.t({
    zh: `与已导入的不同：${c.key}${when}：已导入 ${c.was}，本文件 ${c.now}`,
    en: `differs from what was imported: ${c.key}${when}: stored ${c.was}, this file ${c.now}`,
  })}\n`;
}

async function importFiles(g: Globals, voice: CliVoice, files: string[], opts: ImportOpts): Promise<void> {
  const town = await openTown(g, voice, null);
  // The embedded sample town keeps no store (as for plans): evidence has nowhere to go until there is a workspace.
  if (!keepsPlans(town.ws))
    throw new HazeError(CODE.HAZE_STORE_MISSING, {
      message: {
        zh: '内置示例乡镇没有数据库，证据无处导入',
        en: 'the embedded sample town has no store to import evidence into',
      },
      hint: { zh: '先用 haze init 创建自己的工作区，再在其中导入', en: 'run haze init to make your own workspace first, and import there' },
    });
  for (const file of files) if (!existsSync(file) || !statSync(file).isFile()) throw missingInput('evidence', file);
  const read = await readEvidenceFiles(files, town.list.enterprises, storedPoints(town), voice);
  const said = new Map<string, Text>();
  const toStore: EvidenceFile[] = [];
  for (const r of read.points) {
    said.set(r.file, { zh: `点位 ${r.points.length} 个`, en: countOf(r.points.length, 'point') });
    toStore.push({ kind: 'points', fileName: r.file, sha256: r.sha256, points: r.points });
  }
  for (const r of read.readings) {
    said.set(r.file, readingsSummary(r));
    toStore.push({ kind: 'readings', fileName: r.file, sha256: r.sha256, series: r.series as ReadonlyMap<string, PointSeries> });
  }
  for (const r of read.gate) {
    said.set(r.file, { zh: `门禁记录 ${r.movements.length} 条`, en: countOf(r.movements.length, 'gate movement') });
    toStore.push({ kind: 'gate', fileName: r.file, sha256: r.sha256, movements: r.movements });
  }
  const outcome = writeStore(town.ws, (db) => importEvidence(db, { files: toStore, replace: opts.replace === true, importedAt: new Date().toISOString() }));
  if (outcome.kind === 'conflicts') {
    for (const c of outcome.conflicts) process.stderr.write(conflictLine(voice, c));
    const more = outcome.total - outcome.conflicts.length;
    if (more > 0) voice.say({ zh: `……另有 ${more} 处不同`, en: `… and ${more} more` });
    throw new HazeError(CODE.HAZE_EVIDENCE_CONFLICT, {
      where: { file: outcome.conflicts[0]!.fileName },
      message: {
        zh: `${outcome.total} 处与已导入的不同，所有文件均未导入`,
        en: `${countOf(outcome.total, 'row differs', 'rows differ')} from what was imported; none of the files was imported`,
      },
    });
  }
  for (const o of outcome.files) {
    const read = said.get(o.fileName)!;
    const done = outcomeWords(o);
    voice.say({ zh: `${o.fileName}：${read.zh}；${done.zh}`, en: `${o.fileName}: ${read.en}; ${done.en}` });
  }
  if (outcome.files.some((o) => o.importId !== null)) voice.say({ zh: `已记录到 ${town.ws.dbFile}`, en: `recorded in ${town.ws.dbFile}` });
}

async function check(g: Globals, voice: CliVoice, opts: CheckOpts): Promise<void> {
  const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
  const asked = opts.date === undefined ? undefined : parseDateFlag(opts.date);
  const town = await openTown(g, voice, out);
  const today = now();
  const date = asked ?? defaultDate(town.ws, today.date);
  const evidence = await townEvidence(town, voice);
  if (noEvidence(evidence))
    throw new HazeError(CODE.HAZE_EVIDENCE_NOTHING, {
      where: { file: town.ws.dbFile },
      message: {
        zh: `${town.ws.dbFile} 中没有分表计电或门禁数据，haze.yaml 的 evidence: 也没有列出文件`,
        en: `${town.ws.dbFile} holds no meter or gate data, and haze.yaml lists no evidence files`,
      },
    });
  // The evidence known when the day is asked about: up to its end, or up to now while it is not over.
  const upTo = Math.min(toWallMinute(today), toWallMinute({ date: addDays(date, 1), minutes: 0 }));
  const { check } = townClues(town, evidence, fromWallMinute(upTo));
  voice.problems(check.problems);
  const clues = cluesOnDay(check.clues, date);
  const names = new Map(town.list.enterprises.map((e) => [e.creditCode, e.name]));
  out.emit(renderClues(out, out.format, { clues }, (code) => names.get(code) ?? code));
  voice.say({
    zh: `${date}：${clues.length} 条线索（数据截至 ${formatWallTime(fromWallMinute(upTo))}）；线索不是违法事实，须现场核查`,
    en: `${date}: ${countOf(clues.length, 'clue')} (data up to ${formatWallTime(fromWallMinute(upTo))}); a clue is not a finding, it is checked on site`,
  });
}

/**
 * One clue's chart as an SVG file (`evidence chart ID`): the clue found among those the evidence gives for the
 * day its id names, known as `check` knows them.
 */
async function chart(g: Globals, voice: CliVoice, id: string): Promise<void> {
  const out = openOutput(g, voice, ['svg'] as const, 'svg');
  const date = /(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}$/.exec(id)?.[1];
  if (!date)
    throw usage(
      { zh: `不是线索编号："${id}"`, en: `not a clue id: "${id}"` },
      { zh: '线索编号见 haze evidence check --format json 的 id 字段', en: 'clue ids are the id field of haze evidence check --format json' },
    );
  const town = await openTown(g, voice, null);
  const evidence = await townEvidence(town, voice);
  const upTo = Math.min(toWallMinute(now()), toWallMinute({ date: addDays(date, 1), minutes: 0 }));
  const checked = townClues(town, evidence, fromWallMinute(upTo));
  const clue = checked.check.clues.find((c) => c.id === id);
  if (!clue)
    throw usage(
      {
        zh: `没有这条线索：${id}（数据截至 ${formatWallTime(fromWallMinute(upTo))}）`,
        en: `no such clue: ${id} (data up to ${formatWallTime(fromWallMinute(upTo))})`,
      },
      { zh: '线索编号见 haze evidence check --date 该日 --format json', en: 'see haze evidence check --date <day> --format json for the ids' },
    );
  const drawn = clueChart(clue, checked.input, checked.check);
  if (!drawn)
    throw usage(
      { zh: '门禁线索没有用电曲线', en: 'a gate clue has no power chart' },
      { zh: '门禁线索的车辆和时间见 haze evidence check', en: 'its trucks and times are in haze evidence check' },
    );
  out.emit(renderUseChart(drawn, { lang: out.lang, standalone: true }));
}

export async function chartAction(id: string, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  return chart(g, cliVoice(g), id);
}

export async function importAction(files: string[], opts: ImportOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  return importFiles(g, cliVoice(g), files, opts);
}

export async function checkAction(opts: CheckOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  return check(g, cliVoice(g), opts);
}
