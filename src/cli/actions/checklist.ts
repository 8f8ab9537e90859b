/** haze checklist: what a group checks at each visit of a day, to print or to fill in and import. */
import type { Command } from 'commander';
import { countOf } from '../../core/plural.js';
import type { Lang } from '../../core/problem.js';
import type { Column } from '../../io/write/columns.js';
import { renderCsv } from '../../io/write/csv.js';
import { renderChecklistMarkdown, renderChecklistText, type ChecklistPage } from '../../io/write/checklistText.js';
import { renderChecklistHtml } from '../../io/write/html/checklistHtml.js';
import { townBasemap } from '../../io/write/map/basemap.js';
import { printPdf, requireChromium } from '../../io/write/pdf.js';
import { dayAndLevel } from '../../workflow/alertInForce.js';
import { dayChecklist, type DayChecklist } from '../../workflow/dayChecklist.js';
import { measuresAt, withAutoAreas, type Town } from '../../workflow/town.js';
import { now, nowInstant } from '../clock.js';
import { parseLevelAndDate, parseGroupFlag, parseSeedFlag } from '../flags.js';
import { readGlobals, usage } from '../globals.js';
import { openOutput, type Output } from '../output.js';
import { openTownWithEvidence } from '../town.js';
import { cliVoice } from '../voice.js';
import { sayStartsFromNow } from '../planOutput.js';

interface ItemRow {
  date: string;
  group: string;
  seq: number;
  creditCode: string;
  name: string;
  itemId: string;
  item: string;
}

export const CHECKLIST_COLUMNS: Column<ItemRow>[] = [
  { key: 'date', zh: '日期', en: 'date', value: (r) => r.date },
  { key: 'group', zh: '组', en: 'group', value: (r) => r.group },
  { key: 'seq', zh: '序', en: 'seq', value: (r) => r.seq },
  { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.creditCode },
  { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.name },
  { key: 'item_id', zh: '检查项编号', en: 'item id', value: (r) => r.itemId },
  { key: 'item', zh: '检查项', en: 'item', value: (r) => r.item },
  { key: 'result', zh: '结果（合格/不合格/不适用）', en: 'result (ok/violation/na)', value: () => '' },
  { key: 'note', zh: '备注', en: 'note', value: () => '' },
];

const FORMATS = ['text', 'md', 'csv', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function itemRows(pages: readonly ChecklistPage[]): ItemRow[] {
  return pages.flatMap((p) =>
    p.visits.flatMap((cv) =>
      cv.items.map((it) => ({ date: p.date, group: p.group.id, seq: cv.v.seq, creditCode: cv.e.creditCode, name: cv.e.name, itemId: it.id, item: it.text })),
    ),
  );
}

function checklistHtml(day: DayChecklist, town: Town, since: Parameters<typeof renderChecklistHtml>[1]['since'], lang: Lang): string {
  return renderChecklistHtml(day.pages, { setup: town.setup, since, routes: day.plan.routes, basemap: townBasemap(town.list.enterprises), lang });
}

function renderers(
  day: DayChecklist,
  town: Town,
  out: Output<Format>,
  since: Parameters<typeof checklistHtml>[2],
  chromium: string | null,
): Record<Format, () => string | Uint8Array> {
  return {
    text: () => renderChecklistText(day.pages, out.lang),
    md: () => renderChecklistMarkdown(day.pages, out.lang),
    csv: () => renderCsv(itemRows(day.pages), CHECKLIST_COLUMNS, { excel: out.excel, lang: out.lang }),
    html: () => checklistHtml(day, town, since, out.lang),
    pdf: () => printPdf(checklistHtml(day, town, since, out.lang), chromium!),
  };
}

export interface ChecklistOpts {
  group?: string;
  level?: string;
  date?: string;
  seed: string;
  night?: boolean;
  autoAreas?: boolean;
}

/** The action of `haze checklist` (its options and help: ../commands/checklist.ts). */
export async function checklistAction(opts: ChecklistOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, FORMATS, 'text');
  const { level, date } = parseLevelAndDate(opts);
  const seed = parseSeedFlag(opts.seed);
  // Before any planning: without a browser to print with, say so at once (exit 69).
  const chromium = out.format === 'pdf' ? requireChromium() : null;
  if (!opts.group)
    throw usage(
      { zh: '请用 --group 指定巡查组', en: 'give the group with --group' },
      { zh: '例如 --group 1，或 --group all', en: 'e.g. --group 1, or --group all' },
    );
  const loaded = await openTownWithEvidence(g, voice, out);
  const { date: day, choice } = dayAndLevel(loaded.ws, { date, level }, now().date, voice);
  const measures = measuresAt(loaded, choice.level);
  const town = opts.autoAreas ? withAutoAreas(loaded, measures, voice) : loaded;
  const group = parseGroupFlag(opts.group, town.setup.groups, { all: true });
  const ids = group === 'all' ? town.setup.groups.map((x) => x.id) : [group];
  const checklist = dayChecklist(
    {
      town,
      date: day,
      groupIds: ids,
      level: choice.level,
      since: choice.issuedAt,
      until: choice.until,
      measures,
      shift: opts.night ? 'night' : 'day',
      seed,
      now: now(),
    },
    { now: nowInstant() },
    voice,
  );
  sayStartsFromNow(voice, new Map([...checklist.plan.startsFromNow].filter(([d]) => d === day)));
  out.emit(renderers(checklist, town, out, choice.issuedAt, chromium)[out.format]());
  checklist.plan.commit();
  const count = checklist.pages.reduce((n, p) => n + p.visits.length, 0);
  voice.say({
    zh: `${day}：${checklist.pages.map((p) => p.group.name).join('、')} 共 ${count} 家企业`,
    en: `${day}: ${countOf(count, 'visit')} for ${checklist.pages.map((p) => p.group.name).join(', ')}`,
  });
}
