/**
 * haze alert: the alert's life in the workspace store — issue, change, lift, status, history. Impossible
 * sequences (a lift with no alert, a change dated before the current level began, a second issue while one
 * is in force) exit 65 and record nothing.
 */
import type { Command } from 'commander';
import { alertAt, describe, impossibleEvent, inOrder, type AlertEvent } from '../../core/alert.js';
import { ALERT_LEVELS, type AlertLevel } from '../../core/model.js';
import { formatWallTime, parseWallTime, type WallTime } from '../../core/time.js';
import { EXIT, HazeError } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { appendAlertEvent, readAlertEvents } from '../../io/store/alerts.js';
import { openStore } from '../../io/store/db.js';
import { Context, levelZh, usage } from '../context.js';
import { renderRows } from '../render.js';

const TIME_FORMS = '2019-12-08 14:00、2019-12-08T14:00+08:00、2019年12月8日14时';

function timeArg(value: string): WallTime {
  const t = parseWallTime(value);
  if (!t) throw usage({ zh: `无法识别的时间"${value}"`, en: `not a time: "${value}"` }, { zh: `可用：${TIME_FORMS}（北京时间）`, en: `forms: ${TIME_FORMS} (Beijing time)` });
  return t;
}

function levelArg(value: string): AlertLevel {
  if (!(ALERT_LEVELS as readonly string[]).includes(value)) {
    throw usage({ zh: `预警级别只能是 yellow、orange 或 red，而不是"${value}"`, en: `the level must be yellow, orange or red, not "${value}"` });
  }
  return value as AlertLevel;
}

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

function record(ctx: Context, event: AlertEvent): void {
  const ws = ctx.workspace();
  const db = openStore(ws.dbFile, { create: true })!;
  try {
    appendAlertEvent(db, event, new Date().toISOString(), (history) => {
      const why = impossibleEvent(history, event);
      if (why) throw new HazeError({ code: 'HAZE_ALERT_SEQUENCE', exitCode: EXIT.dataErr, message: why, where: { file: ws.dbFile } });
    });
  } finally {
    db.close();
  }
  ctx.say({ zh: `已记录：${formatWallTime(event.at)} ${describe(event).zh}（${ws.dbFile}）`, en: `recorded: ${formatWallTime(event.at)} ${describe(event).en} (${ws.dbFile})` });
}

interface EventOpts {
  at?: string;
  until?: string;
  doc?: string;
  note?: string;
}

function eventTime(ctx: Context, opts: EventOpts): WallTime {
  if (opts.at) return timeArg(opts.at);
  const now = ctx.now();
  ctx.say({ zh: `未给 --at，按当前时间 ${formatWallTime(now)} 记录`, en: `no --at given: recorded at the current time, ${formatWallTime(now)}` });
  return now;
}

export function alertCommand(program: Command): void {
  const alert = program
    .command('alert')
    .description('预警的发布、调整、解除和查询 / issue, change, lift and look up the alert')
    .addHelpText('after', `
时间为北京时间，可写作 / times are Beijing time: ${TIME_FORMS}
记录保存在工作区的 haze.db（或 --db、HAZE_DB）/ kept in the workspace's haze.db (or --db, HAZE_DB)

示例 / examples:
  haze alert issue orange --at "2019-12-08 14:00" --doc "金大气应急指办〔2019〕5号"
  haze alert change red --at "2019年12月9日20时"
  haze alert lift --at "2019-12-11 12:00"
  haze alert status
  haze alert history --format csv`);

  alert
    .command('issue <level>')
    .description('发布预警 / issue an alert')
    .option('--at <time>', '开始时间（默认现在）/ start time (default now)')
    .option('--until <time>', '预计持续至 / expected end')
    .option('--doc <文号>', '文件编号 / the notice\'s number')
    .option('--note <text>', '说明 / note')
    .action((level: string, opts: EventOpts, c: Command) => {
      const ctx = new Context(c);
      const at = eventTime(ctx, opts);
      const until = opts.until ? timeArg(opts.until) : null;
      if (until && formatWallTime(until) <= formatWallTime(at)) throw usage({ zh: '--until 应晚于 --at', en: '--until must be after --at' });
      record(ctx, { kind: 'issue', level: levelArg(level), at, until, doc: opts.doc ?? null, note: opts.note ?? null });
    });

  alert
    .command('change <level>')
    .description('调整预警级别 / change the alert\'s level')
    .option('--at <time>', '调整时间（默认现在）/ when (default now)')
    .option('--doc <文号>', '文件编号 / the notice\'s number')
    .option('--note <text>', '说明 / note')
    .action((level: string, opts: EventOpts, c: Command) => {
      const ctx = new Context(c);
      record(ctx, { kind: 'change', level: levelArg(level), at: eventTime(ctx, opts), doc: opts.doc ?? null, note: opts.note ?? null });
    });

  alert
    .command('lift')
    .description('解除预警 / lift the alert')
    .option('--at <time>', '解除时间（默认现在）/ when (default now)')
    .option('--doc <文号>', '文件编号 / the notice\'s number')
    .option('--note <text>', '说明 / note')
    .action((opts: EventOpts, c: Command) => {
      const ctx = new Context(c);
      record(ctx, { kind: 'lift', level: null, at: eventTime(ctx, opts), doc: opts.doc ?? null, note: opts.note ?? null });
    });

  alert
    .command('status')
    .description('某时刻正在执行的预警 / the alert in force at a time')
    .option('--at <time>', '时刻（默认现在）/ when (default now)')
    .action((opts: { at?: string }, c: Command) => {
      const ctx = new Context(c);
      const format = ctx.format(['text', 'json'] as const, 'text');
      const ws = ctx.workspace();
      const at = opts.at ? timeArg(opts.at) : ctx.now();
      const db = openStore(ws.dbFile, { create: false });
      const events = db ? readAlertEvents(db) : [];
      db?.close();
      const inForce = alertAt(events, at);
      if (format === 'json') {
        ctx.emit(`${JSON.stringify({
          at: formatWallTime(at),
          in_force: inForce !== null,
          level: inForce?.level ?? null,
          level_since: inForce ? formatWallTime(inForce.levelSince) : null,
          issued_at: inForce ? formatWallTime(inForce.issuedAt) : null,
          until: inForce?.until ? formatWallTime(inForce.until) : null,
          doc: inForce?.doc ?? null,
        }, null, 2)}\n`);
      } else if (inForce) {
        ctx.emit(ctx.lang === 'zh'
          ? `${formatWallTime(at)}：${levelZh(inForce.level)}预警，自 ${formatWallTime(inForce.levelSince)} 起（${formatWallTime(inForce.issuedAt)} 发布${inForce.until ? `，预计持续至 ${formatWallTime(inForce.until)}` : ''}${inForce.doc ? `，${inForce.doc}` : ''}）\n`
          : `${formatWallTime(at)}: ${inForce.level} alert since ${formatWallTime(inForce.levelSince)} (issued ${formatWallTime(inForce.issuedAt)}${inForce.until ? `, expected until ${formatWallTime(inForce.until)}` : ''}${inForce.doc ? `, ${inForce.doc}` : ''})\n`);
      } else {
        ctx.emit(ctx.lang === 'zh' ? `${formatWallTime(at)}：没有正在执行的预警\n` : `${formatWallTime(at)}: no alert in force\n`);
      }
    });

  alert
    .command('history')
    .description('预警的全部变动记录 / every recorded change of the alert')
    .action((_opts: unknown, c: Command) => {
      const ctx = new Context(c);
      const format = ctx.format(['table', 'csv', 'json'] as const, 'table');
      const ws = ctx.workspace();
      const db = openStore(ws.dbFile, { create: false });
      const events = db ? inOrder(readAlertEvents(db)) : [];
      db?.close();
      ctx.emit(renderRows(ctx, format, events, EVENT_COLUMNS));
    });
}
