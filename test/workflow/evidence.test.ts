/**
 * The evidence workflow without the binary: the alert's spans (issue → lift, split at each change of level,
 * clipped to "now", one not lifted running to it), the store's evidence merged with haze.yaml's files, and
 * the town's evidence when there is none.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertEvent } from '../../src/core/alert.js';
import type { PointSeries } from '../../src/core/evidence/model.js';
import { toWallMinute } from '../../src/core/time.js';
import { appendAlertEvent } from '../../src/io/store/alerts.js';
import { alertSpans, mergeEvidence, mergeSeries, noEvidence, townEvidence } from '../../src/workflow/evidence.js';
import { writeStore } from '../../src/workflow/storeDoor.js';
import { loadTown, measuresAt, type Town } from '../../src/workflow/town.js';
import { collectingVoice } from '../../src/workflow/voice.js';

const at = (date: string, hhmm: string) => ({ date, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });
const M = (date: string, hhmm: string) => toWallMinute(at(date, hhmm));

/** The sample town, with the alert events given recorded in a store of its own folder (none: the sample's own alert). */
async function town(events: AlertEvent[] = []): Promise<Town> {
  const cwd = mkdtempSync(join(tmpdir(), 'haze-evidence-'));
  const t = await loadTown({ cwd }, collectingVoice());
  for (const e of events) writeStore(t.ws, (db) => appendAlertEvent(db, e, '2019-12-01T00:00:00.000Z', () => undefined));
  return t;
}

describe('alertSpans', () => {
  test("the sample's own alert (orange from 12-08 14:00, not lifted) runs to upTo, with the orange measures", async () => {
    const t = await town();
    const spans = alertSpans(t, at('2019-12-09', '18:00'));
    expect(spans.map((s) => [s.level, s.from, s.to])).toEqual([['orange', M('2019-12-08', '14:00'), M('2019-12-09', '18:00')]]);
    expect(spans[0]!.measures).toEqual(measuresAt(t, 'orange'));
  });

  test('nothing before the alert began', async () => {
    expect(alertSpans(await town(), at('2019-12-08', '10:00'))).toEqual([]);
  });

  test('split where the level changed, ended by the lift, a second episode clipped to upTo', async () => {
    const t = await town([
      { kind: 'issue', level: 'yellow', at: at('2019-12-20', '08:00') },
      { kind: 'change', level: 'red', at: at('2019-12-21', '00:00') },
      { kind: 'lift', level: null, at: at('2019-12-22', '12:00') },
      { kind: 'issue', level: 'orange', at: at('2019-12-25', '06:00') },
    ]);
    const spans = alertSpans(t, at('2019-12-26', '09:30'));
    expect(spans.map((s) => [s.level, s.from, s.to])).toEqual([
      // The sample's own alert stands while the store has said nothing yet: it ends when the store's begins.
      ['orange', M('2019-12-08', '14:00'), M('2019-12-20', '08:00')],
      ['yellow', M('2019-12-20', '08:00'), M('2019-12-21', '00:00')],
      ['red', M('2019-12-21', '00:00'), M('2019-12-22', '12:00')],
      ['orange', M('2019-12-25', '06:00'), M('2019-12-26', '09:30')],
    ]);
    // A town of its own has no sample alert: the store's history alone.
    const own = alertSpans({ ...t, ws: { ...t.ws, sampleAlert: null } }, at('2019-12-26', '09:30'));
    expect(own.map((s) => s.level)).toEqual(['yellow', 'red', 'orange']);
    expect(spans.find((s) => s.level === 'red')!.measures).toEqual(measuresAt(t, 'red'));
    // upTo inside the first recorded span: it is cut there, and nothing after it is told.
    expect(
      alertSpans(t, at('2019-12-20', '10:00'))
        .map((s) => [s.level, s.to])
        .at(-1),
    ).toEqual(['yellow', M('2019-12-20', '10:00')]);
  });
});

const series = (starts: number[], kwh: number[], minutes = 15): PointSeries => ({
  pointId: 'P1',
  nominalMinutes: minutes,
  start: Int32Array.from(starts),
  minutes: Uint16Array.from(starts.map(() => minutes)),
  kwh: Float64Array.from(kwh),
});

describe('the store and the files together', () => {
  test("series merged in order; where both cover a time, the store's reading stands", () => {
    const stored = series([0, 15, 30], [1, 2, 3]);
    const file = series([15, 30, 45, 60], [20, 30, 4, 5]);
    const merged = mergeSeries(stored, file);
    expect([...merged.start]).toEqual([0, 15, 30, 45, 60]);
    expect([...merged.kwh]).toEqual([1, 2, 3, 4, 5]);
    // A file's hourly reading overlapping a stored quarter hour is left out whole.
    const hourly = series([-60, 0, 60], [9, 9, 9], 60);
    expect([...mergeSeries(stored, hourly).start]).toEqual([-60, 0, 15, 30, 60]);
  });

  test('points and movements: the store first, the files add what it lacks', () => {
    const p = (id: string, device: string) => ({
      id,
      creditCode: 'C',
      workshop: '',
      device,
      kind: 'production' as const,
      servedBy: [],
      ratedKw: null,
      onKw: null,
      holdMinutes: null,
      file: 'f',
      row: 2,
    });
    const m = (plate: string, atMinute: number) => ({
      creditCode: 'C',
      at: atMinute,
      direction: 'in' as const,
      plate,
      vin: '',
      stage: '4' as const,
      fuel: 'diesel' as const,
      goods: '',
      tonnes: null,
      file: 'g',
      row: 2,
    });
    const merged = mergeEvidence(
      { points: [p('B', 'stored')], series: new Map(), gate: [m('苏D·1', 100)] },
      { points: [p('A', 'file'), p('B', 'file')], series: [new Map([['A', series([0], [1])]])], gate: [m('苏D·1', 100), m('苏D·2', 50)] },
    );
    expect(merged.points.map((x) => [x.id, x.device])).toEqual([
      ['A', 'file'],
      ['B', 'stored'],
    ]);
    expect(merged.gate.map((x) => [x.plate, x.at])).toEqual([
      ['苏D·2', 50],
      ['苏D·1', 100],
    ]);
    expect([...merged.series.keys()]).toEqual(['A']);
  });

  test('a workspace with no store and no evidence files has no evidence', async () => {
    const t = await town();
    const none = await townEvidence({ ...t, ws: { ...t.ws, evidenceFiles: [] } });
    expect(noEvidence(none)).toBe(true);
  });
});
