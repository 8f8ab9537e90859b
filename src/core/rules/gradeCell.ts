/**
 * Reading the grade cell of a list (管控类型 / 绩效等级, domain.md §3, §5) as real lists write it:
 * "A", "Ａ级", "b-", "B−", "引领性企业", "民生豁免-B", "地方C", "D（长期停产）", "一厂一策", "民生保障类".
 *
 * The tags a cell carries (民生豁免, 地方, 长期停产) are data, not errors (domain.md §3). The grade must be
 * exactly one: a cell naming none ("长期停产" alone), two ("B/C") or anything we do not know ("B级(整改中)")
 * gives grade null with the tags found, and the caller reports it against the row.
 */
import type { Grade } from '../model.js';
import { toHalfWidth } from './halfWidth.js';

export interface GradeCell {
  grade: Grade | null;
  tags: string[];
  raw: string;
}

/** Known tags, longest first so that 长期停产 is not read as 停产. */
const TAGS = ['民生豁免', '长期停产', '临时停产', '地方', '停产', '关停'] as const;

/** Grades written as words, longest first: 民生保障类 before 保障类, 引领性企业 before 引领性. */
const WORD_GRADES: readonly (readonly [string, Grade])[] = [
  ['民生保障类', '保障类'],
  ['民生保障', '保障类'],
  ['保障类', '保障类'],
  ['保障性', '保障类'],
  ['保障', '保障类'],
  ['引领性企业', '引领性'],
  ['引领性', '引领性'],
  ['引领', '引领性'],
  ['非重点行业', '非分级'],
  ['非重点', '非分级'],
  ['非分级', '非分级'],
  ['一厂一策', '非分级'],
  ['一企一策', '非分级'],
];

/** Words that decorate a grade without changing it: "A级", "绩效等级B", "C类企业". */
const DECORATION = /绩效等级|绩效|等级|级别|级|类|企业/g;
/** Every dash a keyboard or a word processor produces: B− (minus), B－ (full width), B– (en dash), B—. */
const DASHES = /[‐‑‒–—―−﹣]/g;
/** Stands where a tag or word grade was taken out, so that "B-民生豁免" reads B and a tag, not B-. */
const GAP = '|';

export function parseGradeCell(cell: string): GradeCell {
  let s = toHalfWidth(cell).replace(DASHES, '-').replace(/\s+/g, '').toUpperCase();
  const tags: string[] = [];
  for (const tag of TAGS) {
    if (s.includes(tag)) {
      tags.push(tag);
      s = s.split(tag).join(GAP);
    }
  }
  const grades = new Set<Grade>();
  for (const [word, grade] of WORD_GRADES) {
    if (s.includes(word)) {
      grades.add(grade);
      s = s.split(word).join(GAP);
    }
  }
  s = s.replace(DECORATION, '');
  // Letters: A+, B- (a dash at the end, or before a bracket or separator; "B-" before a tag is B and a separator).
  s = s.replace(/A\+|B-(?=$|[()[\]【】/_,;、])|[ABCD]/g, (letter) => {
    grades.add(letter as Grade);
    return GAP;
  });
  // What is left must be separators and brackets only; anything else is text we do not know.
  const unknown = s.replace(/[|()[\]【】{}\-_/\\,;、:.]/g, '').length > 0;
  const grade = !unknown && grades.size === 1 ? ([...grades][0] ?? null) : null;
  return { grade, tags, raw: cell };
}
