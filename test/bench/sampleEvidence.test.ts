/**
 * The sample town's evidence (data/xuebu/evidence) is what bench/evidence/sampleEvidence.ts writes, byte for
 * byte: nobody edits the committed files by hand unnoticed, and a change to the generator is committed with its
 * output. The planted cases the README lists name points and enterprises that are in the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvidence, type SampleEvidence } from '../../bench/evidence/sampleEvidence.js';

const DIR = join(process.cwd(), 'data/xuebu/evidence');
let made: SampleEvidence;
beforeAll(() => {
  made = sampleEvidence(process.cwd());
});

test.each(['points.csv', 'readings.csv', 'gate.csv', 'README.md'] as const)('%s is exactly what the generator writes', (name) => {
  const committed = readFileSync(join(DIR, name));
  const generated = Buffer.from(made.files[name], 'utf8');
  // On a difference, say where, not the whole 1.7 MB.
  const at = committed.findIndex((b, i) => b !== generated[i]);
  expect({
    name,
    length: committed.length,
    firstDifference: at === -1 && committed.length !== generated.length ? Math.min(committed.length, generated.length) : at,
  }).toEqual({
    name,
    length: generated.length,
    firstDifference: -1,
  });
});

test('the generator is deterministic: a second run gives the same files', () => {
  expect(sampleEvidence(process.cwd()).files).toEqual(made.files);
});

test('every planted case names an enterprise of the points or gate file, and a point or plate that is in them', () => {
  const points = made.files['points.csv'];
  const gate = made.files['gate.csv'];
  expect(made.planted.length).toBeGreaterThanOrEqual(15);
  for (const p of made.planted) {
    const ids = p.subject.match(/XB\d{3}-[PTM]\d*/g) ?? [];
    if (p.clue === 'banned_truck' || ids.length === 0) {
      expect([p.subject, gate.includes(`${p.creditCode},`) && gate.includes(`,${p.subject},`)]).toEqual([p.subject, true]);
    } else {
      for (const id of ids) expect([id, points.includes(`\n${id},${p.creditCode},`)]).toEqual([id, true]);
    }
  }
  const kinds = new Set(made.planted.map((p) => p.clue));
  expect([...kinds].sort()).toEqual(['banned_truck', 'limit_not_reached', 'meter_silent', 'night_use', 'none', 'production_during_stop', 'treatment_off']);
});
