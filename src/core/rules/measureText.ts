/**
 * Reading the free-text measure cells of an emergency list (黄色/橙色/红色预警减排措施, domain.md §5)
 * as real lists write them: "停产", "限产３０％", "停止喷涂、烘干工序；停止使用国四及以下重型柴油车运输".
 *
 * A cell is cut into clauses, each clause is read on its own (measureClause.ts), and the strongest action
 * wins. Nothing is dropped: every clause comes back verbatim (after normalisation), and the ones that could
 * not be read are listed in `uninterpreted` for a person to look at.
 *
 * Cutting: ; 。 newlines ! ? always end a clause; , 、 and a space between two Chinese words end a clause
 * only when that reads better. Two neighbouring pieces are joined when the joined text reads as one
 * measure and one of them alone does not ("停止喷涂、烘干工序", "1号窑、2号窑停产", "由960吨，降低到768吨"),
 * or when both are of the same kind and the joined text is one phrase ("禁止开停车、检修放空").
 * Pieces neither of which can be read stay together, so garbage comes back as the writer wrote it.
 * Nothing inside brackets is cut, nor the comma of a thousands separator (1,200吨).
 */
import { INVISIBLE } from '../invisible.js';
import { ACTIONS, type Action, type AlertLevel } from '../model.js';
import { gradePart } from './gradeParts.js';
import { levelPart, levelsNamed } from './levelParts.js';
import { toHalfWidth } from './halfWidth.js';
import { TRADITIONAL, TRADITIONAL_RE, TYPING_SLIPS } from './traditionalForms.js';
import { readClause, type ClauseKind, type ClauseReading, type ReadOptions } from './measureClause.js';
import { strengthFloor, type StrengthFloor } from './strengthFloor.js';
import { measureShare } from './measureShare.js';
import { wholeAction } from './wholeAction.js';
import { othersGoOn, runsOn, type WholeTextRule } from './wholeText.js';

export type { ClauseKind } from './measureClause.js';

export interface MeasureClause {
  text: string;
  kind: ClauseKind;
  interpreted: boolean;
  /** The share this clause states on its own, or null. */
  limitPct: number | null;
}

export interface ParsedMeasure {
  /** Strongest action the text states (stop > stop_part > limit > self > exempt > none); null when it states none. */
  action: Action | null;
  /** Share limited or stopped, percent; 100 for a whole-plant stop; the largest stated share otherwise. */
  limitPct: number | null;
  /** Named lines / processes / equipment that must stop, in the order written. */
  processes: string[];
  truckBan: boolean;
  /** No road transport at all (D grade, domain.md §3); implies truckBan. */
  roadTransportBan: boolean;
  nonRoadMachineryBan: boolean;
  clauses: MeasureClause[];
  /** Clauses that could not be interpreted, verbatim. */
  uninterpreted: string[];
  /**
   * What the words of the uninterpreted clauses ask for at least (strengthFloor.ts). The action, share and
   * truck ban above are never weaker than this: a 停产 haze could not read clause by clause is still a stop.
   */
  floor: StrengthFloor;
  /**
   * The text says something haze understood — a measure, a ban, an upkeep step — even when it states no
   * production measure (action null): then it asks for none, and no rule's default is added.
   */
  spoken: boolean;
  /**
   * The text only defers to others' orders ("按上级要求执行"): read, and it states no measure of its own, so the rule
   * decides (spoken stays false).
   */
  defers: boolean;
  /** The whole-text rule that set the action over what the clauses said (wholeText.ts), or null. */
  wholeText: WholeTextRule | null;
  /** When the cell gives several levels, the part read for the level asked (levelParts.ts), normalised; else null. */
  levelPart: string | null;
  /** When the cell copies every grade's measure and names its own grade, that grade's part (gradeParts.ts); else null. */
  gradePart: string | null;
  /** The levels the cell labels by name (levelParts.ts), mildest first; empty when it names none. */
  levelsNamed: AlertLevel[];
}

const HAN = /\p{Script=Han}/u;
const CLOSER = /[%)\]】》」』]/;
const ASCII_WORD = /[A-Za-z0-9]/;

/**
 * Full-width digits, letters, % and punctuation → ASCII; line breaks → \n; runs of spaces → one space.
 * A space is kept only where it may separate two measures (between Chinese words, or after % or a bracket
 * before a Chinese word) or two ASCII words; elsewhere it is dropped, so "限产 30 %" reads as "限产30%".
 */
export function normaliseText(text: string): string {
  const s = TYPING_SLIPS.reduce(
    (t, [slip, meant]) => t.replace(slip, meant),
    toHalfWidth(text).replace(TRADITIONAL_RE, (c) => TRADITIONAL[c] ?? c),
  )
    // 卅 and 廿, thirty and twenty in one character ("硫化机卅台").
    .replace(/卅/g, '三十')
    .replace(/廿/g, '二十')
    // ⑴…⒇ and ⒈…⒛, numbering some input methods offer: as (1) and 1., which the readers know.
    .replace(/[\u2474-\u2487]/g, (c) => `(${(c.codePointAt(0) ?? 0) - 0x2473})`)
    .replace(/[\u2488-\u249b]/g, (c) => `${(c.codePointAt(0) ?? 0) - 0x2487}.`)
    .replace(INVISIBLE, '')
    .replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    // "限产3成/禁国三车", "1号线停产 / 2号线限产50%": a slash between measures, where a line break was; not the
    // slash of a rate ("50吨/天"), a fraction ("1/3") or "N/A".
    .replace(/(?<=[\p{Script=Han}%)]) ?\/ ?(?=[\p{Script=Han}\d(])(?!(?:天|日|时|小时|年|月|周|班|次|批|台|车|炉|窑)(?![\p{Script=Han}]))/gu, ',')
    .trim();
  return s.replace(/ /g, (_space, offset: number) => {
    const left = s[offset - 1] ?? '';
    const right = s[offset + 1] ?? '';
    // "1.限产50% 2.物料运输…": a number that starts a new item keeps the space before it, a separator.
    const numbering = /^\d{1,2}[.、]\p{Script=Han}/u.test(s.slice(offset + 1, offset + 5));
    const keep = numbering || (HAN.test(right) && (HAN.test(left) || CLOSER.test(left))) || (ASCII_WORD.test(left) && ASCII_WORD.test(right));
    return keep ? ' ' : '';
  });
}

interface Piece {
  text: string;
  /** The separator characters that follow the piece. */
  sep: string;
  /** A hard separator (or the end) follows: the piece may not be joined with the next. */
  hard: boolean;
}

const HARD = new Set([';', '。', '\n', '!', '?']);
const SOFT = new Set([',', '、', ' ', '+']);
const OPENERS = new Set(['(', '[', '{', '【', '《', '〔', '「', '『']);
const CLOSERS = new Set([')', ']', '}', '】', '》', '〕', '」', '』']);
/** "(2)" or "②" inside a cell starts a new numbered measure even without a separator before it. */
const MID_NUMBERING = /^(?:\(\d{1,2}\)|[①-⑳])/;

function splitPieces(s: string): Piece[] {
  const pieces: Piece[] = [];
  let current = '';
  let depth = 0;
  const end = (sep: string, hard: boolean): void => {
    const last = pieces[pieces.length - 1];
    if (current.length > 0) pieces.push({ text: current, sep, hard });
    else if (last) {
      last.sep += sep;
      last.hard ||= hard;
    }
    current = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (depth === 0 && current.length > 0 && MID_NUMBERING.test(s.slice(i, i + 4))) end('', true);
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    const thousands = c === ',' && /\d/.test(s[i - 1] ?? '') && /^\d{3}(?!\d)/.test(s.slice(i + 1, i + 5));
    if (depth === 0 && HARD.has(c)) end(c, true);
    else if (depth === 0 && SOFT.has(c) && !thousands) end(c, false);
    else current += c;
  }
  end('', true);
  return pieces;
}

interface Group extends Piece {
  reading: ClauseReading;
}

/** See the header: join two neighbours when together they read better than apart. */
function groupPieces(pieces: Piece[], options: ReadOptions): Group[] {
  const groups: Group[] = [];
  for (const piece of pieces) {
    const alone = readClause(piece.text, options);
    const prev = groups[groups.length - 1];
    if (prev && !prev.hard) {
      const text = prev.text + prev.sep + piece.text;
      const joined = readClause(text, options);
      const a = prev.reading.kind;
      const b = alone.kind;
      const join = (joined.kind !== 'other' && (a === 'other' || b === 'other' || (a === b && joined.kind === a))) || (a === 'other' && b === 'other');
      if (join) {
        Object.assign(prev, { text, sep: piece.sep, hard: piece.hard, reading: joined });
        continue;
      }
    }
    groups.push({ ...piece, reading: alone });
  }
  return groups;
}

const KIND_ACTION: Partial<Record<ClauseKind, Action>> = {
  stop: 'stop',
  stop_part: 'stop_part',
  limit: 'limit',
  self: 'self',
  exempt: 'exempt',
  heat_based: 'exempt',
  none: 'none',
};

/**
 * A fuel or a material given up for another ("停止使用溶剂型涂料，全部改用水性涂料", "锅炉改燃气，停用燃煤锅炉") stops
 * no production: it is read as asking none. A process that stops is still a stop ("停止使用溶剂型油墨的印刷工序").
 */
const SWAP = /改用|改为|改燃|换成|改烧|替代/;
const SWAP_READING: ClauseReading = { kind: 'none', limitPct: null, processes: [] };
const swapped = (g: Group, text: string): boolean =>
  g.reading.kind === 'stop_part' && SWAP.test(text) && /锅炉|溶剂型|燃煤|油性|燃料|油墨|涂料/.test(g.text) && !/工序|生产线|车间|线|机/.test(g.text);

/** `level`: the alert level the text is read for, when one cell may give several (levelParts.ts). */
export function parseMeasureText(text: string, level?: AlertLevel): ParsedMeasure {
  const cell = normaliseText(text);
  const part = level ? levelPart(cell, level) : null;
  // "…C级企业停产50%生产线…；本企业为C级": the part for the grade the text says is the enterprise's own.
  const graded = gradePart(part ?? cell);
  const normalised = graded ?? part ?? cell;
  // One cell naming two levels ("黄色预警：限产20%；橙色预警：停产") was filled in wrongly: keep the labels,
  // so those clauses stay uninterpreted and reach a person instead of the strongest one silently winning.
  const levels = new Set(normalised.match(/黄色|橙色|红色/g) ?? []);
  const groups = groupPieces(splitPieces(normalised), { levelLabels: levels.size <= 1 }).map((g) =>
    swapped(g, normalised) ? { ...g, reading: SWAP_READING } : g,
  );
  const actions = new Set(groups.map((g) => KIND_ACTION[g.reading.kind]));
  // The model's order (ACTIONS) is strongest first.
  const understood = ACTIONS.find((a) => actions.has(a)) ?? null;
  const uninterpreted = groups.filter((g) => g.reading.kind === 'other').map((g) => g.text);
  // Unread pieces are kept together for people, but their words are weighed piece by piece: a truck ban
  // beside an unread 保障类 or 停止拌合生产 must not make the whole a truck ban only. A note in brackets is weighed
  // as a piece of its own too ("限产30%（国五以下车辆禁止运输）"), beside the piece it stands in ("柴油货车（国四及以下）
  // 禁止出入"); a space before numbering separates ("1、停喷涂 2、苫盖"), any other is dropped.
  // Spaces between words of three characters or more separate too ("烤漆房停 焊接进车间 不露天"); between shorter
  // words they are a typist's ("停 止 酸 洗", "窑炉 全部 停火").
  // Both readings are weighed: "国四及以下的货车 不能进厂区" is one piece.
  const spaced = (t: string) => (t.split(/\s+/).every((w) => w.length >= 3) ? t.replace(/\s+/g, ',') : t);
  const piecesAt = (t: string) =>
    t
      .replace(/\s+(?=\d{1,2}[、.]|[①-⑳]|\(\d)/g, ',')
      .replace(/\s+/g, '')
      .split(/[,;。]/)
      .filter((p) => p !== '');
  const plainPieces = (t: string) => [...new Set([...piecesAt(spaced(t)), ...piecesAt(t)])];
  // The notes come out of the text ("印铁涂装线(烘房)停产" is the line stopping, not a bare 停产) and are weighed alone —
  // but not a note that says what stops ("停产(喷涂车间)"), nor one said not to apply ("原C级措施(停产)不再执行").
  const NOTE = /\(([^()]*)\)/g;
  const stays = (t: string, note: string, at: number) =>
    (/(?:停产|停止生产)$/.test(t.slice(0, at)) && /车间|工序|工段|线/.test(note)) || /^(?:不再|不)执行|^除外|^不适用/.test(t.slice(at + note.length + 2));
  const withoutNotes = (t: string) => t.replace(NOTE, (m: string, note: string, at: number) => (stays(t, note, at) ? m : ''));
  const notes = (t: string) =>
    [...t.matchAll(NOTE)]
      .filter((m) => !stays(t, m[1] ?? '', m.index))
      .map((m) => m[1] ?? '')
      .join(',');
  const piecesOf = (t: string) => [...new Set([...plainPieces(t), ...plainPieces(withoutNotes(t)), ...plainPieces(notes(t))])];
  const floor = strengthFloor(uninterpreted.flatMap(piecesOf), piecesOf(normalised));
  // What only the whole text says (wholeAction.ts): the parts that stop are the plant, or a stop keeps some
  // production. For these rules a space before "the rest" separates ("只留一条线生产 其余四条全停"); any other
  // space is a typist's ("生产线  共六条 ，停  四条").
  const squeezed = normalised.replace(/\s+(?=其余|其他|剩余|剩下|另外|另一)/g, ',').replace(/\s+/g, '');
  const whole = wholeAction(groups, squeezed, understood, floor);
  const share = measureShare({ groups, squeezed, understood, floor, ...whole });
  let { action, rule: wholeTextRule } = whole;
  // "一共就五台注塑机，预警期间五台全部关机": every unit stops (known only once the share is counted).
  // …unless something else produces: then the units counted are not all of the plant, and their share says nothing.
  const allUnits = action === 'stop_part' && share !== null && share >= 100;
  if (allUnits && !othersGoOn(squeezed) && !runsOn(squeezed)) [action, wholeTextRule] = ['stop', 'all_of_production'];
  const processes = [...new Set(groups.flatMap((g) => (g.reading.kind === 'stop_part' ? g.reading.processes : [])))];
  const has = (kind: ClauseKind): boolean => groups.some((g) => g.reading.kind === kind);
  return {
    action,
    limitPct: action === 'stop' ? 100 : allUnits ? null : share,
    processes,
    truckBan: has('truck_ban') || has('road_transport_ban') || floor.truckBan,
    roadTransportBan: has('road_transport_ban'),
    nonRoadMachineryBan: has('non_road_ban'),
    clauses: groups.map((g) => ({ text: g.text, kind: g.reading.kind, interpreted: g.reading.kind !== 'other', limitPct: g.reading.limitPct })),
    uninterpreted,
    floor,
    spoken: floor.spoken || groups.some((g) => g.reading.kind !== 'other' && g.reading.kind !== 'defers'),
    defers: groups.some((g) => g.reading.kind === 'defers'),
    wholeText: wholeTextRule,
    levelPart: part,
    gradePart: graded,
    levelsNamed: level ? levelsNamed(cell) : [],
  };
}
