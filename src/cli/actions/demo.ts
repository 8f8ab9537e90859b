/**
 * haze demo: the main job on the embedded sample town, start to finish — the seed story's orange alert,
 * every enterprise's measure, the three groups' routes for the first day and their checklists. Always the
 * sample alone (never the folder's haze.yaml or store).
 */
import type { Command } from 'commander';
import { ACTIONS, actionWord, levelHeading } from '../../core/model.js';
import { countOf } from '../../core/plural.js';
import { renderChecklistText } from '../../io/write/checklistText.js';
import { renderTable } from '../../io/write/table.js';
import { dayAndLevel, levelName } from '../../workflow/alertInForce.js';
import { checklistPages } from '../../workflow/dayChecklist.js';
import { patrolPlan } from '../../workflow/patrolPlan.js';
import { sampleWorkspace } from '../../io/read/workspace.js';
import { loadTownIn, measuresAt } from '../../workflow/town.js';
import { now, nowInstant } from '../clock.js';
import { renderClues } from '../clueOutput.js';
import { dayClues } from '../../workflow/dayClues.js';
import { townEvidence } from '../../workflow/evidence.js';
import { addDays, formatWallTime } from '../../core/time.js';
import { readGlobals } from '../globals.js';
import { openOutput } from '../output.js';
import { planRowColumns, planRows, sayPlanSummary } from '../planOutput.js';
import { cliVoice } from '../voice.js';
import { measureColumns } from './measures.js';

/** The action of `haze demo` (its options and help: ../commands/demo.ts). */
export async function demoAction(_opts: unknown, cmd: Command): Promise<void> {
  const g = readGlobals(cmd);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['text'] as const, 'text');
  // The sample town alone, with its own alert: a store or haze.yaml in the folder is neither read nor written,
  // so the demo shows the same on every machine and leaves the officer's records as they were.
  const loaded = await loadTownIn(sampleWorkspace(), {}, voice);
  const town = { ...loaded, evidence: await townEvidence(loaded) };
  voice.say({
    zh: `演示：内置示例乡镇 ${town.setup.town}（data/xuebu）及其自带的预警；不读也不写当前目录的 haze.yaml、haze.db`,
    en: `demo: the embedded sample town ${town.setup.town} (data/xuebu) with its own alert; haze.yaml and haze.db here are neither read nor written`,
  });
  const { date: start, choice } = dayAndLevel(town.ws, {}, now().date, voice);
  const { level } = choice;
  const measures = measuresAt(town, level);
  // A look only: the demo fixes no plan of record, even in a workspace with a store.
  const plan = patrolPlan(
    { town, level, since: choice.issuedAt, until: choice.until, measures, start, days: undefined, shift: 'day', seed: 1 },
    { fix: 'none', by: 'plan', replan: false, now: nowInstant() },
    voice,
  );
  const table = { lang: out.lang, color: out.color, width: out.width };
  const text: string[] = [];
  const heading = (s: string) => `\n${'═'.repeat(4)} ${s} ${'═'.repeat(4)}\n`;

  const en = out.lang === 'en';
  const place = `${town.setup.city}${town.setup.county}${town.setup.town}`;
  text.push(heading(en ? `${place}: heavy-pollution weather, ${levelHeading(level, 'en')}` : `${place} 重污染天气 ${levelName(level)}`));
  if (town.ws.sampleAlert?.note)
    text.push(en ? `"${town.ws.sampleAlert.note}" (from ${town.ws.sampleAlert.from})\n` : `${town.ws.sampleAlert.note}（自 ${town.ws.sampleAlert.from} 起）\n`);
  const counts = ACTIONS.map((a) => `${actionWord(a, out.lang)} ${[...measures.values()].filter((m) => m.action === a).length}`).join(en ? ', ' : '，');
  text.push(
    en ? `${countOf(town.list.enterprises.length, 'enterprise')} on the list: ${counts}\n` : `清单企业 ${town.list.enterprises.length} 家：${counts}\n`,
  );

  text.push(heading(en ? '1. What each enterprise must do' : '一、每家企业应执行的措施'));
  const rows = town.list.enterprises.map((e) => ({ e, m: measures.get(e.creditCode)! }));
  text.push(
    renderTable(
      rows,
      measureColumns(town.rules, out.lang).filter((c) => c.key !== 'source_text'),
      table,
    ),
  );

  // What the sample's power and gate records suggest by the next morning (the alert begins in the afternoon, so
  // the first day's round knows none yet): they rank the next day's routes and add items to its checklists.
  const next = addDays(start, 1);
  const clues = dayClues(town, town.evidence, next, 'day', null);
  text.push(
    heading(
      en ? `2. Clues from power and gate records, as known at ${formatWallTime(clues.upTo)}` : `二、用电与门禁线索（数据截至 ${formatWallTime(clues.upTo)}）`,
    ),
  );
  text.push(
    en
      ? `What the data suggests, to be checked on site: a clue is not a finding. They rank ${next}'s routes and add items to its checklists (haze plan --date ${next}; haze checklist --date ${next} --group 1 --format pdf draws each clue's chart).\n`
      : `数据提示，须现场核实：线索不是违法事实。${next} 的路线按它们排序，检查清单加上相应核查项（haze plan --date ${next}；haze checklist --date ${next} --group 1 --format pdf 附每条线索的用电曲线）。\n`,
  );
  const names = new Map(town.list.enterprises.map((e) => [e.creditCode, e.name]));
  const shown = {
    clues: [...clues.byCode.values()].flat().sort((a, b) => (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : a.from - b.from)),
  };
  text.push(renderClues({ ...table, excel: false }, 'table', shown, (c) => names.get(c) ?? c));

  text.push(heading(en ? `3. Each group's route on ${start}` : `三、${start} 各巡查组路线`));
  const firstDay = { ...plan, routes: plan.routes.filter((r) => r.date === start) };
  text.push(renderTable(planRows(firstDay, town), planRowColumns(out.lang), table));
  sayPlanSummary(voice, plan, town, plan.provisional);

  text.push(heading(en ? `4. On-site checklists for ${start}` : `四、${start} 现场检查清单`));
  text.push(
    renderChecklistText(
      checklistPages(
        town,
        plan,
        start,
        town.setup.groups.map((x) => x.id),
        level,
        measures,
        dayClues(town, town.evidence, start, 'day', null),
      ),
      out.lang,
    ),
  );
  out.emit(text.join('\n'));
}
