/** Rule files (data/rules/default.yaml and a town's own) → RuleTable. An invalid file is exit 78. */
import * as z from './schema.js';
import { ACTIONS, ALERT_LEVELS, GRADES } from '../../core/model.js';
import { mergeRuleTables, type CrossCuttingRule, type LevelRule, type Rule, type RuleTable } from '../../core/rules/ruleTable.js';
import type { Problem } from '../../core/problem.js';
import type { EvidenceRulesPart } from '../../core/evidence/evidenceRules.js';
import { ACTION_WORD, actionOfWord } from '../../core/vocabulary.js';
import { RULES_KIND } from './configFields.js';
import { checkYamlConfig, settle, type ConfigCheck } from './yamlConfig.js';

const levelRuleSchema = z.strictObject({
  // `no_measure` is how haze writes `none` in its output; a rule file may use either.
  action: z.enum([...ACTIONS, ACTION_WORD.none]),
  limit_pct: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  truck_ban: z._default(z.boolean(), false),
  road_transport_ban: z._default(z.boolean(), false),
  text: z.optional(z.string().check(z.minLength(1))),
  text_en: z.optional(z.string().check(z.minLength(1))),
});

const source = z.string().check(z.minLength(1));
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

const share = z.number().check(z.minimum(0), z.maximum(10));
const minutes = z.number().check(z.minimum(0), z.maximum(24 * 60));
const clock = z.string().check(z.regex(/^([01]?\d|2[0-3]):[0-5]\d$/));
const rulePart = <T extends Record<string, z.ZodMiniType>>(shape: T) => z.optional(z.strictObject({ ...shape, source: z.optional(source) }));

/** `evidence:` (分表计电, 门禁): every key optional, so a town's file overrides only what it names. */
const evidenceSchema = z.strictObject({
  baseline: rulePart({ window_days: z.optional(z.int().check(z.minimum(1), z.maximum(366))), floor_kw: z.optional(z.number().check(z.minimum(0))) }),
  stop: rulePart({ on_share: z.optional(share), hold_minutes: z.optional(minutes) }),
  limit: rulePart({ tolerance: z.optional(z.number().check(z.minimum(0), z.maximum(1))) }),
  treatment_off: rulePart({ production_share: z.optional(share), treatment_share: z.optional(share), hold_minutes: z.optional(minutes) }),
  night: rulePart({ ratio: z.optional(z.number().check(z.positive())), from: z.optional(clock), to: z.optional(clock) }),
  silent: rulePart({ min_minutes: z.optional(z.number().check(z.positive(), z.maximum(24 * 60))) }),
  truck: rulePart({
    max_stage: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    fuels: z.optional(z.array(z.enum(['diesel', 'gas', 'petrol', 'electric', 'other']))),
  }),
});

const clockMinutes = (hhmm: string | undefined) => (hhmm === undefined ? undefined : Number(hhmm.split(':')[0]) * 60 + Number(hhmm.split(':')[1]));

function toEvidenceRules(e: z.infer<typeof evidenceSchema>): EvidenceRulesPart {
  return {
    ...(e.baseline && { baseline: { windowDays: e.baseline.window_days, floorKw: e.baseline.floor_kw, source: e.baseline.source } }),
    ...(e.stop && { stop: { onShare: e.stop.on_share, holdMinutes: e.stop.hold_minutes, source: e.stop.source } }),
    ...(e.limit && { limit: { tolerance: e.limit.tolerance, source: e.limit.source } }),
    ...(e.treatment_off && {
      treatmentOff: {
        productionShare: e.treatment_off.production_share,
        treatmentShare: e.treatment_off.treatment_share,
        holdMinutes: e.treatment_off.hold_minutes,
        source: e.treatment_off.source,
      },
    }),
    ...(e.night && { night: { ratio: e.night.ratio, from: clockMinutes(e.night.from), to: clockMinutes(e.night.to), source: e.night.source } }),
    ...(e.silent && { silent: { minMinutes: e.silent.min_minutes, source: e.silent.source } }),
    ...(e.truck && { truck: { maxStage: e.truck.max_stage, fuels: e.truck.fuels, source: e.truck.source } }),
  } as EvidenceRulesPart;
}

const ruleFileSchema = z.strictObject({
  version: z._default(z.literal(1), 1),
  targets: z._default(z.partial(z.object({ yellow: percent, orange: percent, red: percent })), {}),
  targets_source: z.optional(z.string()),
  rules: z._default(z.array(ruleSchema), []),
  cross_cutting: z._default(z.array(crossCuttingSchema), []),
  evidence: z.optional(evidenceSchema),
});

function toLevelRule(r: z.infer<typeof levelRuleSchema>): LevelRule {
  return {
    action: actionOfWord(r.action)!,
    limitPct: r.limit_pct ?? null,
    truckBan: r.truck_ban || r.road_transport_ban,
    roadTransportBan: r.road_transport_ban,
    text: r.text ?? null,
    textEn: r.text_en ?? null,
  };
}

export function loadRuleTable(files: readonly string[]): RuleTable {
  return ruleTableOf(files.map((file) => ({ file, f: settle(checkYamlConfig(file, ruleFileSchema, RULES_KIND)) })));
}

/**
 * Every rule file's problems (validate), and the table of the files that read: the measures are still checked
 * against the defaults when a town's file is wrong.
 */
export function checkRuleFiles(files: readonly string[]): { table: RuleTable; problems: Problem[]; refusal: ConfigCheck<unknown>['refusal'] } {
  const checks = files.map((file) => checkYamlConfig(file, ruleFileSchema, RULES_KIND));
  return {
    table: ruleTableOf(checks.map((c) => ({ file: c.file, f: c.refusal ? null : c.value }))),
    problems: checks.flatMap((c) => c.problems),
    refusal: checks.find((c) => c.refusal)?.refusal ?? null,
  };
}

function ruleTableOf(read: readonly { file: string; f: z.infer<typeof ruleFileSchema> | null }[]): RuleTable {
  return mergeRuleTables(
    read.flatMap(({ file, f }, fileIndex) => {
      if (!f) return [];
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
      return [
        {
          targets: f.targets,
          ...(f.targets_source ? { targetsSource: f.targets_source } : {}),
          rules,
          crossCutting,
          ...(f.evidence ? { evidence: toEvidenceRules(f.evidence) } : {}),
        },
      ];
    }),
  );
}
