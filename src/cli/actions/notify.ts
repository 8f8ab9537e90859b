/** haze notify: the notice for each enterprise with a measure at the level — who, phone, and what to do. */
import type { Command } from 'commander';
import { LEVEL_EN, LEVEL_ZH, type AlertLevel, type Enterprise } from '../../core/model.js';
import { countOf } from '../../core/plural.js';
import type { Lang } from '../../core/problem.js';
import { needsNotice, noticeText } from '../../core/notice.js';
import { assignAreas } from '../../core/routing/areas.js';
import { formatWallTime, type WallTime } from '../../core/time.js';
import type { Column } from '../../io/write/columns.js';
import { dayAndLevel } from '../../workflow/alertInForce.js';
import { measuresAt } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseLevelAndDate, parseTimeFlag } from '../flags.js';
import { readGlobals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { openTown } from '../town.js';
import { cliVoice } from '../voice.js';

interface NoticeRow {
  e: Enterprise;
  level: string;
  from: WallTime | null;
  message: string;
  /** The notice in the language of the person reading the terminal. */
  shown: string;
}

export const NOTICE_COLUMNS: Column<NoticeRow>[] = [
  { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.e.creditCode },
  { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.e.name },
  { key: 'contact', zh: '联系人', en: 'contact', value: (r) => r.e.contact },
  { key: 'phone', zh: '联系电话', en: 'phone', value: (r) => r.e.phone },
  { key: 'level', zh: '预警级别', en: 'level', value: (r) => r.level, excel: (r) => LEVEL_ZH[r.level as AlertLevel] ?? r.level },
  { key: 'from', zh: '起始时间', en: 'from', value: (r) => (r.from ? formatWallTime(r.from) : null) },
  { key: 'message', zh: '通知内容', en: 'message', value: (r) => r.message },
];

export interface NotifyOpts {
  level?: string;
  from?: string;
  date?: string;
}

/** The action of `haze notify` (its options and help: ../commands/notify.ts). */
export async function notifyAction(opts: NotifyOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['text', 'csv', 'json'] as const, 'text');
  const format = out.format;
  const asked = parseLevelAndDate(opts);
  const fromFlag = opts.from === undefined ? null : parseTimeFlag(opts.from, '--from');
  const town = await openTown(g, voice, out);
  const { choice } = dayAndLevel(town.ws, asked, now().date, voice);
  const from = fromFlag ?? choice.levelSince;
  const measures = measuresAt(town, choice.level);
  const areas = assignAreas(town.list.enterprises, town.setup.groups);
  const rows: NoticeRow[] = town.list.enterprises
    .filter((e) => needsNotice(measures.get(e.creditCode)!))
    .map((e) => {
      const g = town.setup.groups.find((x) => x.id === areas.groupOf.get(e.creditCode))!;
      const context = {
        town: town.setup.county || town.setup.town,
        level: choice.level,
        from,
        doc: choice.doc,
        contact: { name: `${g.name}${out.lang === 'en' ? ' ' : ''}${g.leader}`, phone: g.phone },
      };
      // What is sent is Chinese, in CSV and JSON too; the text shown to a person follows --lang.
      const message = noticeText(e, measures.get(e.creditCode)!, { ...context, contact: { name: `${g.name}${g.leader}`, phone: g.phone } });
      const shown = out.lang === 'en' ? noticeText(e, measures.get(e.creditCode)!, context, 'en') : message;
      return { e, level: choice.level, from, message, shown };
    });
  const render: Record<typeof format, () => string> = {
    text: () => rows.map((r) => `${noticeHeading(town.setup.town, choice.level, out.lang)} ${r.e.contact} ${r.e.phone}\n${r.shown}\n`).join('\n'),
    csv: () => renderRows(out, 'csv', rows, NOTICE_COLUMNS),
    json: () => renderRows(out, 'json', rows, NOTICE_COLUMNS),
  };
  out.emit(render[format]());
  voice.say({ zh: `共 ${rows.length} 家企业需要通知`, en: `${countOf(rows.length, 'enterprise')} to notify` });
}

/** 【薛埠镇重污染天气橙色预警通知】发送至 / [薛埠镇 orange heavy-pollution-weather alert notice] to: the line above each notice. */
function noticeHeading(town: string, level: AlertLevel, lang: Lang): string {
  return lang === 'en' ? `[${town} ${LEVEL_EN[level]} heavy-pollution-weather alert notice] to` : `【${town}重污染天气${LEVEL_ZH[level]}预警通知】发送至`;
}
