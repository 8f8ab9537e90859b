/**
 * A group's day (workflow/groupDay.ts) as the phone's page reads it (DayView, api.ts): each visit of the plan
 * of record in route order, in the words the printed checklist uses, with what the office has of it from phones.
 */
import { itemText } from '../../core/checklist.js';
import { formatDayClock, formatWallTime, type WallTime } from '../../core/time.js';
import { lastInspectionText, openFindingsText, type ChecklistVisit } from '../../io/write/checklistText.js';
import { measureInWords } from '../../io/write/html/measureWords.js';
import { amapNavigationUrl } from '../../io/write/navLink.js';
import type { ServeToken } from '../../io/store/serveTokens.js';
import type { PhoneVisit } from '../../io/store/phoneEntries.js';
import type { GroupDay } from '../../workflow/groupDay.js';
import type { DayView, VisitView } from './api.js';
import type { CurrentVisit } from './currentResults.js';

export function dayView(day: GroupDay, token: ServeToken, now: WallTime, current: ReadonlyMap<string, CurrentVisit>): DayView {
  const page = day.checklist.pages[0]!;
  const g = page.group;
  return {
    date: day.date,
    now: formatWallTime(now),
    fromDate: token.fromDate,
    toDate: token.toDate,
    level: page.level,
    group: { id: g.id, name: g.name, leader: g.leader, members: [...g.members] },
    visits: page.visits.map((cv) => visitView(cv, day.sent.get(cv.e.creditCode), current.get(cv.e.creditCode))),
  };
}

function visitView(cv: ChecklistVisit, phones: PhoneVisit | undefined, store: CurrentVisit | undefined): VisitView {
  const { e, m, v } = cv;
  return {
    seq: v.seq,
    creditCode: e.creditCode,
    name: e.name,
    village: e.village,
    address: e.address,
    contact: `${e.contact} ${e.phone}`.trim(),
    lon: e.location.lon,
    lat: e.location.lat,
    navUrl: amapNavigationUrl(e.location, e.name),
    plannedArrival: formatDayClock(v.arrive, 'zh'),
    measure: measureInWords(m, 'zh'),
    clues: (cv.clues ?? []).map((c) => c.clue.says.zh),
    openFindings: openFindingsText(cv, 'zh'),
    lastInspection: lastInspectionText(cv, 'zh'),
    items: cv.items.map((it) => ({ id: it.id, text: itemText(it, 'zh') })),
    sent: sentOf(phones, store),
    recorded: store ? { inspectors: store.inspectors, checkedAt: store.checkedAt, results: store.results } : null,
  };
}

/** The last phone entry's word on the visit, with the results the store holds now (a later file may have corrected them). */
function sentOf(phones: PhoneVisit | undefined, store: CurrentVisit | undefined): VisitView['sent'] {
  const last = phones?.entries[phones.entries.length - 1];
  if (!phones || !last) return null;
  return {
    entries: phones.entries.length,
    lastEntryId: last.entryId,
    outcome: last.outcome,
    receivedAt: last.receivedAt,
    inspectors: store?.inspectors ?? '',
    arrivedAt: last.arrivedAt,
    checkedAt: store?.checkedAt ?? last.checkedAt,
    results: store?.results ?? {},
    photos: phones.entries.flatMap((e) => e.photos).filter((p, i, all) => all.findIndex((q) => q.sha256 === p.sha256 && q.itemId === p.itemId) === i),
  };
}
