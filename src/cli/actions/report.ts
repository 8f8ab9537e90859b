/**
 * haze report: what the inspectors found over a range of days — coverage, compliance, violations, repeat
 * offenders, open provincial findings, who is still unvisited. Tables and Markdown show every section with
 * Chinese headings; JSON is one object; CSV is one section per call (--section), one clean table for scripts.
 */
import { dirname, relative, sep } from 'node:path';
import type { Command } from 'commander';
import type { VisitPhoto } from '../../io/store/officeQueries.js';
import { photoFile, photosDirOf } from '../../io/store/photos.js';
import { LEVEL_ZH } from '../../core/model.js';
import { reportRange, strictestLevel, type RangeBasis } from '../../core/reportRange.js';
import { lastRecordDate } from '../../io/store/reportQueries.js';
import { townAlert } from '../../workflow/alertInForce.js';
import { readStore } from '../../workflow/storeDoor.js';
import { storedReport } from '../../workflow/storedReport.js';
import { now } from '../clock.js';
import { parseDateFlag, parseGroupFlag, parseLevelFlag } from '../flags.js';
import { readGlobals, usage } from '../globals.js';
import { openOutput } from '../output.js';
import { checkSection, REPORT_FORMATS, RENDER_REPORT } from '../reportRender.js';
import { openTownWithEvidence } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

export interface ReportOpts {
  date?: string;
  from?: string;
  to?: string;
  group?: string;
  level?: string;
  section?: string;
  /** --district: every town's report from the district database (./districtReport.ts). */
  district?: boolean;
  /** --town CODE: with --district, that town's report. */
  town?: string;
}

export const BASIS: Record<RangeBasis, { zh: string; en: string }> = {
  date: { zh: '--date', en: '--date' },
  from_to: { zh: '--from/--to', en: '--from/--to' },
  alert: { zh: '自预警开始', en: 'from the start of the alert' },
  end_day: { zh: '没有记录预警：只看这一天', en: 'no alert recorded: this day only' },
};

/** The days' plans of record as the report holds results against them. */
/** The range asked for with --date/--from/--to, as values. */
export function askedRange(opts: Pick<ReportOpts, 'date' | 'from' | 'to'>): { date?: string; from?: string; to?: string } {
  return {
    ...(opts.date !== undefined ? { date: parseDateFlag(opts.date) } : {}),
    ...(opts.from !== undefined ? { from: parseDateFlag(opts.from, '--from') } : {}),
    ...(opts.to !== undefined ? { to: parseDateFlag(opts.to, '--to') } : {}),
  };
}

async function run(g: ReturnType<typeof readGlobals>, voice: CliVoice, opts: ReportOpts): Promise<void> {
  const out = openOutput(g, voice, REPORT_FORMATS, 'table');
  checkSection(opts.section);
  const asked = askedRange(opts);
  const fixedLevel = opts.level === undefined ? undefined : parseLevelFlag(opts.level);
  const town = await openTownWithEvidence(g, voice, out);
  const groups = town.setup.groups;
  const group = opts.group === undefined ? null : parseGroupFlag(opts.group, groups);

  const alert = townAlert(town.ws);
  const facts = readStore(town.ws, (db) => ({ exists: true, lastRecordDate: lastRecordDate(db) }), { exists: false, lastRecordDate: null });
  const choice = reportRange(asked, { today: now().date, events: alert.events, sampleStory: alert.fromSample, lastRecordDate: facts.lastRecordDate });
  if ('error' in choice) throw usage(choice.error);
  const { range, basis } = choice;
  const level = fixedLevel ?? strictestLevel(alert.events, range);
  const span = range.from === range.to ? range.from : `${range.from} 至 ${range.to}`;
  voice.say({ zh: `报告范围：${span}（${BASIS[basis].zh}）`, en: `report range: ${range.from} to ${range.to} (${BASIS[basis].en})` });
  if (level) {
    const why = fixedLevel ? { zh: '--level', en: '--level' } : { zh: '范围内最严的预警级别', en: 'the strictest level in force in the range' };
    voice.say({ zh: `应检查企业按${LEVEL_ZH[level]}预警的措施计（${why.zh}）`, en: `required enterprises: those with a measure at ${level} (${why.en})` });
  } else {
    voice.warn({
      zh: '范围内没有预警：没有应检查的企业（可用 --level 指定级别）',
      en: 'no alert in force in the range: no enterprise is required (give --level to count one)',
    });
  }
  const stored = storedReport(town, { range, level, group, now: now(), photos: out.format === 'html' });
  // HTML shows the visits' photos, by their path beside the store (the page is meant to be written next to haze.db).
  const photoSrc = (p: VisitPhoto) =>
    relative(dirname(town.ws.dbFile), photoFile(photosDirOf(town.ws.dbFile), p.sha256, p.mime))
      .split(sep)
      .join('/');
  if (!facts.exists)
    voice.warn({
      zh: `还没有检查记录（${town.ws.dbFile} 不存在）；用 haze record 导入填好的检查清单`,
      en: `no records yet (${town.ws.dbFile} does not exist); import filled-in checklists with haze record`,
    });
  else if (stored.recordedVisits === 0) voice.warn({ zh: `${span} 没有检查记录`, en: `no visits recorded from ${range.from} to ${range.to}` });
  for (const p of stored.plans) {
    voice.say({
      zh: `${p.date}${p.shift === 'night' ? ' 夜查' : ''}：结果按执行计划第 ${p.planId} 号（${p.fixedAt} 定）判断是否计划内`,
      en: `${p.date}${p.shift === 'night' ? ' evening' : ''}: results held against plan of record ${p.planId} (fixed ${p.fixedAt})`,
    });
  }
  const { report, itemIn, photos } = stored;
  out.emit(RENDER_REPORT[out.format](out, report, { level, basis, group, section: opts.section, itemIn, photos, photoSrc }));
}

/** The action of `haze report` (its options and help: ../commands/report.ts). */
export async function reportAction(opts: ReportOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  if (opts.district || opts.town !== undefined) return (await import('./districtReport.js')).districtReportAction(g, cliVoice(g), opts);
  return run(g, cliVoice(g), opts);
}
