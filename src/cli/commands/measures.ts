/** haze measures: one row per enterprise with what it must do at the alert level. */
import type { Command } from 'commander';
import { ACTION_ZH, type Enterprise, type RequiredMeasure } from '../../core/model.js';
import type { Column } from '../../io/write/columns.js';
import { Context } from '../context.js';
import { dateOption } from '../options.js';
import { renderRows } from '../render.js';

export interface MeasureRow {
  e: Enterprise;
  m: RequiredMeasure;
}

export const MEASURE_COLUMNS: Column<MeasureRow>[] = [
  { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.e.creditCode, dataOnly: true },
  { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.e.name },
  { key: 'village', zh: '村社区', en: 'village', value: (r) => r.e.village },
  { key: 'industry', zh: '行业', en: 'industry', value: (r) => r.e.industry },
  { key: 'grade', zh: '等级', en: 'grade', value: (r) => r.e.grade },
  { key: 'level', zh: '预警级别', en: 'level', value: (r) => r.m.level, dataOnly: true },
  { key: 'action', zh: '措施类型', en: 'action', value: (r) => r.m.action, dataOnly: true },
  { key: 'action_zh', zh: '措施类型', en: 'action', value: (r) => ACTION_ZH[r.m.action], tableOnly: true },
  { key: 'limit_pct', zh: '比例%', en: 'limit %', value: (r) => r.m.limitPct },
  { key: 'truck_ban', zh: '禁国四货车', en: 'truck ban', value: (r) => r.m.truckBan },
  { key: 'measure', zh: '措施', en: 'measure', value: (r) => r.m.text },
  { key: 'source', zh: '来源', en: 'source', value: (r) => r.m.source },
];

export function measuresCommand(program: Command): void {
  const cmd = program
    .command('measures')
    .description('每家企业在该预警级别下应执行的措施 / what each enterprise must do at the alert level')
    .option('--level <level>', 'yellow | orange | red（默认：当天执行中的预警）');
  dateOption(cmd);
  cmd
    .addHelpText('after', `
示例 / examples:
  haze measures --level orange
  haze measures --level red --format csv > red.csv
  haze measures --format json | jq '.[] | select(.action=="stop") | .name'`)
    .action((opts: { level?: string; date?: string }, c: Command) => {
      const ctx = new Context(c);
      const format = ctx.format(['table', 'csv', 'json'] as const, 'table');
      const town = ctx.loadTown();
      const { level } = ctx.level(town, opts.level, opts.date);
      const measures = ctx.measures(town, level);
      const rows = town.list.enterprises.map((e) => ({ e, m: measures.get(e.creditCode)! }));
      ctx.emit(renderRows(ctx, format, rows, MEASURE_COLUMNS));
    });
}
