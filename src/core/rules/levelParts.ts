/**
 * One cell that gives the measures of several levels ("黄色：限产20%；橙色：停产；红色：停产，停止公路运输"), as
 * lists with a single 措施 column write them: the part for the level in force is the measure. What is said
 * before the first level ("C级企业：") and what is said for every level ("各级预警均停止使用国四…") belong to each
 * part; "橙色：在黄色基础上停止焊接" carries the yellow part into orange.
 *
 *   黄色：限产20%；橙色：1#窑停产（共2座）；红色：全部停产   → orange: 1#窑停产（共2座）
 *   D级企业：黄色、橙色、红色预警期间均停产                  → orange: D级企业：停产
 *   Ⅲ级限产10%、Ⅱ级限产20%、Ⅰ级限产30%                      → orange: 限产20%
 *   黄色预警…运输；橙色及以上预警期间，停止公路运输           → orange and red: 停止公路运输
 *   限产40%；红色预警时停产                                → orange (only a higher level named): 限产40%
 *   B级企业限产，黄色20%，橙色30%，红色50%                   → orange: B级企业限产30%
 */
import type { AlertLevel } from '../model.js';

/** The names a cell gives each level, and the order of the levels (for "橙色及以上"). */
const ORDER: readonly AlertLevel[] = ['yellow', 'orange', 'red'];
const NAMES: Record<AlertLevel, string> = {
  yellow: '黄色|Ⅲ级|III级|三级(?=响应|管控|预警)',
  orange: '橙色|Ⅱ级|II级|二级(?=响应|管控|预警)',
  red: '红色|Ⅰ级|I级|一级(?=响应|管控|预警)',
};
const ANY_NAME = `(?:${ORDER.map((l) => NAMES[l]).join('|')})`;
/**
 * A level label: one or more level names ("橙色、红色", "黄色/橙色/红色"), perhaps "及以上", perhaps 预警/响应 and
 * 期间/时, perhaps 均, then a colon or comma. It starts a piece, or follows the enterprise's name for itself
 * ("本企业黄色预警限产10%"): "同时做好橙色、红色预警升级应对准备" names levels in passing.
 */
const LABEL = new RegExp(
  `(?<=^|[,;。:、/()\\s-]|企业|公司|本厂|我厂|单位)(${ANY_NAME}(?:[、和及与/]${ANY_NAME})*)(及以上|以上)?(?:预警|应急响应|响应|管控)?(?:期间|时)?(?:均)?[:,]?`,
  'g',
);
/** A part for every level: "各级预警期间均…", "所有预警级别…", "各级均…" (not "所有生产线"). */
const EVERY_LEVEL = /(?:各级|所有)(?:预警|级别)(?:级别)?(?:期间|时)?(?:均|都)?[:,]?|各级(?:均|都)[:,]?/g;
/** "在黄色（预警）（措施）基础上": the lower level's part is carried into this one. */
const ON_TOP = new RegExp(`在(${ANY_NAME})(?:预警)?(?:的)?(?:措施|管控措施)?(?:的)?基础上[,]?`);

/** The level a name means; the names' lookaheads ("二级" only before 响应) are taken off, the name is known. */
const levelOf = (name: string): AlertLevel => ORDER.find((l) => new RegExp(`^(?:${NAMES[l].replace(/\(\?=[^)]*\)/g, '')})$`).test(name))!;

interface Part {
  levels: Set<AlertLevel>;
  body: string;
}

interface Mark {
  at: number;
  end: number;
  levels: Set<AlertLevel>;
  every?: true;
}

/** Where a normalised cell labels a level (or every level), in order. */
function levelMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const m of text.matchAll(LABEL)) {
    const named = m[1]!.split(/[、和及与/]/).map(levelOf);
    const levels = new Set(m[2] ? ORDER.slice(Math.min(...named.map((l) => ORDER.indexOf(l)))) : named);
    marks.push({ at: m.index, end: m.index + m[0].length, levels });
  }
  for (const m of text.matchAll(EVERY_LEVEL)) marks.push({ at: m.index, end: m.index + m[0].length, levels: new Set(ORDER), every: true });
  return marks.sort((a, b) => a.at - b.at);
}

const namedIn = (marks: readonly Mark[]): Set<AlertLevel> => new Set(marks.flatMap((m) => (m.every ? [] : [...m.levels])));

/**
 * The levels a normalised cell labels by name, in the order of severity ("黄色：限产20%；红色：停产" → yellow, red).
 * A cell that labels levels but not the one in force is read whole, and a person should hear why.
 */
export function levelsNamed(text: string): AlertLevel[] {
  const named = namedIn(levelMarks(text));
  return ORDER.filter((l) => named.has(l));
}

/** The part of a normalised cell for one level, or null when the cell does not give two levels apart. */
export function levelPart(text: string, level: AlertLevel): string | null {
  const marks = levelMarks(text);
  const named = namedIn(marks);
  const prefix = marks.length > 0 ? text.slice(0, marks[0]!.at) : '';
  // "限产40%；红色预警时停产": only higher levels are named, so what comes before them is this level's measure.
  const higherOnly = named.size > 0 && [...named].every((l) => ORDER.indexOf(l) > ORDER.indexOf(level));
  // The measure ends where the higher level begins, at a full stop ("限产20%-红色停产"); a comma joins the two
  // ("按照以停代限要求，红色预警期间停运…" is one measure, for red).
  if (higherOnly && /[;。(-]\s*$/.test(prefix) && /停|限产|减产|压减|禁|自主|保障/.test(prefix)) return prefix.replace(/[,;。\s(-]+$/, '');
  if (named.size < 2) return null;
  const parts: Part[] = marks.map((m, i) => ({
    levels: m.levels,
    // A level's part in brackets ("限产40%（红色预警时全部停产）") leaves the brackets behind.
    body: text.slice(m.end, marks[i + 1]?.at ?? text.length).replace(/^[)\s]+|[,;。、\s(]+$|\)$/g, ''),
  }));
  const bodyFor = (l: AlertLevel, depth = 0): string[] =>
    parts
      .filter((p) => p.levels.has(l))
      .flatMap((p) => {
        const onTop = ON_TOP.exec(p.body);
        if (!onTop || depth > 2) return [p.body];
        return [...bodyFor(levelOf(onTop[1]!), depth + 1), p.body.replace(ON_TOP, '')];
      });
  const bodies = [...new Set(bodyFor(level))].filter((b) => b !== '');
  if (bodies.length === 0) return null;
  // "B级企业限产，黄色20%，橙色30%": a share alone belongs to the verb said before the levels.
  if (bodies.length === 1 && /^(?:\d+(?:\.\d+)?%|[一二三四五六七八九]成)$/.test(bodies[0]!)) return prefix.replace(/[,:;\s]+$/, '') + bodies[0];
  return prefix + bodies.join(';');
}
