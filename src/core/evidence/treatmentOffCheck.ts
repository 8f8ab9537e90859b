/**
 * Treatment off while producing (`treatment_off`, 产治污不同步, the district platform's rule): any enterprise,
 * within the alert's hours, a production point at or above production_share × its baseline while a treatment
 * point that serves it reads below treatment_share × its own baseline, for longer than the hold minutes.
 */
import type { CheckContext } from './checkContext.js';
import { alertWindows } from './alertWindows.js';
import { clueOf, pointName, rounded, windowWords } from './clueFigures.js';
import type { Clue } from './model.js';
import { averageKw, runsWhere } from './seriesRuns.js';

export function treatmentOffClues(ctx: CheckContext): Clue[] {
  const { input } = ctx;
  const rule = input.rules.treatmentOff;
  const clues: Clue[] = [];
  for (const [code, points] of ctx.pointsOf) {
    const windows = alertWindows(input.spans, code, input.upTo, () => 'alert');
    for (const p of points) {
      if (p.kind !== 'production') continue;
      const pBase = ctx.baselines.get(p.id);
      const ps = input.series.get(p.id);
      if (!pBase || !ps) continue;
      for (const tId of p.servedBy) {
        const t = ctx.point.get(tId);
        const tBase = ctx.baselines.get(tId);
        const ts = input.series.get(tId);
        if (!t || !tBase || !ts) continue;
        const hold = p.holdMinutes ?? rule.holdMinutes;
        for (const w of windows)
          for (const run of runsWhere([ps, ts], w, ([pk, tk]) => pk! >= rule.productionShare * pBase.kw && tk! < rule.treatmentShare * tBase.kw)) {
            if (run.minutes <= hold) continue;
            const pKw = averageKw(run.kwh[0]!, run.minutes);
            const tKw = averageKw(run.kwh[1]!, run.minutes);
            const when = windowWords(run.from, run.to);
            const [pn, tn] = [pointName(p), pointName(t)];
            clues.push(
              clueOf(
                {
                  kind: 'treatment_off',
                  creditCode: code,
                  subject: `${p.id}>${t.id}`,
                  pointIds: [p.id, t.id],
                  from: run.from,
                  to: run.to,
                  says: {
                    zh: `${pn} ${when} 平均 ${rounded(pKw)} kW（基准 ${rounded(pBase.kw)} kW）在生产，治污设施 ${tn} 平均 ${rounded(tKw)} kW（基准 ${rounded(tBase.kw)} kW）`,
                    en: `${pn} was producing ${when} at ${rounded(pKw)} kW (baseline ${rounded(pBase.kw)} kW) while its treatment ${tn} averaged ${rounded(tKw)} kW (baseline ${rounded(tBase.kw)} kW)`,
                  },
                  figures: {
                    point_id: p.id,
                    treatment_point_id: t.id,
                    production_kw: rounded(pKw),
                    production_baseline_kw: rounded(pBase.kw),
                    treatment_kw: rounded(tKw),
                    treatment_baseline_kw: rounded(tBase.kw),
                    baseline_by: tBase.by,
                    minutes: run.minutes,
                    hold_minutes: hold,
                  },
                  rule: 'treatmentOff',
                  items: [
                    {
                      zh: `核查 ${pn} 是否运行；治污设施 ${tn} 用电 ${when} 平均 ${rounded(tKw)} kW，低于基准的 ${Math.round(rule.treatmentShare * 100)}%`,
                      en: `Check whether ${pn} is running; treatment ${tn} drew ${rounded(tKw)} kW ${when}, below ${Math.round(rule.treatmentShare * 100)}% of its baseline`,
                    },
                    { zh: `调阅治污设施 ${tn} 的运行记录和中控数据`, en: `Read the operating records and control-room data of ${tn}` },
                  ],
                },
                input,
              ),
            );
          }
      }
    }
  }
  return clues;
}
