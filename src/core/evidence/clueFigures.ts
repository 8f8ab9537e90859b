/**
 * How a clue is put into words and made whole: the window as people read it (MM-DD HH:mm), rounded figures,
 * its stable id, its check items' ids and whether it reaches into the night round's hours.
 */
import type { Text } from '../../errors.js';
import type { CheckItem } from '../checklist.js';
import { formatClock, fromWallMinute } from '../time.js';
import type { EvidenceInput } from './checkEvidence.js';
import { fnv1a } from './fnv1a.js';
import type { Clue, ClueKind, MeterPoint, WallMinute } from './model.js';

const DAY = 24 * 60;

/** 12-09 02:15 */
export function dayClock(m: WallMinute): string {
  const t = fromWallMinute(m);
  return `${t.date.slice(5)} ${formatClock(t.minutes)}`;
}

/** 12-09 02:15–05:30, or 12-09 22:00–12-10 06:00 across midnight (an end at midnight is 24:00). */
export function windowWords(from: WallMinute, to: WallMinute): string {
  const sameDay = Math.floor(from / DAY) === Math.floor((to - 1) / DAY);
  if (!sameDay) return `${dayClock(from)}–${dayClock(to)}`;
  const end = to % DAY === 0 ? '24:00' : formatClock(to % DAY);
  return `${dayClock(from)}–${end}`;
}

/** Figures as people read them: 41, 4.2, 0.35. */
export function rounded(v: number): number {
  const a = Math.abs(v);
  if (a >= 10) return Math.round(v);
  if (a >= 1) return Math.round(v * 10) / 10;
  return Math.round(v * 100) / 100;
}

/** A point as people name it: its device, else its workshop, else its id. */
export const pointName = (p: MeterPoint): string => p.device || p.workshop || p.id;

/** Whether [from, to) overlaps the night round's hours on any day it touches (a round may end after midnight). */
export function atNight(from: WallMinute, to: WallMinute, night: EvidenceInput['nightRound']): boolean {
  if (!night) return false;
  for (let d = Math.floor(from / DAY) - 1; d <= Math.floor(to / DAY); d++) {
    const a = d * DAY + night.start;
    const b = d * DAY + night.end;
    if (a < to && from < b) return true;
  }
  return false;
}

export interface ClueDraft {
  kind: ClueKind;
  creditCode: string;
  /** The point or plate the id names ('*' for the enterprise as a whole). */
  subject: string;
  pointIds: string[];
  from: WallMinute;
  to: WallMinute;
  says: Text;
  figures: Clue['figures'];
  rule: Clue['rule'];
  items: Text[];
}

/** A draft made whole: id `kind:code:subject:YYYY-MM-DDTHH:mm`, items `clue_<8 hex of the id>_<k>`, the rule's source. */
export function clueOf(d: ClueDraft, input: EvidenceInput): Clue {
  const t = fromWallMinute(d.from);
  const id = `${d.kind}:${d.creditCode}:${d.subject}:${t.date}T${formatClock(t.minutes)}`;
  const hash = fnv1a(id);
  const items: CheckItem[] = d.items.map((x, k) => ({ id: `clue_${hash}_${k + 1}`, text: x.zh, en: x.en }));
  return {
    id,
    kind: d.kind,
    creditCode: d.creditCode,
    pointIds: d.pointIds,
    from: d.from,
    to: d.to,
    atNight: atNight(d.from, d.to, input.nightRound),
    says: d.says,
    figures: d.figures,
    rule: d.rule,
    source: input.rules[d.rule].source,
    items,
  };
}
