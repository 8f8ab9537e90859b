/**
 * The actions of `haze alert` (its subcommands, options and help: ../commands/alert.ts). Impossible sequences
 * (a lift with no alert, a change dated before the current level began, a second issue while one is in force)
 * exit 65 and record nothing.
 */
import type { Command } from 'commander';
import type { Lang } from '../../core/problem.js';
import { alertAt, describe, impossibleEvent, inOrder, type AlertEvent, type AlertInForce } from '../../core/alert.js';
import { LEVEL_ZH } from '../../core/model.js';
import { formatWallTime, type WallTime } from '../../core/time.js';
import { CODE, HazeError } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { renderJson } from '../../io/write/json.js';
import { appendAlertEvent, readAlertEvents } from '../../io/store/alerts.js';
import { resolveWorkspace } from '../../io/read/workspace.js';
import { withDistrict } from '../../io/store/district/connect.js';
import { levelName } from '../../workflow/alertInForce.js';
import { districtAlerts } from '../../workflow/districtAlert.js';
import { districtUrl } from '../../workflow/districtUrl.js';
import { readStore, writeStore } from '../../workflow/storeDoor.js';
import { openWorkspace } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseLevelFlag, parseTimeFlag } from '../flags.js';
import { readGlobals, usage, type Globals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { cliVoice, type CliVoice } from '../voice.js';

const timeArg = (value: string, flag: string): WallTime => parseTimeFlag(value, flag);
const levelArg = (value: string): ReturnType<typeof parseLevelFlag> => parseLevelFlag(value, 'level');

/** An event's kind as the alert notices say it (发布、调整、解除预警). */
const KIND_ZH: Record<AlertEvent['kind'], string> = { issue: '发布', change: '调整', lift: '解除' };

/** The history's columns; the table says each change in the reader's language. */
const eventColumns = (lang: Lang): Column<AlertEvent>[] => [
  { key: 'id', zh: '编号', en: 'id', value: (e) => e.id ?? null },
  { key: 'at', zh: '时间', en: 'at', value: (e) => formatWallTime(e.at) },
  { key: 'kind', zh: '变动', en: 'kind', value: (e) => e.kind, excel: (e) => KIND_ZH[e.kind], dataOnly: true },
  { key: 'level', zh: '级别', en: 'level', value: (e) => e.level, excel: (e) => (e.level ? LEVEL_ZH[e.level] : null), dataOnly: true },
  { key: 'what', zh: '变动', en: 'change', value: (e) => describe(e)[lang], tableOnly: true, wrap: true },
  { key: 'until', zh: '预计持续至', en: 'until', value: (e) => (e.until ? formatWallTime(e.until) : null), drop: 2 },
  { key: 'doc', zh: '文号', en: 'doc', value: (e) => e.doc ?? null, drop: 3, wrap: true },
  { key: 'note', zh: '说明', en: 'note', value: (e) => e.note ?? null, drop: 1, wrap: true },
];

function record(g: Globals, voice: CliVoice, event: AlertEvent): void {
  const ws = openWorkspace(g, voice);
  writeStore(ws, (db) =>
    appendAlertEvent(db, event, new Date().toISOString(), (history) => {
      const why = impossibleEvent(history, event);
      if (why) throw new HazeError(CODE.HAZE_ALERT_SEQUENCE, { message: why, where: { file: ws.dbFile } });
    }),
  );
  voice.say({
    zh: `已记录：${formatWallTime(event.at)} ${describe(event).zh}（${ws.dbFile}）`,
    en: `recorded: ${formatWallTime(event.at)} ${describe(event).en} (${ws.dbFile})`,
  });
}

export interface EventOpts {
  at?: string;
  until?: string;
  doc?: string;
  note?: string;
}

function eventTime(voice: CliVoice, opts: EventOpts): WallTime {
  if (opts.at) return timeArg(opts.at, '--at');
  const at = now();
  voice.say({ zh: `未给 --at，按当前时间 ${formatWallTime(at)} 记录`, en: `no --at given: recorded at the current time, ${formatWallTime(at)}` });
  return at;
}

export function issueAction(level: string, opts: EventOpts, c: Command): void {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const lvl = levelArg(level);
  const at = eventTime(voice, opts);
  const until = opts.until ? timeArg(opts.until, '--until') : null;
  if (until && formatWallTime(until) <= formatWallTime(at)) throw usage({ zh: '--until 应晚于 --at', en: '--until must be after --at' });
  record(g, voice, { kind: 'issue', level: lvl, at, until, doc: opts.doc ?? null, note: opts.note ?? null });
}

export function changeAction(level: string, opts: EventOpts, c: Command): void {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const lvl = levelArg(level);
  record(g, voice, { kind: 'change', level: lvl, at: eventTime(voice, opts), doc: opts.doc ?? null, note: opts.note ?? null });
}

export function liftAction(opts: EventOpts, c: Command): void {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  record(g, voice, { kind: 'lift', level: null, at: eventTime(voice, opts), doc: opts.doc ?? null, note: opts.note ?? null });
}

/** The alert in force as JSON keys, the town's own and each town's of the district alike. */
function inForceRecord(inForce: AlertInForce | null): Record<string, unknown> {
  return {
    in_force: inForce !== null,
    level: inForce?.level ?? null,
    level_since: inForce ? formatWallTime(inForce.levelSince) : null,
    issued_at: inForce ? formatWallTime(inForce.issuedAt) : null,
    until: inForce?.until ? formatWallTime(inForce.until) : null,
    doc: inForce?.doc ?? null,
  };
}

/** The alert in force in words, after what it is about (the moment, or a town and the moment). */
function inForceLine(lang: Lang, about: string, inForce: AlertInForce | null): string {
  if (!inForce) return lang === 'zh' ? `${about}：没有正在执行的预警\n` : `${about}: no alert in force\n`;
  return lang === 'zh'
    ? `${about}：${levelName(inForce.level)}预警，自 ${formatWallTime(inForce.levelSince)} 起（${formatWallTime(inForce.issuedAt)} 发布${inForce.until ? `，预计持续至 ${formatWallTime(inForce.until)}` : ''}${inForce.doc ? `，${inForce.doc}` : ''}）\n`
    : `${about}: ${inForce.level} alert since ${formatWallTime(inForce.levelSince)} (issued ${formatWallTime(inForce.issuedAt)}${inForce.until ? `, expected until ${formatWallTime(inForce.until)}` : ''}${inForce.doc ? `, ${inForce.doc}` : ''})\n`;
}

export interface StatusOpts {
  at?: string;
  /** --district: each town's alert, from the district database. */
  district?: boolean;
  /** --town CODE: with --district, one town. */
  town?: string;
}

export async function statusAction(opts: StatusOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['text', 'json'] as const, 'text');
  const at = opts.at ? timeArg(opts.at, '--at') : now();
  if (opts.district || opts.town !== undefined) {
    if (!opts.district) throw usage({ zh: '--town 要与 --district 同用', en: '--town goes with --district' });
    const url = districtUrl(resolveWorkspace(g), undefined, g.districtDb);
    const towns = await withDistrict(url, { migrate: false }, async (district) => {
      voice.say({ zh: `区级数据库：${district.shownUrl}`, en: `district database: ${district.shownUrl}` });
      return districtAlerts(district, at, opts.town ?? null);
    });
    if (out.format === 'json') {
      out.emit(renderJson({ at: formatWallTime(at), towns: towns.map((t) => ({ code: t.code, name: t.name, ...inForceRecord(t.inForce) })) }));
    } else {
      out.emit(towns.map((t) => inForceLine(out.lang, `${t.code} ${t.name} ${formatWallTime(at)}`, t.inForce)).join(''));
    }
    return;
  }
  const ws = openWorkspace(g, voice);
  const events = readStore(ws, readAlertEvents, []);
  const inForce = alertAt(events, at);
  if (out.format === 'json') out.emit(renderJson({ at: formatWallTime(at), ...inForceRecord(inForce) }));
  else out.emit(inForceLine(out.lang, formatWallTime(at), inForce));
}

export function historyAction(_opts: unknown, c: Command): void {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
  const ws = openWorkspace(g, voice);
  const events = inOrder(readStore(ws, readAlertEvents, []));
  out.emit(renderRows(out, out.format, events, eventColumns(out.lang)));
}
