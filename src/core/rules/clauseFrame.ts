/**
 * The frame around a measure: numbering, level labels, the enterprise speaking for itself and lead verbs before
 * it, full stops and 措施 after it. None of it changes what must be done, so it comes off before a clause is read.
 */

/** Prefixes and suffixes that frame a measure without changing it ("1、", "橙色预警期间:", "执行…措施"). */
const NUMBERING = /^(?:\(\d{1,2}\)|\d{1,2}(?:、|[.)](?!\d))|[①-⑳]|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]是)/;
const LEVEL_LABEL =
  /^(?:(?:启动)?(?:(?:黄色|橙色|红色)(?:预警)?(?:\((?:[ⅠⅡⅢIV123一二三]+级(?:响应)?)\))?|[ⅠⅡⅢ123一二三]级|I{1,3}级)(?:应急)?(?:响应)?(?:期间|时)?|预警期间|应急期间|管控期间|应急响应期间)[:]?/;
const FRAME_HEAD: RegExp[] = [
  NUMBERING,
  // Quotes around a cell, as spreadsheets export them: '"不涉及"'.
  /^["“”'‘’]+/,
  /^(?:减排)?措施[:]/,
  /^(?:执行)?["“”'‘’《]?一[厂企]一策["“”'‘’》]?(?:措施)?[:]?/,
  // A grade written before the measure ("A级企业自主减排") does not change it.
  /^(?:[ABCD][+-]?[级类]|引领性)(?:企业)?[:]?/i,
  /^(?:绩效(?:评级|等级)?(?:为)?)?[ABCD][+-]?(?:级)?[:]/i,
  // The kind of plant, said before a colon ("陶瓷企业：6条窑线停3条").
  /^[^,;。:\d]{1,8}?(?:企业|行业|单位)[:]/,
  // The enterprise speaking for itself: "我公司承诺", "本厂保证", "我单位将", "本企业预警期间".
  /^(?:我公司|我司|本司|我厂|我们厂|我们|我单位|本公司|本厂|本企业|本单位|企业)(?:承诺|保证|将|会|计划)?[:]?/,
  /^(?:承诺|保证|确保|计划)(?!达标|正常)[:]?/,
  /^(?:在|于)?(?:黄色|橙色|红色)?预警(?:期间|时)[,]?/,
  /^(?:并且|并|同时|且|另外|以及|应当|应|须|需)/,
  /^(?:严格)?(?:执行|实施|落实|采取)/,
];
const FRAME_TAIL: RegExp[] = [/[.!?。]+$/, /(?:的)?(?:管控)?措施$/, /["“”'‘’]+$/];

/** The level said before a measure taken off, and nothing else ("橙色预警：执行一厂一策"). */
export const stripLevelLabel = (text: string): string => text.replace(LEVEL_LABEL, '');

export function stripFrame(text: string, levelLabels: boolean): string {
  const heads = levelLabels ? [LEVEL_LABEL, ...FRAME_HEAD] : FRAME_HEAD;
  let t = text;
  for (let changed = true; changed && t.length > 0;) {
    changed = false;
    for (const re of [...heads, ...FRAME_TAIL]) {
      const next = t.replace(re, '');
      if (next !== t) {
        t = next;
        changed = true;
      }
    }
  }
  return t;
}
