/**
 * The day's inspection report in the office view: the report `haze report --date D` prints (the same workflow,
 * the same sections), rendered by the report's HTML renderer with the photos served behind the session.
 */
import { strictestLevel } from '../../core/reportRange.js';
import { assignAreas } from '../../core/routing/areas.js';
import { visitPhotos } from '../../io/store/officeQueries.js';
import { recordsInRange } from '../../io/store/plans.js';
import { readReportFindings, readReportVisits } from '../../io/store/reportQueries.js';
import { reportHtmlBody } from '../../io/write/html/reportHtml.js';
import { reportHtmlOf } from '../../cli/reportRender.js';
import { townAlert } from '../../workflow/alertInForce.js';
import { reportClues } from '../../workflow/dayClues.js';
import { reportPlanDay, townReport } from '../../workflow/inspectionReport.js';
import { readStore } from '../../workflow/storeDoor.js';
import { measuresAt } from '../../workflow/town.js';
import type { ServeContext } from '../context.js';

export function officeReportHtml(ctx: ServeContext, date: string): string {
  const { town } = ctx;
  const range = { from: date, to: date };
  const level = strictestLevel(townAlert(town.ws).events, range);
  const stored = readStore(
    town.ws,
    (db) => ({
      visits: readReportVisits(db, range),
      findings: readReportFindings(db, range.to),
      plans: recordsInRange(db, range.from, range.to).map(reportPlanDay),
      photos: visitPhotos(db, range),
    }),
    { visits: [], findings: [], plans: [], photos: [] },
  );
  const groups = town.setup.groups;
  const { report, itemIn } = townReport(
    {
      enterprises: town.list.enterprises,
      groups: groups.map((x) => ({ id: x.id, name: x.name })),
      groupOf: assignAreas(town.list.enterprises, groups).groupOf,
      measuresAt: (l) => measuresAt(town, l),
    },
    stored,
    { range, level, group: null },
    reportClues(town, range, ctx.clock.now()),
  );
  return reportHtmlBody(
    reportHtmlOf('zh', report, {
      level,
      basis: 'date',
      group: null,
      section: undefined,
      itemIn,
      photos: stored.photos,
      photoSrc: (p) => `/office/photos/${p.sha256}`,
    }),
  );
}
