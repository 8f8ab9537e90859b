/** The embedded sample town (or another workspace folder of the fixtures), loaded the way the CLI loads it, for core tests. */
import { join } from 'node:path';
import type { AlertLevel, RequiredMeasure } from '../../src/core/model.js';
import { requiredMeasure } from '../../src/core/rules/requiredMeasure.js';
import { loadList } from '../../src/io/read/loadList.js';
import { loadRuleTable } from '../../src/io/read/ruleFile.js';
import { loadTownSetup } from '../../src/io/read/townSetup.js';
import { DEFAULT_RULES, SAMPLE_DIR } from '../../src/io/read/workspace.js';

export function sampleTown(dir = SAMPLE_DIR) {
  const list = loadList(join(dir, 'enterprises.csv'));
  const setup = loadTownSetup(join(dir, 'groups.yaml'));
  const rules = loadRuleTable([DEFAULT_RULES]);
  const measuresAt = (level: AlertLevel): Map<string, RequiredMeasure> =>
    new Map(list.enterprises.map((e) => [e.creditCode, requiredMeasure(e, level, rules)]));
  return { list, setup, rules, measuresAt };
}
