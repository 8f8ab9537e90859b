import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEvidence } from '../../../src/core/evidence/checkEvidence.js';
import { UNSET_EVIDENCE_RULES, unsetEvidenceRules } from '../../../src/core/evidence/evidenceRules.js';
import { HazeError } from '../../../src/errors.js';
import { loadRuleTable } from '../../../src/io/read/ruleFile.js';
import { DEFAULT_RULES } from '../../../src/io/read/workspace.js';
import { at, inputOf, measure, span } from '../../helpers/evidenceSeries.js';

const dir = mkdtempSync(join(tmpdir(), 'haze-evidence-rules-'));

describe('evidence rules in rule files', () => {
  test('default.yaml sets every parameter, each rule with its source', () => {
    const e = loadRuleTable([DEFAULT_RULES]).evidence;
    expect(unsetEvidenceRules(e)).toEqual([]);
    expect(e).toMatchObject({
      baseline: { windowDays: 60, floorKw: 0.2 },
      stop: { onShare: 0.2, holdMinutes: 30 },
      limit: { tolerance: 0.1 },
      treatmentOff: { productionShare: 0.2, treatmentShare: 0.1, holdMinutes: 30 },
      night: { ratio: 1.5, from: 22 * 60, to: 6 * 60 },
      silent: { minMinutes: 60 },
      truck: { maxStage: 4, fuels: ['diesel'] },
    });
    expect(e.night.source).toContain('株洲');
    expect(e.stop.source).toContain('haze 默认值');
  });

  test("a town's file overrides key by key", () => {
    const file = join(dir, 'town.yaml');
    writeFileSync(file, 'evidence: { stop: { hold_minutes: 45 }, night: { from: "23:00" } }\n');
    const e = loadRuleTable([DEFAULT_RULES, file]).evidence;
    expect(e.stop).toMatchObject({ onShare: 0.2, holdMinutes: 45 });
    expect(e.stop.source).toContain('0.2');
    expect(e.night).toMatchObject({ from: 23 * 60, to: 6 * 60, ratio: 1.5 });
  });

  test('an unknown key or a bad value is refused with the line', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'evidence:\n  stop:\n    hold_minute: 45\n');
    expect(() => loadRuleTable([DEFAULT_RULES, file])).toThrow(HazeError);
    writeFileSync(file, 'evidence:\n  night:\n    from: "25:00"\n');
    let err: unknown;
    try {
      loadRuleTable([DEFAULT_RULES, file]);
    } catch (e) {
      err = e;
    }
    expect((err as HazeError).exitCode).toBe(78);
    expect((err as HazeError).where).toMatchObject({ file, line: 3 });
  });

  test('rules no file has set are refused by the check, not read as "no clues"', () => {
    expect(unsetEvidenceRules(UNSET_EVIDENCE_RULES)).toContain('stop.holdMinutes');
    const input = { ...inputOf({ points: [], series: [], spans: [span(at('2019-12-09'), at('2019-12-10'), measure('stop'))] }), rules: UNSET_EVIDENCE_RULES };
    expect(() => checkEvidence(input)).toThrow(/stop\.holdMinutes/);
  });
});
