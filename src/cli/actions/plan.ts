/** haze plan: each group's visits, day by day, within its own area and the working day. */
import type { Command } from 'commander';
import type { Lang } from '../../core/problem.js';
import { renderGeoJson } from '../../io/write/geojson.js';
import { renderGpx } from '../../io/write/gpx.js';
import { planSheet, renderPlanHtml } from '../../io/write/html/planHtml.js';
import { printPdf, requireChromium } from '../../io/write/pdf.js';
import { countOf } from '../../core/plural.js';
import { dayAndLevel, levelName } from '../../workflow/alertInForce.js';
import { patrolPlan, type PatrolPlan } from '../../workflow/patrolPlan.js';
import { measuresAt, withAutoAreas, type Town } from '../../workflow/town.js';
import { now, nowInstant } from '../clock.js';
import { parseLevelAndDate, parseCountFlag, parseSeedFlag } from '../flags.js';
import { readGlobals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { geoRoutes, gpxRoutes, planRowColumns, planRows, sayPlanSummary, sayStartsFromNow } from '../planOutput.js';
import { openTownWithEvidence } from '../town.js';
import { cliVoice } from '../voice.js';

const FORMATS = ['table', 'csv', 'json', 'geojson', 'gpx', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export interface PlanOpts {
  level?: string;
  date?: string;
  days?: string;
  seed: string;
  night?: boolean;
  autoAreas?: boolean;
  replan?: boolean;
  save?: boolean;
}

/** The action of `haze plan` (its options and help: ../commands/plan.ts). */
export async function planAction(opts: PlanOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, FORMATS, 'table');
  const { level, date } = parseLevelAndDate(opts);
  const days = opts.days === undefined ? undefined : parseCountFlag(opts.days, '--days');
  const seed = parseSeedFlag(opts.seed);
  // Before any planning: without a browser to print with, say so at once (exit 69).
  const chromium = out.format === 'pdf' ? requireChromium() : null;
  const loaded = await openTownWithEvidence(g, voice, out);
  const { date: start, choice } = dayAndLevel(loaded.ws, { date, level }, now().date, voice);
  const measures = measuresAt(loaded, choice.level);
  const town = opts.autoAreas ? withAutoAreas(loaded, measures, voice) : loaded;
  const plan = patrolPlan(
    {
      town,
      level: choice.level,
      since: choice.issuedAt,
      until: choice.until,
      measures,
      start,
      days,
      shift: opts.night ? 'night' : 'day',
      seed,
      now: now(),
      nextDayWhenOver: true,
    },
    { fix: opts.save ? 'all' : 'first', by: opts.replan ? 'replan' : opts.save ? 'save' : 'plan', replan: opts.replan === true, now: nowInstant() },
    voice,
  );
  const count = new Set(plan.routes.map((r) => r.date)).size;
  voice.say({
    zh: `${town.setup.town} ${levelName(choice.level)} 巡查计划，自 ${plan.start} 起 ${count} 天`,
    en: `${town.setup.town} patrol plan at ${choice.level}, ${countOf(count, 'day')} from ${plan.start}`,
  });
  sayStartsFromNow(voice, plan.startsFromNow);
  sayPlanSummary(voice, plan, town, plan.provisional);
  const columns = planRowColumns(out.lang);
  const render: Record<Format, () => string | Uint8Array> = {
    table: () => renderRows(out, 'table', planRows(plan, town, plan.provisional), columns),
    csv: () => renderRows(out, 'csv', planRows(plan, town, plan.provisional), columns),
    json: () => renderRows(out, 'json', planRows(plan, town, plan.provisional), columns),
    geojson: () => renderGeoJson(town.setup.base, geoRoutes(plan, town, plan.provisional)),
    gpx: () => renderGpx(town.setup.base, gpxRoutes(plan, town, plan.provisional, out.lang)),
    html: () => planHtml(plan, town, choice.issuedAt, out.lang),
    pdf: () => printPdf(planHtml(plan, town, choice.issuedAt, out.lang), chromium!),
  };
  out.emit(render[out.format]());
  plan.commit();
}

function planHtml(plan: PatrolPlan, town: Town, since: Parameters<typeof planSheet>[3], lang: Lang): string {
  return renderPlanHtml(planSheet(plan, town.list.enterprises, town.setup, since, plan.provisional, plan.startsFromNow), lang);
}
