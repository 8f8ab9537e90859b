/**
 * The office's day: per group, its visits in route order from the plan of record (groupDay: the same plan the
 * phones see), each with its status from the store (已查合格 / 待查 / 发现问题) and, when phones sent more than one
 * entry, every entry kept (who, when, what); the group's map coloured by status; and the feed of entries as they
 * arrived. JSON for the page, which writes every value with textContent; the map is SVG made (and escaped) here.
 */
import { formatWallTime } from '../../core/time.js';
import type { ReportVisit } from '../../core/report.js';
import { HazeError } from '../../errors.js';
import { resultsOfImport } from '../../io/store/officeQueries.js';
import { phoneVisits, type EntryRow } from '../../io/store/phoneEntries.js';
import { readReportVisits } from '../../io/store/reportQueries.js';
import { listTokens } from '../../io/store/serveTokens.js';
import { renderRouteMap } from '../../io/write/map/routeMap.js';
import { groupDay } from '../../workflow/groupDay.js';
import { readStore } from '../../workflow/storeDoor.js';
import { collectingVoice } from '../../workflow/voice.js';
import type { ServeContext } from '../context.js';

export type VisitStatus = 'done' | 'pending' | 'violation';
export const STATUS_ZH: Record<VisitStatus, string> = { done: '已查合格', pending: '待查', violation: '发现问题' };

export interface EntryView {
  entryId: string;
  /** The link the entry came through (its token's id and label). */
  link: string;
  receivedAt: string;
  checkedAt: string | null;
  outcome: 'new' | 'correction' | 'unchanged';
  result: 'ok' | 'violation' | 'none';
  notes: string[];
  photos: string[];
}

export interface OfficeVisit {
  seq: number;
  creditCode: string;
  name: string;
  village: string;
  plannedArrival: string;
  status: VisitStatus;
  statusZh: string;
  inspectors: string;
  checkedAt: string | null;
  /** More than one entry from phones: the later ones corrected the earlier (history kept). */
  corrected: boolean;
  entries: EntryView[];
}

export interface OfficeGroup {
  id: string;
  name: string;
  leader: string;
  visits: OfficeVisit[];
  /** The route map (SVG, escaped here); its stops carry data-code for the page to colour by status. */
  map: string;
  /** Why the day has no plan for the group (no alert that day, …), in Chinese; null when it has. */
  problem: string | null;
}

export interface FeedItem extends EntryView {
  groupId: string;
  creditCode: string;
  name: string;
}

export interface OfficeDay {
  date: string;
  now: string;
  groups: OfficeGroup[];
  feed: FeedItem[];
  tokens: { id: string; groupId: string; fromDate: string; toDate: string; label: string; revoked: boolean }[];
}

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function statusOf(v: ReportVisit | undefined): VisitStatus {
  if (!v) return 'pending';
  return v.results.some((r) => r.result === 'violation') ? 'violation' : 'done';
}

export function officeDay(ctx: ServeContext, date: string): OfficeDay {
  const { town } = ctx;
  const now = ctx.clock.now();
  const data = readStore(
    town.ws,
    (db) => {
      const recorded = readReportVisits(db, { from: date, to: date });
      const sent = phoneVisits(db, date, null);
      const tokens = listTokens(db);
      const views = new Map<string, EntryView>();
      const label = new Map(tokens.map((t) => [t.id, t.label ? `${t.id}（${t.label}）` : t.id]));
      for (const pv of sent)
        for (const e of pv.entries) {
          const results = e.importId === null ? [] : resultsOfImport(db, e.importId, { date, groupId: e.groupId, creditCode: e.creditCode });
          views.set(e.entryId, entryView(e, label.get(e.tokenId) ?? e.tokenId, results));
        }
      return { recorded, sent, tokens, views };
    },
    { recorded: [], sent: [], tokens: [], views: new Map<string, EntryView>() },
  );
  const recordedBy = new Map(data.recorded.map((v) => [`${v.groupId}\u0000${v.creditCode}`, v]));
  const sentBy = new Map(data.sent.map((v) => [`${v.groupId}\u0000${v.creditCode}`, v]));
  const nameOf = new Map(town.list.enterprises.map((e) => [e.creditCode, e.name]));

  const groups = town.setup.groups.map((g, gi): OfficeGroup => {
    const base = { id: g.id, name: g.name, leader: g.leader };
    let day;
    try {
      day = groupDay(town, { date, groupId: g.id, now, nowInstant: ctx.clock.instant() }, collectingVoice());
    } catch (err) {
      if (err instanceof HazeError) return { ...base, visits: [], map: '', problem: err.text.zh };
      throw err;
    }
    const page = day.checklist.pages[0];
    const cvs = page?.visits ?? [];
    const visits = cvs.map((cv): OfficeVisit => {
      const key = `${g.id}\u0000${cv.e.creditCode}`;
      const rec = recordedBy.get(key);
      const entries = (sentBy.get(key)?.entries ?? []).map((e) => data.views.get(e.entryId)!);
      const status = statusOf(rec);
      return {
        seq: cv.v.seq,
        creditCode: cv.e.creditCode,
        name: cv.e.name,
        village: cv.e.village,
        plannedArrival: clock(cv.v.arrive),
        status,
        statusZh: STATUS_ZH[status],
        inspectors: rec?.inspectors ?? '',
        checkedAt: rec?.checkedAt ?? null,
        corrected: entries.length > 1,
        entries,
      };
    });
    const map =
      cvs.length === 0
        ? ''
        : renderRouteMap({
            width: 160,
            height: 110,
            base: town.setup.base,
            layers: [{ key: g.id, name: g.name, styleIndex: gi, stops: cvs.map((cv) => ({ code: cv.e.creditCode, seq: cv.v.seq, point: cv.e.location })) }],
            prefixLabels: false,
          });
    return { ...base, visits, map, problem: null };
  });

  const feed: FeedItem[] = data.sent
    .flatMap((pv) =>
      pv.entries.map((e) => ({ ...data.views.get(e.entryId)!, groupId: e.groupId, creditCode: e.creditCode, name: nameOf.get(e.creditCode) ?? '' })),
    )
    .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  return {
    date,
    now: formatWallTime(now),
    groups,
    feed,
    tokens: data.tokens.map((t) => ({ id: t.id, groupId: t.groupId, fromDate: t.fromDate, toDate: t.toDate, label: t.label, revoked: t.revokedAt !== null })),
  };
}

function entryView(e: EntryRow, link: string, results: { result: string; note: string; item: string }[]): EntryView {
  return {
    entryId: e.entryId,
    link,
    receivedAt: e.receivedAt,
    checkedAt: e.checkedAt,
    outcome: e.outcome,
    result: results.length === 0 ? 'none' : results.some((r) => r.result === 'violation') ? 'violation' : 'ok',
    notes: results.filter((r) => r.note.trim() !== '').map((r) => (r.item ? `${r.item}：${r.note}` : r.note)),
    photos: e.photos.map((p) => p.sha256),
  };
}
