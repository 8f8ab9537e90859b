/** Rule files (data/rules/default.yaml and a town's own) → RuleTable. An invalid file is exit 78. */
import { z } from 'zod';
import { ACTIONS, ALERT_LEVELS, GRADES } from '../../core/model.js';
import { mergeRuleTables, type CrossCuttingRule, type LevelRule, type Rule, type RuleTable } from '../../core/rules/ruleTable.js';
import { loadYamlConfig } from './yamlConfig.js';

const levelRuleSchema = z
  .object({
    action: z.enum(ACTIONS),
    limit_pct: z.number().min(0).max(100).optional(),
    truck_ban: z.boolean().default(false),
    road_transport_ban: z.boolean().default(false),
    text: z.string().min(1).optional(),
  })
  .strict();

const ruleSchema = z
  .object({
    id: z.string().min(1),
    industries: z.array(z.string().min(1)).default([]),
    grades: z.array(z.enum(GRADES)).default([]),
    guidance: z.enum(['full', 'action', 'none']).default('full'),
    yellow: levelRuleSchema.optional(),
    orange: levelRuleSchema.optional(),
    red: levelRuleSchema.optional(),
    source: z.string().min(1, 'every rule needs its source'),
  })
  .strict();

const crossCuttingSchema = z
  .object({
    id: z.string().min(1),
    levels: z.array(z.enum(ALERT_LEVELS)).min(1),
    when: z
      .object({ min_truck_trips: z.number().min(0).optional(), min_vocs_t: z.number().min(0).optional(), industries: z.array(z.string().min(1)).optional() })
      .strict()
      .default({}),
    truck_ban: z.boolean().default(false),
    text: z.string().min(1),
    source: z.string().min(1, 'every rule needs its source'),
  })
  .strict();

const ruleFileSchema = z
  .object({
    version: z.literal(1).default(1),
    targets: z
      .object({ yellow: z.number().min(0).max(100), orange: z.number().min(0).max(100), red: z.number().min(0).max(100) })
      .partial()
      .default({}),
    targets_source: z.string().optional(),
    rules: z.array(ruleSchema).default([]),
    cross_cutting: z.array(crossCuttingSchema).default([]),
  })
  .strict();

function toLevelRule(r: z.infer<typeof levelRuleSchema>): LevelRule {
  return {
    action: r.action,
    limitPct: r.limit_pct ?? null,
    truckBan: r.truck_ban || r.road_transport_ban,
    roadTransportBan: r.road_transport_ban,
    text: r.text ?? null,
  };
}

export function loadRuleTable(files: readonly string[]): RuleTable {
  return mergeRuleTables(
    files.map((file, fileIndex) => {
      const f = loadYamlConfig(file, ruleFileSchema, { zh: '规则文件', en: 'the rule file' });
      const rules: Rule[] = f.rules.map((r) => {
        const levels: Rule['levels'] = {};
        for (const level of ALERT_LEVELS) if (r[level]) levels[level] = toLevelRule(r[level]);
        return { id: r.id, industries: r.industries, grades: r.grades, levels, guidance: r.guidance, source: r.source, fileIndex, file };
      });
      const crossCutting: CrossCuttingRule[] = f.cross_cutting.map((c) => ({
        id: c.id,
        levels: c.levels,
        when: { minTruckTrips: c.when.min_truck_trips ?? null, minVocsT: c.when.min_vocs_t ?? null, industries: c.when.industries ?? [] },
        truckBan: c.truck_ban,
        text: c.text,
        source: c.source,
        fileIndex,
      }));
      return { targets: f.targets, ...(f.targets_source ? { targetsSource: f.targets_source } : {}), rules, crossCutting };
    }),
  );
}
