/** Rule files (data/rules/default.yaml and a town's own) → RuleTable. An invalid file is exit 78. */
import * as z from './schema.js';
import { ACTIONS, ALERT_LEVELS, GRADES } from '../../core/model.js';
import { mergeRuleTables, type CrossCuttingRule, type LevelRule, type Rule, type RuleTable } from '../../core/rules/ruleTable.js';
import { loadYamlConfig } from './yamlConfig.js';

const levelRuleSchema = z.strictObject({
  action: z.enum(ACTIONS),
  limit_pct: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  truck_ban: z._default(z.boolean(), false),
  road_transport_ban: z._default(z.boolean(), false),
  text: z.optional(z.string().check(z.minLength(1))),
  text_en: z.optional(z.string().check(z.minLength(1))),
});

const source = z.string().check(z.minLength(1, 'every rule needs its source'));
const nonEmpty = z.string().check(z.minLength(1));
const percent = z.number().check(z.minimum(0), z.maximum(100));

const ruleSchema = z.strictObject({
  id: nonEmpty,
  industries: z._default(z.array(nonEmpty), []),
  grades: z._default(z.array(z.enum(GRADES)), []),
  guidance: z._default(z.enum(['full', 'action', 'none']), 'full'),
  yellow: z.optional(levelRuleSchema),
  orange: z.optional(levelRuleSchema),
  red: z.optional(levelRuleSchema),
  source,
});

const crossCuttingSchema = z.strictObject({
  id: nonEmpty,
  levels: z.array(z.enum(ALERT_LEVELS)).check(z.minLength(1)),
  when: z._default(
    z.strictObject({
      min_truck_trips: z.optional(z.number().check(z.minimum(0))),
      min_vocs_t: z.optional(z.number().check(z.minimum(0))),
      industries: z.optional(z.array(nonEmpty)),
    }),
    {},
  ),
  truck_ban: z._default(z.boolean(), false),
  text: nonEmpty,
  text_en: z.optional(nonEmpty),
  source,
});

const ruleFileSchema = z.strictObject({
  version: z._default(z.literal(1), 1),
  targets: z._default(z.partial(z.object({ yellow: percent, orange: percent, red: percent })), {}),
  targets_source: z.optional(z.string()),
  rules: z._default(z.array(ruleSchema), []),
  cross_cutting: z._default(z.array(crossCuttingSchema), []),
});

function toLevelRule(r: z.infer<typeof levelRuleSchema>): LevelRule {
  return {
    action: r.action,
    limitPct: r.limit_pct ?? null,
    truckBan: r.truck_ban || r.road_transport_ban,
    roadTransportBan: r.road_transport_ban,
    text: r.text ?? null,
    textEn: r.text_en ?? null,
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
        textEn: c.text_en ?? null,
        source: c.source,
        fileIndex,
      }));
      return { targets: f.targets, ...(f.targets_source ? { targetsSource: f.targets_source } : {}), rules, crossCutting };
    }),
  );
}
