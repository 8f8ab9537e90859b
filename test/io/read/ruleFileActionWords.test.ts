/** A rule file may name "no production measure" as haze writes it (`no_measure`) or as it always could (`none`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleTable } from '../../../src/io/read/ruleFile.js';
import { tempDir } from '../../helpers/runHaze.js';

test('action: no_measure and action: none are the one action', () => {
  const file = join(tempDir(), 'rules.yaml');
  writeFileSync(
    file,
    `version: 1
rules:
  - id: new-word
    grades: [B]
    yellow: { action: no_measure, truck_ban: true }
    source: 本镇预案
  - id: old-word
    grades: [C]
    yellow: { action: none }
    source: 本镇预案
`,
  );
  const table = loadRuleTable([file]);
  expect(table.rules.map((r) => [r.id, r.levels.yellow?.action, r.levels.yellow?.truckBan])).toEqual([
    ['new-word', 'none', true],
    ['old-word', 'none', false],
  ]);
});
