/**
 * Reading one clause of a measure text ("限产30%", "1号窑停产", "停止使用国四及以下重型柴油车运输").
 *
 * Every pattern is anchored at both ends and every free-text gap excludes the clause separators
 * (, ; 。; 、 only inside a list of names or a transport phrase), so a clause is only "interpreted" when all
 * of it was understood, bracket notes included (only notes that cannot change a measure are let through,
 * see BENIGN_NOTE): a stray word never hides
 * behind a keyword (domain.md §3: measures must be 可操作、可监测、可核查; what we cannot read, the
 * caller must show to people). measureText.ts relies on this when it decides whether to join pieces.
 *
 * The readers themselves live in readers/, one file a family; READERS below sets the order they are tried in.
 */
import { reading, type ClauseKind, type ClauseReading, type Reader } from './clausePatterns.js';
import { stripFrame, stripLevelLabel } from './clauseFrame.js';
import { strictRange } from './shareGrammar.js';
import { readActivity, readNonRoad, readVoc } from './readers/bans.js';
import { readLimit, readShare } from './readers/limits.js';
import { readLineShare } from './readers/lines.js';
import { readTonnage } from './readers/quantities.js';
import { readDefers, readExempt, readNone, readSelf } from './readers/statusReaders.js';
import { readStop } from './readers/stops.js';
import { readTransport } from './readers/transport.js';

export type { ClauseKind, ClauseReading } from './clausePatterns.js';

/** Longer clauses are not measure phrases; refusing them also bounds the regex work on garbage. */
const MAX_CLAUSE_CHARS = 200;
const OTHER: ClauseReading = reading('other');

/** Order matters only where forms overlap: 停止露天喷涂 is a VOC measure before it is a stopped process. */
const READERS: Reader[] = [
  readNone,
  readDefers,
  readExempt,
  readSelf,
  readTransport,
  readNonRoad,
  readVoc,
  readActivity,
  readLineShare,
  readTonnage,
  readLimit,
  readShare,
  readStop,
];

function readCore(t: string): ClauseReading | null {
  for (const read of READERS) {
    const r = read(t);
    if (r) return r;
  }
  return null;
}

/**
 * Notes in brackets that do not change a measure: the limit's basis ("(以核定产能计)") and the rule that
 * pollution-control equipment keeps running (domain.md §6). Any other note leaves the clause uninterpreted:
 * "停产(除1号线外)" must reach a person.
 */
/** "(D级)", "(二级响应)", "(A+级)": the grade or the level, said again. */
const LABEL_NOTE = /^\((?:[ABCD][+-]?级|引领性|[ⅠⅡⅢ123一二三]级(?:响应)?|I{1,3}级(?:响应)?|(?:黄色|橙色|红色)(?:预警)?)\)$/;
/**
 * What a stopped plant keeps running or is told to include: systems kept for safety, heat kept in kilns, the
 * processes the stop covers ("(保留循环水系统运行)", "(炉窑保温除外)", "(包括喷漆、烘干)", "(未复产)").
 */
const STOP_KEEPS =
  /^\((?:保留|含|包括|包含)[^()]*\)$|^\([^()]*(?:保温|保压|安全|循环水|应急|抢险|环保|治污)[^()]*(?:除外|运行|外)?\)$|^\(未复产\)$|^\(生产线全部停运[^()]*\)$/;
const BENIGN_NOTE: Partial<Record<ClauseKind, (note: string) => boolean>> = {
  // "不涉及（无生产设备）": why nothing is asked.
  none: (n) => /^\((?:无|不|未|仅|没有)[^()]*\)$/.test(n),
  // "民生保障类（不停限）": the note says the status again.
  exempt: (n) => /^\((?:不停|不限|正常生产|豁免|免于)[^()]*\)$/.test(n),
  // A note giving the normal ('（正常每日连续生产）') says what the limit is against.
  limit: (n) =>
    // "(按生产线计，停产3#生产线)" names what stops, for a person to read ("(以停产设备计)" names none).
    !/停(?:产|用|止)?(?:\d|[一二三四五六七八九十])|(?:\d|[一二三四五六七八九十])(?:号|#)[^()]{0,6}?停/.test(n) &&
    (/^\((?:正常|平时|原来|原)[^()]*\)$/.test(n) ||
      /^\((?:以|按)[^()]*(?:产能|产量|计)[^()]*\)$/.test(n) ||
      /^\((?:以|按|通过)[^()]*(?:方式|实现)[^()]*\)$/.test(n)),
  stop: (n) =>
    STOP_KEEPS.test(n) || (/环保|治污|污染防治|废气|除尘|脱硫|脱硝/.test(n) && /运行|开启|正常/.test(n) && !/除|外|保留生产/.test(n.replace(/除尘/g, ''))),
  stop_part: (n) =>
    /^\((?:以|按)[^()]*计\)$/.test(n) ||
    (/环保|治污|污染防治|废气|除尘|脱硫|脱硝/.test(n) && /运行|开启|正常/.test(n) && !/除|外|保留生产/.test(n.replace(/除尘/g, ''))),
};

export interface ReadOptions {
  /**
   * Read "橙色预警期间：停产" as "停产". parseMeasureText turns this off when one cell names two levels
   * ("黄色预警：限产20%；橙色预警：停产"): which part applies is for a person to decide.
   */
  levelLabels: boolean;
}

/** Reads one clause (already normalised); never throws. Unreadable → kind 'other'. */
export function readClause(text: string, options: ReadOptions = { levelLabels: true }): ClauseReading {
  if (text.length > 2 * MAX_CLAUSE_CHARS) return OTHER;
  // "A级企业", "引领性": the grade alone, whose measure is the enterprise's own (domain.md §3).
  if (/^(?:[^,;。]{0,6}?(?:为|是|属于?))?(?:绩效(?:评级|等级)?(?:为)?)?(?:A\+?|A-)级(?:企业)?$|^引领性(?:企业)?$/i.test(text.replace(/\s+/g, '')))
    return reading('self');
  // "一厂一策", "非分级：一厂一策": the plant's own plan, named and not written here.
  if (/^(?:[^:]{1,8}:)?["“]?一[厂企]一策["”]?$/.test(text.replace(/\s+/g, ''))) return reading('defers');
  // "本厂严格执行上级通知": the lead verb and the speaker are part of a deferral, so it is read before the frame comes off.
  const bare = text.replace(/\s+/g, '').replace(/[.!?。]+$/, '');
  const deferral = readDefers(bare) ?? (options.levelLabels ? readDefers(stripLevelLabel(bare)) : null);
  if (deferral) return deferral;
  // A range of shares reads as its stricter end (shareGrammar.ts strictRange).
  // "限产(30%)", "限产(按30%执行)": a share in brackets right after its verb is the share.
  const t = strictRange(stripFrame(text.replace(/\s+/g, ''), options.levelLabels)).replace(
    /(限产|减产|压减|停产)\((?:按照?)?(\d+(?:\.\d+)?%)(?:执行)?\)/,
    '$1$2',
  );
  if (t.length === 0 || t.length > MAX_CLAUSE_CHARS) return OTHER;
  const direct = readCore(t);
  if (direct) return direct;
  // "按比例停产：停止40%产线", "限产要求：停止2条生产线中的1条": a short label, then the measure itself.
  // A label naming a level is not taken off here: LEVEL_LABEL does that, and only when the cell names one level.
  const labelled = /^([^:\d%]{1,8}):(.+)$/.exec(t);
  if (labelled && !/黄色|橙色|红色|预警|级响应|[ⅠⅡⅢ]级/.test(labelled[1] ?? '')) {
    const rest = readCore(stripFrame(labelled[2] ?? '', options.levelLabels));
    // A label that is itself a status ("保障类：正常生产") says more than the words after it.
    const label = readCore((labelled[1] ?? '').replace(/\([^()]*\)$/, ''));
    if (label && (label.kind === 'exempt' || label.kind === 'heat_based' || label.kind === 'self') && (!rest || rest.kind === 'none')) return label;
    if (rest) return rest;
  }
  const noted = /^(.+?)(\([^()]*\))$/.exec(t);
  if (noted) {
    const inner = readCore(stripFrame(noted[1] ?? '', options.levelLabels));
    if (inner && (LABEL_NOTE.test(noted[2] ?? '') || BENIGN_NOTE[inner.kind]?.(noted[2] ?? ''))) return inner;
  }
  return OTHER;
}
