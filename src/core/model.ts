/**
 * The domain types of haze. Everything in core/ speaks these; io/ turns files into them and back.
 * Names follow the domain (see docs/domain.md): an alert level, a performance grade (绩效等级),
 * a measure an enterprise must carry out, a patrol group (巡查组) and its visits.
 */
import type { MeasureWarning } from './rules/strictness.js';

/** Alert colours, mildest first. Orange is the level-two response (二级管控). */
export const ALERT_LEVELS = ['yellow', 'orange', 'red'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const LEVEL_ZH: Record<AlertLevel, string> = { yellow: '黄色', orange: '橙色', red: '红色' };
export const LEVEL_RESPONSE_ZH: Record<AlertLevel, string> = { yellow: 'Ⅲ级响应', orange: 'Ⅱ级响应', red: 'Ⅰ级响应' };
/** The same words in English (--lang en): "orange", "level II response". */
export const LEVEL_EN: Record<AlertLevel, string> = { yellow: 'yellow', orange: 'orange', red: 'red' };
export const LEVEL_RESPONSE_EN: Record<AlertLevel, string> = { yellow: 'level III response', orange: 'level II response', red: 'level I response' };

/** "橙色预警（Ⅱ级响应）" / "orange alert (level II response)": the level as a page or a notice names it. */
export function levelHeading(level: AlertLevel, lang: 'zh' | 'en'): string {
  return lang === 'en' ? `${LEVEL_EN[level]} alert (${LEVEL_RESPONSE_EN[level]})` : `${LEVEL_ZH[level]}预警（${LEVEL_RESPONSE_ZH[level]}）`;
}

/**
 * Performance grades (绩效分级). 非分级 = outside the graded industries, measured by 一厂一策;
 * 保障类 = livelihood / public service, listed but not ordered to stop.
 */
export const GRADES = ['A', 'A+', '引领性', 'B', 'B-', 'C', 'D', '非分级', '保障类'] as const;
export type Grade = (typeof GRADES)[number];

/** The grades as English readers see them; the letters are the same in both languages. */
export const GRADE_EN: Record<Grade, string> = {
  A: 'A',
  'A+': 'A+',
  引领性: 'leading',
  B: 'B',
  'B-': 'B-',
  C: 'C',
  D: 'D',
  非分级: 'ungraded',
  保障类: 'essential',
};

export function gradeWord(g: Grade, lang: 'zh' | 'en'): string {
  return lang === 'en' ? GRADE_EN[g] : g;
}

/**
 * What an enterprise must do at a level:
 * stop — the whole plant stops; stop_part — named lines/processes stop; limit — output limited by a share;
 * self — 自主减排 (the enterprise chooses); exempt — 保障类, must not be ordered to stop; none — nothing at this level.
 */
export const ACTIONS = ['stop', 'stop_part', 'limit', 'self', 'exempt', 'none'] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_ZH: Record<Action, string> = {
  stop: '停产',
  stop_part: '部分停产',
  limit: '限产',
  self: '自主减排',
  exempt: '保障类豁免',
  none: '无措施',
};

export const ACTION_EN: Record<Action, string> = {
  stop: 'stop',
  stop_part: 'partial stop',
  limit: 'limit',
  self: 'self-managed',
  exempt: 'essential, exempt',
  none: 'no measure',
};

/** An action in the words of a person's language (tables, pages); scripts get the code itself. */
export function actionWord(a: Action, lang: 'zh' | 'en'): string {
  return (lang === 'en' ? ACTION_EN : ACTION_ZH)[a];
}

/** Actions an inspector must check on site: these enterprises must be visited. */
export const INSPECTED_ACTIONS: readonly Action[] = ['stop', 'stop_part', 'limit'];

export const POLLUTANTS = ['so2', 'nox', 'pm', 'vocs'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Annual emissions in tonnes; null where the list leaves the cell empty. */
export type Emissions = Record<Pollutant, number | null>;

export interface Point {
  lon: number;
  lat: number;
}

/** One row of the emergency emission-reduction list (应急减排清单). */
export interface Enterprise {
  creditCode: string;
  name: string;
  town: string;
  village: string;
  address: string;
  industry: string;
  grade: Grade;
  /** Tags carried in the grade cell, e.g. 民生豁免, 地方, 长期停产. */
  gradeTags: string[];
  contact: string;
  phone: string;
  location: Point;
  emissions: Emissions;
  /** Heavy-truck trips a day (日均货车车次); null when not given. */
  truckTrips: number | null;
  /** The enterprise's own measure text for each level (may be empty). */
  measureText: Record<AlertLevel, string>;
  /** Where the row came from, for messages: the file's row number as Excel shows it. */
  row: number;
}

/** A rule's measure for one level (data/rules/*.yaml). */
export interface LevelRule {
  action: Action;
  limitPct: number | null;
  truckBan: boolean;
  roadTransportBan: boolean;
  /** How the measure is written for people; null → written from the action. */
  text: string | null;
  /** The same in English (`text_en`, --lang en); absent → written from the action. */
  textEn?: string | null;
}

/**
 * What gave one part of a measure: words of the enterprise's own text (a clause read whole, or the words of
 * an unread part that set the least it asks for), a rule, a cross-cutting measure, or nothing.
 */
export interface Because {
  /** whole_text: a rule of the text as a whole (wholeText.ts) set the action; `rule` names it, `words` is the text. */
  by: 'text' | 'unread' | 'whole_text' | 'rule' | 'cross_cutting' | 'none';
  words: string | null;
  rule: string | null;
}

export interface MeasureBecause {
  action: Because;
  share: Because;
  truckBan: Because;
}

/** The structured form of a measure: what the enterprise must do at one level. */
export interface RequiredMeasure {
  creditCode: string;
  level: AlertLevel;
  action: Action;
  /** Share of production limited or stopped, in percent (0–100); null when not known. */
  limitPct: number | null;
  /** Named lines, processes or equipment that must stop. */
  processes: string[];
  /** No 国四-and-below heavy diesel trucks. */
  truckBan: boolean;
  /** The text shown to people: the enterprise's own text, or the rule's. */
  text: string;
  /**
   * The rule's text in English (--lang en); absent when `text` is the enterprise's own words, which are
   * never translated but quoted as written.
   */
  textEn?: string;
  /** 'enterprise' when taken from the list's own text, else the rule id it came from. */
  source: string;
  /** Parts of the enterprise's text that could not be interpreted, kept verbatim. */
  uninterpreted: string[];
  /**
   * Bans in the enterprise's own text that are not production measures — on activities (露天焚烧, 物料装卸),
   * venting, open-air work, old non-road machinery — each checked on site in the text's words.
   */
  bans: string[];
  /** Which words or rule gave the action, the share and the truck ban (`measures --explain`). */
  because: MeasureBecause;
  /** Shortfalls against the guidance and unreadable text, for people. */
  warnings: MeasureWarning[];
  /** Cross-cutting requirements of the level that apply to this enterprise (truck users, VOC plants …). */
  extra: { id: string; text: string; textEn?: string; source: string }[];
}

export interface WorkingDay {
  /** Minutes after midnight, Beijing wall-clock. */
  start: number;
  end: number;
  lunch: { start: number; end: number } | null;
}

export interface Group {
  id: string;
  name: string;
  leader: string;
  phone: string;
  members: string[];
  villages: string[];
}

/** The patrol set-up of a town: where the day starts, how fast groups travel, who covers what. */
export interface TownSetup {
  town: string;
  county: string;
  city: string;
  base: Point & { name: string };
  workingDay: WorkingDay;
  /** Travel speed in km/h on the road. */
  speedKmh: number;
  /** Road distance ÷ straight-line distance. */
  detourFactor: number;
  /** Minutes spent on site per visit. */
  serviceMinutes: number;
  /** Minutes on site at a large emitter (more lines, kilns and logs to check); null → serviceMinutes. */
  serviceMinutesLarge: number | null;
  /** The evening round's hours (night checks), minutes after midnight; null when the town has none. */
  night: { start: number; end: number } | null;
  /** Days within which every required enterprise is visited once. */
  coverageDays: number;
  /** The datum the list's coordinates use (converted to WGS-84 on reading). */
  coordSystem: 'wgs84' | 'gcj02' | 'bd09';
  groups: Group[];
}

/** One stop on a group's day route. */
export interface Visit {
  date: string;
  groupId: string;
  seq: number;
  creditCode: string;
  /** Minutes after midnight. */
  arrive: number;
  depart: number;
  /** Road kilometres from the previous stop (or the base). */
  legKm: number;
  action: Action;
  reason: string[];
}

export interface DayRoute {
  date: string;
  groupId: string;
  visits: Visit[];
  /** Road kilometres of the whole day, base to base. */
  totalKm: number;
  /** Minutes after midnight when the group is back at base. */
  returnAt: number;
}

export interface Plan {
  level: AlertLevel;
  seed: number;
  routes: DayRoute[];
  /** Enterprises that had to be visited but did not fit: never silently dropped. */
  unplanned: { creditCode: string; groupId: string }[];
  /** Enterprises whose village belongs to no group, assigned to the nearest group. */
  reassigned: { creditCode: string; village: string; groupId: string }[];
}
