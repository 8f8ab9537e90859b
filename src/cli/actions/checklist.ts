/** haze checklist: what a group checks at each visit of a day, to print or to fill in and import. */
import type { Command } from 'commander';
import { countOf } from '../../core/plural.js';
import type { Lang } from '../../core/problem.js';
import type { Column } from '../../io/write/columns.js';
import { renderCsv } from '../../io/write/csv.js';
import { renderChecklistMarkdown, renderChecklistText, type ChecklistPage } from '../../io/write/checklistText.js';
import { renderChecklistHtml, type ChecklistHtmlOptions } from '../../io/write/html/checklistHtml.js';
import { CODE, HazeError } from '../../errors.js';
import { makeGroupLinks } from '../../workflow/groupLinks.js';
import { linkBaseOf } from './serveTokens.js';
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

type CoverLinks = NonNullable<ChecklistHtmlOptions['links']>;

function checklistHtml(day: DayChecklist, town: Town, since: ChecklistHtmlOptions['since'], lang: Lang, links: CoverLinks | undefined): string {
  return renderChecklistHtml(day.pages, {
    setup: town.setup,
    since,
    routes: day.plan.routes,
    basemap: townBasemap(town.list.enterprises),
    lang,
    ...(links ? { links } : {}),
  });
}

/** --link: a new token for each group's page and its day, and the QR code of the link, for the covers. */
async function coverLinks(town: Town, date: string, groupIds: readonly string[], base: string): Promise<CoverLinks> {
  if (town.ws.noStore || town.ws.fromSample.all)
    throw new HazeError(CODE.HAZE_SERVE_NO_WORKSPACE, {
      message: { zh: '这里没有工作区（haze.yaml），--link 的链接无处保存', en: 'there is no workspace here (haze.yaml): no store to keep the --link links in' },
    });
  const groups = groupIds.map((id) => town.setup.groups.find((g) => g.id === id)!);
  const links = makeGroupLinks(town.ws, groups, { fromDate: date, toDate: date, label: 'checklist', createdAt: new Date().toISOString(), base });
  const QRCode = (await import('qrcode')).default;
  const out = new Map<string, { url: string; qrSvg: string }>();
  for (const l of links) out.set(l.group.id, { url: l.url, qrSvg: await QRCode.toString(l.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) });
  return out;
}

function renderers(
  day: DayChecklist,
  town: Town,
  out: Output<Format>,
  since: Parameters<typeof checklistHtml>[2],
  chromium: string | null,
  links: CoverLinks | undefined,
): Record<Format, () => string | Uint8Array> {
  return {
    text: () => renderChecklistText(day.pages, out.lang),
    md: () => renderChecklistMarkdown(day.pages, out.lang),
    csv: () => renderCsv(itemRows(day.pages), CHECKLIST_COLUMNS, { excel: out.excel, lang: out.lang }),
    html: () => checklistHtml(day, town, since, out.lang, links),
    pdf: () => printPdf(checklistHtml(day, town, since, out.lang, links), chromium!),
  };
}

export interface ChecklistOpts {
  group?: string;
  level?: string;
  date?: string;
  seed: string;
  night?: boolean;
  autoAreas?: boolean;
  /** --link [URL]: the group's link on each cover (true: haze.yaml serve.url). */
  link?: string | boolean;
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
  if (opts.link !== undefined && out.format !== 'html' && out.format !== 'pdf')
    throw usage(
      { zh: '--link 只用于 --format html 或 pdf（印在封面上）', en: '--link goes with --format html or pdf (it is printed on the cover)' },
      { zh: '加 --format pdf -o 检查清单.pdf', en: 'add --format pdf -o checklists.pdf' },
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
  const links =
    opts.link === undefined
      ? undefined
      : await coverLinks(
          town,
          day,
          checklist.pages.map((p) => p.group.id),
          linkBaseOf(typeof opts.link === 'string' ? opts.link : undefined, town.ws.serveUrl, '--link'),
        );
  out.emit(renderers(checklist, town, out, choice.issuedAt, chromium, links)[out.format]());
  checklist.plan.commit();
  const count = checklist.pages.reduce((n, p) => n + p.visits.length, 0);
  voice.say({
    zh: `${day}：${checklist.pages.map((p) => p.group.name).join('、')} 共 ${count} 家企业`,
    en: `${day}: ${countOf(count, 'visit')} for ${checklist.pages.map((p) => p.group.name).join(', ')}`,
  });
}
