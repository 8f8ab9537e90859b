/**
 * One cell that copies the measures of every grade and then says the enterprise's own ("B级企业限产20%，C级企业停产
 * 50%生产线，D级企业停产；本企业为C级"): the part for its grade is its measure, with what is said for all of them
 * ("停止使用国四及以下重型柴油货车运输"). A grade with no part of its own takes "其他企业".
 *
 *   橙色预警：B级企业限产20%，C级企业停产50%生产线，D级企业停产；本企业为C级 → C级企业停产50%生产线
 *   停止使用国四…运输，A级企业自主减排，其他企业限产30%；本企业为A级        → 停止使用国四…运输;A级企业自主减排
 */

/** "本企业为C级", "本企业属于A级企业", "我公司是B级". */
const OWN = /(?:本企业|本公司|我公司|我厂|本厂)(?:为|属于?|是)([ABCD][+-]?)级(?:企业)?/;
/** A piece said for one grade, or for the others: "C级企业停产50%生产线", "其他企业限产30%". */
const FOR_GRADE = /^(?:[^:]{1,12}:)?(?:([ABCD][+-]?)级|(其他|其余))(?:企业)?/;

/** The part of a normalised cell for the grade it says is its own, or null when it does not list grades apart. */
export function gradePart(text: string): string | null {
  const own = OWN.exec(text);
  if (!own) return null;
  const pieces = text.split(/[,;。]/).filter((p) => p !== '' && !OWN.test(p));
  const graded = pieces.map((p) => ({ p, m: FOR_GRADE.exec(p) }));
  // At least two grades said apart, one of them by its letter.
  if (!graded.some((g) => g.m?.[1]) || graded.filter((g) => g.m).length < 2) return null;
  const mine = graded.filter((g) => g.m?.[1] === own[1]);
  const others = graded.filter((g) => g.m?.[2]);
  const kept = graded.filter((g) => !g.m || (mine.length > 0 ? mine.includes(g) : others.includes(g)));
  if (kept.every((g) => !g.m)) return null;
  // The label before the first piece ("橙色预警：") says when, not for whom: it goes with the part.
  return kept.map((g) => g.p.replace(/^[^:]{1,12}:(?=(?:[ABCD][+-]?级|其他|其余))/, '')).join(';');
}
