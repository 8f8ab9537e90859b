/**
 * haze demo: the main job on the embedded sample town, start to finish — the seed story's orange alert,
 * every enterprise's measure, the three groups' routes for the first day and their checklists.
 */
import type { Command } from 'commander';
import { ACTIONS, ACTION_ZH } from '../../core/model.js';
import { Context, levelZh } from '../context.js';
import { makePlan } from '../planning.js';
import { renderTable } from '../../io/write/table.js';
import { renderChecklistText } from '../../io/write/checklistText.js';
import { MEASURE_COLUMNS } from './measures.js';
import { PLAN_COLUMNS, planRows, reportPlan } from './plan.js';
import { checklistPages } from './checklist.js';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('在内置示例乡镇上跑一遍：预警、措施、三个组首日路线和检查清单 / the whole job on the sample town')
    .addHelpText('after', `
示例 / example:
  haze demo | less -R`)
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = new Context(cmd);
      const town = await ctx.loadTown();
      const { level, issuedAt: since } = ctx.level(town, undefined);
      const measures = ctx.measures(town, level);
      const start = since?.date ?? '2019-12-08';
      const plan = makePlan({ town, level, since, measures, start, days: undefined, seed: 1 });
      const table = { lang: ctx.lang, color: ctx.colorOut };
      const out: string[] = [];
      const heading = (s: string) => `\n${'═'.repeat(4)} ${s} ${'═'.repeat(4)}\n`;

      out.push(heading(`${town.setup.city}${town.setup.county}${town.setup.town} 重污染天气 ${levelZh(level)}`));
      if (town.ws.sampleAlert?.note) out.push(`${town.ws.sampleAlert.note}（自 ${town.ws.sampleAlert.from} 起）\n`);
      const counts = ACTIONS.map((a) => `${ACTION_ZH[a]} ${[...measures.values()].filter((m) => m.action === a).length}`).join('，');
      out.push(`清单企业 ${town.list.enterprises.length} 家：${counts}\n`);

      out.push(heading('一、每家企业应执行的措施'));
      const rows = town.list.enterprises.map((e) => ({ e, m: measures.get(e.creditCode)! }));
      out.push(renderTable(rows, MEASURE_COLUMNS.filter((c) => c.key !== 'source'), table));

      out.push(heading(`二、${start} 各巡查组路线`));
      const firstDay = { ...plan, routes: plan.routes.filter((r) => r.date === start) };
      out.push(renderTable(planRows(firstDay, town), PLAN_COLUMNS, table));
      reportPlan(ctx, plan, town);

      out.push(heading(`三、${start} 现场检查清单`));
      out.push(renderChecklistText(checklistPages(town, plan, start, town.setup.groups.map((g) => g.id), level, measures)));
      ctx.emit(out.join('\n'));
    });
}
