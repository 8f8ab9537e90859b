/**
 * The town's circular of the province's covert-inspection findings (省级暗查情况通报): what the province found in a
 * range of days, what follows for the enterprises it named, and what every enterprise on the list keeps doing at
 * the level in force. One entry per enterprise on the list, for the SMS or WeChat message to each. Pure: today,
 * the alert's events, the findings and the measures come in as values.
 */
import { alertAt, type AlertEvent } from './alert.js';
import { ACTIONS, actionWord, levelHeading, type AlertLevel, type Enterprise, type RequiredMeasure } from './model.js';
import type { FindingFacts } from './findings.js';
import { chineseTime, noticeDuty, standingDuties } from './notice.js';
import { quoted } from './ownWords.js';
import { dateOnPaper, monthDayOnPaper } from './paperDate.js';
import { countOf } from './plural.js';
import type { Lang } from './problem.js';
import { strictestLevel } from './reportRange.js';
import { addDays, formatWallTime, type WallTime } from './time.js';
import type { Text } from '../errors.js';

/**
 * Days the named enterprises have to put things right, counted from the circular's date. The province's
 * notices set their own deadline in their text, but a findings file carries no column for it, so the town's
 * circular sets one: three days, the time towns commonly give for a written rectification report (整改报告).
 */
export const RECTIFY_DAYS = 3;

/** Days the circular covers when no alert is in force at its end: the last week. */
export const DEFAULT_SPAN_DAYS = 7;

export interface CircularRange {
  from: string;
  to: string;
}

/** How the range was chosen: both ends given, from the alert in force, or (no alert) the last seven days. */
export type CircularRangeBasis = 'from_to' | 'alert' | 'last_days';

export type CircularRangeChoice = { range: CircularRange; basis: CircularRangeBasis } | { error: Text };

/**
 * The days the circular covers: `--from`/`--to` (both inclusive); the end defaults to today, the start to the
 * first day of the alert in force at the end, else the seven days up to the end.
 */
export function circularRange(req: { from?: string | undefined; to?: string | undefined }, today: string, events: readonly AlertEvent[]): CircularRangeChoice {
  const to = req.to ?? today;
  const inForce = alertAt(events, { date: to, minutes: 24 * 60 - 1 });
  const from = req.from ?? inForce?.issuedAt.date ?? addDays(to, -(DEFAULT_SPAN_DAYS - 1));
  if (from > to) {
    return {
      error: {
        zh: `开始日期 ${from} 晚于结束日期 ${to}${req.to === undefined ? '（未给 --to，结束日期为今天）' : ''}`,
        en: `the start ${from} is after the end ${to}${req.to === undefined ? ' (no --to given, so the end is today)' : ''}`,
      },
    };
  }
  const basis: CircularRangeBasis = req.from !== undefined ? 'from_to' : inForce ? 'alert' : 'last_days';
  return { range: { from, to }, basis };
}

export interface CircularLevel {
  level: AlertLevel;
  /** When the level took effect, when an alert in force gave it. */
  since: WallTime | null;
  basis: 'flag' | 'in_force' | 'strictest';
}

/**
 * The level whose measures the circular repeats: --level; else the alert in force at the end of the range (what
 * `haze notify --date <end>` uses); else, the alert having been lifted, the strictest level in force during the
 * range. Null when no alert touched the range.
 */
export function circularLevel(fixed: AlertLevel | undefined, events: readonly AlertEvent[], range: CircularRange): CircularLevel | null {
  if (fixed) return { level: fixed, since: null, basis: 'flag' };
  const inForce = alertAt(events, { date: range.to, minutes: 24 * 60 - 1 });
  if (inForce) return { level: inForce.level, since: inForce.levelSince, basis: 'in_force' };
  const strictest = strictestLevel(events, range);
  return strictest ? { level: strictest, since: null, basis: 'strictest' } : null;
}

/** A finding as the circular prints it. */
export interface CircularFinding extends FindingFacts {
  status: 'open' | 'closed';
  closedAt: string | null;
}

/** The name the circular prints for a finding: the province's own spelling, else (none given) the list's. */
export function foundName(f: CircularFinding): string {
  return f.bulletinName ?? f.name;
}

export interface CircularInput {
  /** The town that sends it (the list's town). */
  town: string;
  /** The circular's date (today). */
  issued: string;
  range: CircularRange;
  level: CircularLevel | null;
  enterprises: readonly Enterprise[];
  /** Each enterprise's measure at the level; null when there is no level. */
  measures: ReadonlyMap<string, RequiredMeasure> | null;
  /** Every stored finding: the circular keeps those dated within the range. */
  findings: readonly CircularFinding[];
}

export interface CircularEntry {
  e: Enterprise;
  /** This enterprise's findings within the range, by date. */
  findings: CircularFinding[];
  /** The day to have rectified by: for an enterprise with a finding still open; else null. */
  rectifyBy: string | null;
  /** Its measure's action at the level; null when there is no level. */
  action: RequiredMeasure['action'] | null;
  /** What it must do at the level, in the notice's words (`haze notify`); null when nothing or no level. */
  requiredAction: string | null;
  /** The short text to send it. */
  message: string;
}

export interface Circular {
  town: string;
  issued: string;
  range: CircularRange;
  level: CircularLevel | null;
  /** The findings within the range, by date then enterprise. */
  findings: CircularFinding[];
  /** The notices the findings came from, in the order first met. */
  sources: string[];
  /** The deadline for findings still open; null when none is open. */
  rectifyBy: string | null;
  entries: CircularEntry[];
  /** Findings within the range of an enterprise no longer on the list: in the table, with no entry. */
  offList: CircularFinding[];
}

/** 2019-12-08 → 12月8日 (the year is said once, in the range). */
export function monthDay(date: string): string {
  return monthDayOnPaper(date, 'zh');
}

/** The range in words: 2019年12月8日至12月10日, "8 to 10 December 2019", or one day. */
export function rangeWords(r: CircularRange, lang: Lang = 'zh'): string {
  const [y, m, d] = r.from.split('-').map(Number);
  if (lang === 'en') {
    if (r.from === r.to) return dateOnPaper(r.from, 'en');
    // The year once, at the end: "8 to 10 December 2019", "30 November to 2 December 2019".
    const start =
      r.from.slice(0, 7) === r.to.slice(0, 7) ? String(d) : r.from.slice(0, 4) === r.to.slice(0, 4) ? monthDayOnPaper(r.from, 'en') : dateOnPaper(r.from, 'en');
    return `${start} to ${dateOnPaper(r.to, 'en')}`;
  }
  const start = `${y}年${m}月${d}日`;
  if (r.from === r.to) return start;
  const [y2] = r.to.split('-').map(Number);
  return `${start}至${y2 === y ? monthDay(r.to) : `${y2}年${monthDay(r.to)}`}`;
}

/** What follows for a named enterprise, in one sentence (the page and the messages share it). */
export function followUp(town: string, rectifyBy: string, lang: Lang = 'zh'): string {
  if (lang === 'en') {
    return `Put it right at once and report in writing to ${town} by ${monthDayOnPaper(rectifyBy, 'en')}; the town's patrol groups will recheck on site, and the problem is put right when the recheck finds nothing wrong.`;
  }
  return `请立即整改，于${monthDay(rectifyBy)}前将整改情况书面报送${town}；镇巡查组将到现场复查，复查未发现问题即为整改到位。`;
}

function levelClause(level: CircularLevel | null, lang: Lang = 'zh'): string {
  if (!level) return '';
  if (lang === 'en') {
    return `While the heavy-pollution-weather ${levelHeading(level.level, 'en')} is in force${level.since ? ` (from ${formatWallTime(level.since)})` : ''}`;
  }
  const since = level.since ? `自${chineseTime(level.since)}起` : '';
  return `${since}重污染天气${levelHeading(level.level, 'zh')}期间`;
}

function messageOf(c: Omit<Circular, 'entries' | 'offList'>, e: Enterprise, mine: CircularFinding[], required: string | null): string {
  const head = `【${c.town}省级暗查通报】${e.name}：`;
  const open = mine.filter((f) => f.status === 'open');
  let news: string;
  if (mine.length > 0) {
    const problems = mine.map((f) => f.problem).join('；');
    const docs = [...new Set(mine.map((f) => f.source))].join('、');
    news =
      open.length > 0
        ? `贵单位在${rangeWords(c.range)}省级暗查中被通报（${docs}）：${problems}。${followUp(c.town, c.rectifyBy!)}`
        : `贵单位在${rangeWords(c.range)}省级暗查中被通报（${docs}）：${problems}。经镇复查已整改到位，请保持。`;
  } else if (c.findings.length > 0) {
    const names = new Set(c.findings.map((f) => f.creditCode)).size;
    news = `${rangeWords(c.range)}省级暗查通报本镇 ${names} 家企业存在问题（${[...new Set(c.findings.map((f) => f.problem))].join('；')}），请引以为戒，对照自查。`;
  } else {
    news = `${rangeWords(c.range)}省级暗查未通报本镇企业问题，请继续保持。`;
  }
  const keep = c.level ? `${levelClause(c.level)}，${required ? `${required}。` : ''}${standingDuties(c.level.level)}` : '';
  return `${head}${news}${keep}`;
}

export function buildCircular(input: CircularInput): Circular {
  const { range } = input;
  const inRange = input.findings
    .filter((f) => f.date >= range.from && f.date <= range.to)
    .sort((a, b) => (a.date === b.date ? a.creditCode.localeCompare(b.creditCode) : a.date < b.date ? -1 : 1));
  const listed = new Set(input.enterprises.map((e) => e.creditCode));
  const anyOpen = inRange.some((f) => f.status === 'open');
  const head = {
    town: input.town,
    issued: input.issued,
    range,
    level: input.level,
    findings: inRange,
    sources: [...new Set(inRange.map((f) => f.source))],
    rectifyBy: anyOpen ? addDays(input.issued, RECTIFY_DAYS) : null,
  };
  const entries = input.enterprises.map((e): CircularEntry => {
    const mine = inRange.filter((f) => f.creditCode === e.creditCode);
    const m = input.measures?.get(e.creditCode);
    const requiredAction = m ? noticeDuty(m) : null;
    return {
      e,
      findings: mine,
      rectifyBy: mine.some((f) => f.status === 'open') ? head.rectifyBy : null,
      action: m?.action ?? null,
      requiredAction,
      message: messageOf(head, e, mine, requiredAction),
    };
  });
  return { ...head, entries, offList: inRange.filter((f) => !listed.has(f.creditCode)) };
}

/** The circular's words, shared by the page and the terminal text. */
export interface CircularWords {
  title: string;
  intro: string;
  /** What follows for the named enterprises (or that all is put right); null when nothing was found. */
  followUp: string | null;
  /** What every enterprise keeps doing at the level; null when no alert touched the range. */
  keep: string | null;
  /** The list's enterprises by measure at the level: 停产 5 家、限产 3 家… */
  byAction: string | null;
  closing: string;
  labels: CircularLabels;
}

/** The fixed words of the page and the text: headings, the salutation, the document-number line. */
export interface CircularLabels {
  kicker: (town: string) => [string, string];
  docNo: string;
  /** The terminal's stand-in for a number not given (the page leaves a blank to fill in by hand). */
  noDocNo: string;
  to: string;
  /** Sections are numbered in the order printed: 一、二、三 / 1. 2. 3. */
  numeral: (i: number) => string;
  findings: string;
  continued: string;
  rectify: string;
  keep: string;
  /** The findings table's head. */
  columns: { n: string; name: string; village: string; date: string; problem: string; source: string; state: string };
  foot: string;
}

const LABELS: Record<Lang, CircularLabels> = {
  zh: {
    kicker: (town) => [`${town}重污染天气应急管控`, '省级暗查情况通报'],
    docNo: '文号：',
    noDocNo: '（未给 --doc-no）',
    to: '各企业：',
    numeral: (i) => `${['一', '二', '三'][i]}、`,
    findings: '暗查发现的问题',
    continued: '（续）',
    rectify: '整改要求',
    keep: '预警期间各企业须执行',
    columns: { n: '序', name: '企业名称（按通报）', village: '村社区', date: '日期', problem: '问题', source: '通报文号', state: '处理' },
    foot: '省级暗查情况通报',
  },
  en: {
    kicker: (town) => [`${town} heavy-pollution-weather emergency controls`, 'Provincial covert-inspection findings'],
    docNo: 'Document no.: ',
    noDocNo: '(no --doc-no given)',
    to: 'To every enterprise:',
    numeral: (i) => `${i + 1}. `,
    findings: 'Problems the covert inspection found',
    continued: ' (continued)',
    rectify: 'Putting them right',
    keep: 'What every enterprise must do during the alert',
    columns: { n: '#', name: 'Enterprise (as in the notice)', village: 'Village', date: 'Date', problem: 'Problem', source: 'Notice no.', state: 'Action' },
    foot: 'provincial covert-inspection findings',
  },
};

/**
 * A finding's own words on a page: the province's words (the name it gave, the problem, its notice number) are
 * quoted as written on an English page, as the enterprise's own measure is; the list's name is the town's word.
 */
export function findingWords(
  f: CircularFinding,
  c: Circular,
  lang: Lang = 'zh',
): { name: string; day: string; problem: string; source: string; state: string } {
  if (lang === 'en') {
    return {
      name: f.bulletinName !== null ? quoted(f.bulletinName) : f.name,
      day: monthDayOnPaper(f.date, 'en'),
      problem: quoted(f.problem),
      source: quoted(f.source),
      state: f.status === 'open' ? `to be put right by ${monthDayOnPaper(c.rectifyBy!, 'en')}, awaiting recheck` : `put right (closed ${f.closedAt ?? ''})`,
    };
  }
  return {
    name: foundName(f),
    day: monthDay(f.date),
    problem: f.problem,
    source: f.source,
    state: f.status === 'open' ? `限${monthDay(c.rectifyBy!)}前整改，待复查` : `已整改（${f.closedAt ?? ''} 关闭）`,
  };
}

export function circularWords(c: Circular, lang: Lang = 'zh'): CircularWords {
  return lang === 'en' ? englishWords(c) : chineseWords(c);
}

function chineseWords(c: Circular): CircularWords {
  const when = rangeWords(c.range);
  const named = new Set(c.findings.map((f) => f.creditCode)).size;
  const intro =
    c.findings.length > 0
      ? `${when}，省级对我镇重污染天气应急管控情况开展暗查，通报（${c.sources.join('、')}）我镇 ${named} 家企业存在 ${c.findings.length} 个问题。现将有关情况通报如下：`
      : `${when}，省级暗查未通报我镇企业存在问题。现将预警期间的要求重申如下：`;
  const counts = ACTIONS.map((a) => [a, c.entries.filter((x) => x.action === a).length] as const).filter(([, n]) => n > 0);
  return {
    title: `关于${when}省级重污染天气应急暗查情况的通报`,
    intro,
    followUp: c.rectifyBy
      ? `被通报且问题尚未关闭的企业，${followUp(c.town, c.rectifyBy)}`
      : c.findings.length > 0
        ? '本期通报的问题均已经镇复查整改到位，请相关企业保持。'
        : null,
    keep: c.level
      ? `${levelClause(c.level)}，各企业须严格落实一厂一策中本级别的减排措施（每家企业的措施以预警通知为准）。${standingDuties(c.level.level)}`
      : null,
    byAction: counts.length > 0 ? `全镇清单 ${c.entries.length} 家企业中：${counts.map(([a, n]) => `${actionWord(a, 'zh')} ${n} 家`).join('、')}。` : null,
    closing: '请各企业引以为戒，举一反三，对照通报的问题开展自查自纠，切实提高对重污染天气应急管控的重视，确保各项减排措施落实到位。',
    labels: LABELS.zh,
  };
}

/** The same circular for an English reader; the province's words quoted as written, the town's name as it is. */
function englishWords(c: Circular): CircularWords {
  const when = rangeWords(c.range, 'en');
  const named = new Set(c.findings.map((f) => f.creditCode)).size;
  const intro =
    c.findings.length > 0
      ? `The province's covert inspection of the heavy-pollution-weather emergency controls in ${c.town}, ${when}, found ${countOf(c.findings.length, 'problem')} at ${countOf(named, 'enterprise')} of the town (${c.sources.map(quoted).join(', ')}). They are set out below:`
      : `The province's covert inspection, ${when}, found no problem at any enterprise of ${c.town}. What the alert requires is repeated below:`;
  const counts = ACTIONS.map((a) => [a, c.entries.filter((x) => x.action === a).length] as const).filter(([, n]) => n > 0);
  return {
    title: `Circular on the provincial covert inspection of heavy-pollution-weather emergency controls, ${when}`,
    intro,
    followUp: c.rectifyBy
      ? `Every enterprise named with a problem still open: ${followUp(c.town, c.rectifyBy, 'en')}`
      : c.findings.length > 0
        ? 'Every problem in this circular has been rechecked by the town and found put right; the enterprises concerned are to keep it so.'
        : null,
    keep: c.level
      ? `${levelClause(c.level, 'en')}, every enterprise must carry out its own reduction measures for this level (one plant, one policy; each enterprise's measures as the alert notice gives them). ${standingDuties(c.level.level, 'en')}`
      : null,
    byAction:
      counts.length > 0
        ? `Of the ${countOf(c.entries.length, 'enterprise')} on the town's list: ${counts.map(([a, n]) => `${actionWord(a, 'en')}: ${n}`).join('; ')}.`
        : null,
    closing:
      'Every enterprise is to take warning, check itself against the problems in this circular and put right what it finds, take the heavy-pollution-weather emergency controls seriously, and make sure every reduction measure is carried out.',
    labels: LABELS.en,
  };
}
