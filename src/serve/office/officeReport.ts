/**
 * The day's inspection report in the office view: the report `haze report --date D` prints (the same workflow,
 * the same sections), rendered by the report's HTML renderer with the photos served behind the session.
 */
import { strictestLevel } from '../../core/reportRange.js';
import { reportHtmlBody, reportHtmlOf } from '../../io/write/html/reportHtml.js';
import { townAlert } from '../../workflow/alertInForce.js';
import { storedReport } from '../../workflow/storedReport.js';
import type { ServeContext } from '../context.js';

export function officeReportHtml(ctx: ServeContext, date: string): string {
  const { town } = ctx;
  const range = { from: date, to: date };
  const level = strictestLevel(townAlert(town.ws).events, range);
  const { report, itemIn, photos } = storedReport(town, { range, level, group: null, now: ctx.clock.now(), photos: true });
  return reportHtmlBody(
    reportHtmlOf('zh', report, {
      level,
      basis: 'date',
      group: null,
      section: undefined,
      itemIn,
      photos,
      photoSrc: (p) => `/office/photos/${p.sha256}`,
    }),
  );
}
