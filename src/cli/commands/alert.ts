/**
 * haze alert: the alert's life in the workspace store — issue, change, lift, status, history. Impossible
 * sequences (a lift with no alert, a change dated before the current level began, a second issue while one
 * is in force) exit 65 and record nothing.
 */
import type { Command } from 'commander';
import { alertAt, describe, impossibleEvent, inOrder, type AlertEvent } from '../../core/alert.js';
import { formatWallTime, type WallTime } from '../../core/time.js';
import { CODE, HazeError } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { renderJson } from '../../io/write/json.js';
import { appendAlertEvent, readAlertEvents } from '../../io/store/alerts.js';
import { levelName } from '../../workflow/alertInForce.js';
import { readStore, writeStore } from '../../workflow/storeDoor.js';
import { openWorkspace } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseLevelFlag, parseTimeFlag } from '../flags.js';
import { readGlobals, usage, type Globals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { cliVoice, type CliVoice } from '../voice.js';

const TIME_FORMS = '2019-12-08 14:00、2019-12-08T14:00+08:00、2019年12月8日14时';
const timeArg = (value: string, flag: string): WallTime => parseTimeFlag(value, flag);
const levelArg = (value: string): ReturnType<typeof parseLevelFlag> => parseLevelFlag(value, 'level');

const EVENT_COLUMNS: Column<AlertEvent>[] = [
  { key: 'id', zh: '编号', en: 'id', value: (e) => e.id ?? null },
  { key: 'at', zh: '时间', en: 'at', value: (e) => formatWallTime(e.at) },
  { key: 'kind', zh: '变动', en: 'kind', value: (e) => e.kind, dataOnly: true },
  { key: 'level', zh: '级别', en: 'level', value: (e) => e.level, dataOnly: true },
  { key: 'what', zh: '变动', en: 'change', value: (e) => describe(e).zh, tableOnly: true },
  { key: 'until', zh: '预计持续至', en: 'until', value: (e) => (e.until ? formatWallTime(e.until) : null) },
  { key: 'doc', zh: '文号', en: 'doc', value: (e) => e.doc ?? null },
  { key: 'note', zh: '说明', en: 'note', value: (e) => e.note ?? null },
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

interface EventOpts {
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

export function alertCommand(program: Command): void {
  const alert = program
    .command('alert')
    .description('预警的发布、调整、解除和查询 / issue, change, lift and look up the alert')
    .addHelpText(
      'after',
      `
时间为北京时间，可写作 / times are Beijing time: ${TIME_FORMS}
记录保存在工作区的 haze.db（或 --db、HAZE_DB）/ kept in the workspace's haze.db (or --db, HAZE_DB)

示例 / examples:
  haze alert issue orange --at "2019-12-08 14:00" --doc "金大气应急指办〔2019〕5号"
  haze alert change red --at "2019年12月9日20时"
  haze alert lift --at "2019-12-11 12:00"
  haze alert status
  haze alert history --format csv`,
    );

  alert
    .command('issue <level>')
    .description('发布预警 / issue an alert')
    .option('--at <time>', '开始时间（默认现在）/ start time (default now)')
    .option('--until <time>', '预计持续至 / expected end')
    .option('--doc <文号>', "文件编号 / the notice's number")
    .option('--note <text>', '说明 / note')
    .action((level: string, opts: EventOpts, c: Command) => {
      const g = readGlobals(c);
      const voice = cliVoice(g);
      const lvl = levelArg(level);
      const at = eventTime(voice, opts);
      const until = opts.until ? timeArg(opts.until, '--until') : null;
      if (until && formatWallTime(until) <= formatWallTime(at)) throw usage({ zh: '--until 应晚于 --at', en: '--until must be after --at' });
      record(g, voice, { kind: 'issue', level: lvl, at, until, doc: opts.doc ?? null, note: opts.note ?? null });
    });

  alert
    .command('change <level>')
    .description("调整预警级别 / change the alert's level")
    .option('--at <time>', '调整时间（默认现在）/ when (default now)')
    .option('--doc <文号>', "文件编号 / the notice's number")
    .option('--note <text>', '说明 / note')
    .action((level: string, opts: EventOpts, c: Command) => {
      const g = readGlobals(c);
      const voice = cliVoice(g);
      const lvl = levelArg(level);
      record(g, voice, { kind: 'change', level: lvl, at: eventTime(voice, opts), doc: opts.doc ?? null, note: opts.note ?? null });
    });

  alert
    .command('lift')
    .description('解除预警 / lift the alert')
    .option('--at <time>', '解除时间（默认现在）/ when (default now)')
    .option('--doc <文号>', "文件编号 / the notice's number")
    .option('--note <text>', '说明 / note')
    .action((opts: EventOpts, c: Command) => {
      const g = readGlobals(c);
      const voice = cliVoice(g);
      record(g, voice, { kind: 'lift', level: null, at: eventTime(voice, opts), doc: opts.doc ?? null, note: opts.note ?? null });
    });

  alert
    .command('status')
    .description('某时刻正在执行的预警 / the alert in force at a time')
    .option('--at <time>', '时刻（默认现在）/ when (default now)')
    .action((opts: { at?: string }, c: Command) => {
      const g = readGlobals(c);
      const voice = cliVoice(g);
      const out = openOutput(g, voice, ['text', 'json'] as const, 'text');
      const ws = openWorkspace(g, voice);
      const at = opts.at ? timeArg(opts.at, '--at') : now();
      const events = readStore(ws, readAlertEvents, []);
      const inForce = alertAt(events, at);
      if (out.format === 'json') {
        out.emit(
          renderJson({
            at: formatWallTime(at),
            in_force: inForce !== null,
            level: inForce?.level ?? null,
            level_since: inForce ? formatWallTime(inForce.levelSince) : null,
            issued_at: inForce ? formatWallTime(inForce.issuedAt) : null,
            until: inForce?.until ? formatWallTime(inForce.until) : null,
            doc: inForce?.doc ?? null,
          }),
        );
      } else if (inForce) {
        out.emit(
          out.lang === 'zh'
            ? `${formatWallTime(at)}：${levelName(inForce.level)}预警，自 ${formatWallTime(inForce.levelSince)} 起（${formatWallTime(inForce.issuedAt)} 发布${inForce.until ? `，预计持续至 ${formatWallTime(inForce.until)}` : ''}${inForce.doc ? `，${inForce.doc}` : ''}）\n`
            : `${formatWallTime(at)}: ${inForce.level} alert since ${formatWallTime(inForce.levelSince)} (issued ${formatWallTime(inForce.issuedAt)}${inForce.until ? `, expected until ${formatWallTime(inForce.until)}` : ''}${inForce.doc ? `, ${inForce.doc}` : ''})\n`,
        );
      } else {
        out.emit(out.lang === 'zh' ? `${formatWallTime(at)}：没有正在执行的预警\n` : `${formatWallTime(at)}: no alert in force\n`);
      }
    });

  alert
    .command('history')
    .description('预警的全部变动记录 / every recorded change of the alert')
    .action((_opts: unknown, c: Command) => {
      const g = readGlobals(c);
      const voice = cliVoice(g);
      const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
      const ws = openWorkspace(g, voice);
      const events = inOrder(readStore(ws, readAlertEvents, []));
      out.emit(renderRows(out, out.format, events, EVENT_COLUMNS));
    });
}
