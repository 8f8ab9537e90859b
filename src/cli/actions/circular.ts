/**
 * haze findings circular: the town's circular of the province's covert-inspection findings (省级暗查情况通报) —
 * a page to print or send (text, html, pdf) and one row per enterprise on the list (csv, json) with the message
 * for each. Options and help: ../commands/findings.ts.
 */
import type { Command } from 'commander';
import { buildCircular, circularLevel, circularRange, foundName, type Circular, type CircularEntry, type CircularRangeBasis } from '../../core/circular.js';
import { countOf } from '../../core/plural.js';
import { formatWallTime } from '../../core/time.js';
import { listFindings } from '../../io/store/findings.js';
import { renderCircularText } from '../../io/write/circularText.js';
import type { Column } from '../../io/write/columns.js';
import { renderCircularHtml } from '../../io/write/html/circularHtml.js';
import { printPdf, requireChromium } from '../../io/write/pdf.js';
import { levelName, townAlert } from '../../workflow/alertInForce.js';
import { readStore } from '../../workflow/storeDoor.js';
import { measuresAt } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseDateFlag, parseLevelFlag } from '../flags.js';
import { readGlobals, usage } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { openTown } from '../town.js';
import { cliVoice } from '../voice.js';

export interface CircularOpts {
  from?: string;
  to?: string;
  level?: string;
  docNo?: string;
}

const FORMATS = ['text', 'html', 'pdf', 'csv', 'json'] as const;

const joined = (e: CircularEntry, pick: (f: CircularEntry['findings'][number]) => string) =>
  e.findings.length > 0 ? [...new Set(e.findings.map(pick))].join('；') : null;

/** One row per enterprise on the list. Several findings of one enterprise are joined with "；". */
export const CIRCULAR_COLUMNS: Column<CircularEntry>[] = [
  { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.e.creditCode },
  { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.e.name },
  { key: 'village', zh: '村社区', en: 'village', value: (r) => r.e.village },
  { key: 'contact', zh: '联系人', en: 'contact', value: (r) => r.e.contact },
  { key: 'phone', zh: '联系电话', en: 'phone', value: (r) => r.e.phone },
  { key: 'found', zh: '被通报', en: 'found', value: (r) => r.findings.length > 0 },
  { key: 'finding_name', zh: '通报所列名称', en: 'name in the notice', value: (r) => joined(r, foundName) },
  { key: 'finding_date', zh: '暗查日期', en: 'finding date', value: (r) => joined(r, (f) => f.date) },
  { key: 'finding_problem', zh: '发现的问题', en: 'problem found', value: (r) => joined(r, (f) => f.problem) },
  { key: 'finding_doc_no', zh: '通报文号', en: 'notice number', value: (r) => joined(r, (f) => f.source) },
  {
    key: 'finding_status',
    zh: '问题状态',
    en: 'finding status',
    value: (r) => (r.findings.length === 0 ? null : r.findings.some((f) => f.status === 'open') ? 'open' : 'closed'),
  },
  { key: 'rectify_by', zh: '整改期限', en: 'rectify by', value: (r) => r.rectifyBy },
  { key: 'required_action', zh: '应执行的措施', en: 'required action', value: (r) => r.requiredAction },
  { key: 'message', zh: '通知内容', en: 'message', value: (r) => r.message },
];

const BASIS: Record<CircularRangeBasis, { zh: string; en: string }> = {
  from_to: { zh: '--from/--to', en: '--from/--to' },
  alert: { zh: '自执行中的预警开始', en: 'from the start of the alert in force' },
  last_days: { zh: '没有执行中的预警：最近 7 天', en: 'no alert in force: the last 7 days' },
};

function announce(voice: ReturnType<typeof cliVoice>, c: Circular, basis: CircularRangeBasis): void {
  const { from, to } = c.range;
  voice.say({ zh: `通报范围：${from} 至 ${to}（${BASIS[basis].zh}）`, en: `circular range: ${from} to ${to} (${BASIS[basis].en})` });
  const lv = c.level;
  if (lv) {
    const why = {
      flag: { zh: '--level', en: '--level' },
      in_force: {
        zh: `${to} 执行中的预警${lv.since ? `，自 ${formatWallTime(lv.since)} 起` : ''}`,
        en: `in force on ${to}${lv.since ? `, since ${formatWallTime(lv.since)}` : ''}`,
      },
      strictest: { zh: '预警已解除：范围内最严的级别', en: 'the alert was lifted: the strictest level in the range' },
    }[lv.basis];
    voice.say({ zh: `各企业应执行的措施按${levelName(lv.level)}（${why.zh}）`, en: `required actions at ${lv.level} (${why.en})` });
  } else {
    voice.warn({
      zh: '范围内没有预警：通报不附各企业应执行的措施（可用 --level 指定级别）',
      en: 'no alert in the range: the circular carries no required actions (give --level to add them)',
    });
  }
  if (c.findings.length === 0) {
    voice.warn({
      zh: `${from} 至 ${to} 没有省级暗查问题（用 haze findings import 导入通报）；通报只重申预警期间的要求`,
      en: `no provincial findings from ${from} to ${to} (import them with haze findings import); the circular only repeats what the level requires`,
    });
  } else {
    const named = new Set(c.findings.map((f) => f.creditCode)).size;
    voice.say({
      zh: `共 ${c.findings.length} 个问题，涉及 ${named} 家企业`,
      en: `${countOf(c.findings.length, 'finding')} at ${countOf(named, 'enterprise')}`,
    });
  }
  for (const f of c.offList) {
    voice.warn({
      zh: `${f.date} ${foundName(f)}（${f.creditCode}）已不在清单上：列入通报的问题表，不单独发送`,
      en: `${f.date} ${foundName(f)} (${f.creditCode}) is no longer on the list: in the findings table, no message of its own`,
    });
  }
}

/** The action of `haze findings circular`. */
export async function circularAction(opts: CircularOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, FORMATS, 'text');
  const asked = {
    ...(opts.from !== undefined ? { from: parseDateFlag(opts.from, '--from') } : {}),
    ...(opts.to !== undefined ? { to: parseDateFlag(opts.to, '--to') } : {}),
  };
  const fixedLevel = opts.level === undefined ? undefined : parseLevelFlag(opts.level);
  const docNo = opts.docNo?.trim() || null;
  // Before reading anything: without a browser to print with, say so at once (exit 69).
  const chromium = out.format === 'pdf' ? requireChromium() : null;
  const town = await openTown(g, voice, out);
  const alert = townAlert(town.ws);
  const today = now().date;
  const choice = circularRange(asked, today, alert.events);
  if ('error' in choice) throw usage(choice.error, { zh: '例如 --from 2019-12-08 --to 2019-12-10', en: 'e.g. --from 2019-12-08 --to 2019-12-10' });
  const level = circularLevel(fixedLevel, alert.events, choice.range);
  const circular = buildCircular({
    town: town.setup.town,
    issued: today,
    range: choice.range,
    level,
    enterprises: town.list.enterprises,
    measures: level ? measuresAt(town, level.level) : null,
    findings: readStore(town.ws, (db) => listFindings(db, { status: 'all' }), []),
  });
  announce(voice, circular, choice.basis);
  const villages = new Map(town.list.enterprises.map((e) => [e.creditCode, e.village]));
  const villageOf = (code: string) => villages.get(code) ?? null;
  // What a person reads follows --lang; the CSV/JSON message stays the Chinese that is sent (as haze notify's).
  const html = () => renderCircularHtml(circular, { docNo, villageOf, lang: out.lang });
  const render: Record<(typeof FORMATS)[number], () => string | Uint8Array> = {
    text: () => renderCircularText(circular, docNo, villageOf, out.lang),
    html,
    pdf: () => printPdf(html(), chromium!),
    csv: () => renderRows(out, 'csv', circular.entries, CIRCULAR_COLUMNS),
    json: () => renderRows(out, 'json', circular.entries, CIRCULAR_COLUMNS),
  };
  out.emit(render[out.format]());
  if (out.format === 'csv' || out.format === 'json') {
    voice.say({
      zh: `共 ${circular.entries.length} 家企业（清单上的每一家）`,
      en: `${countOf(circular.entries.length, 'enterprise')} (every one on the list)`,
    });
  }
}
