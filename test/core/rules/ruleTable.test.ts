import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import type { Enterprise, Grade } from '../../../src/core/model.js';
import { describeLevelRule, requiredMeasure } from '../../../src/core/rules/requiredMeasure.js';
import { ruleFor } from '../../../src/core/rules/ruleTable.js';
import { loadRuleTable } from '../../../src/io/read/ruleFile.js';
import { DEFAULT_RULES } from '../../../src/io/read/workspace.js';
import { HazeError } from '../../../src/errors.js';

const defaults = loadRuleTable([DEFAULT_RULES]);

function enterprise(grade: Grade, industry = '机械加工', texts: Partial<Enterprise['measureText']> = {}): Enterprise {
  return {
    creditCode: '91320413MA36HN011B',
    name: '测试企业',
    town: '薛埠镇',
    village: '夏桥村',
    address: '',
    industry,
    grade,
    gradeTags: [],
    contact: '',
    phone: '',
    location: { lon: 119.4, lat: 31.73 },
    emissions: { so2: 1, nox: 1, pm: 1, vocs: 1 },
    truckTrips: 2,
    measureText: { yellow: '', orange: '', red: '', ...texts },
    row: 2,
  };
}

describe('default rules by grade', () => {
  test.each([
    ['A', 'orange', 'self', null],
    ['A+', 'red', 'self', null],
    ['引领性', 'yellow', 'self', null],
    ['B', 'orange', 'limit', 20],
    ['B-', 'orange', 'limit', 30],
    ['C', 'orange', 'stop_part', 50],
    ['C', 'red', 'stop', null],
    ['D', 'yellow', 'stop', null],
    ['非分级', 'orange', 'limit', 20],
    ['保障类', 'red', 'exempt', null],
  ] as const)('%s at %s → %s %s', (grade, level, action, pct) => {
    const r = ruleFor(enterprise(grade), level, defaults)!;
    expect(r.action).toBe(action);
    expect(r.limitPct).toBe(pct);
    expect(r.source).toMatch(/http/);
  });

  test('every grade has a rule at every level', () => {
    for (const g of ['A', 'A+', '引领性', 'B', 'B-', 'C', 'D', '非分级', '保障类'] as const) {
      for (const level of ['yellow', 'orange', 'red'] as const) expect(ruleFor(enterprise(g), level, defaults)).not.toBeNull();
    }
  });

  test('targets: 10 / 20 / 30 %', () => {
    expect(defaults.targets).toEqual({ yellow: 10, orange: 20, red: 30 });
  });
});

describe('cement clinker: the 2020 technical guide, cell by cell', () => {
  const table: [Grade, 'yellow' | 'orange' | 'red', string, number | null, boolean, boolean][] = [
    ['A', 'yellow', 'self', null, false, false],
    ['A', 'orange', 'self', null, false, false],
    ['A', 'red', 'self', null, false, false],
    ['引领性', 'orange', 'self', null, false, false],
    ['B', 'yellow', 'none', null, true, false],
    ['B', 'orange', 'limit', 20, true, false],
    ['B', 'red', 'stop', null, true, false],
    ['C', 'yellow', 'stop_part', 50, true, false],
    ['C', 'orange', 'stop', null, true, false],
    ['C', 'red', 'stop', null, true, false],
    ['D', 'yellow', 'stop', null, true, true],
    ['D', 'orange', 'stop', null, true, true],
    ['D', 'red', 'stop', null, true, true],
  ];
  test.each(table)('%s %s → %s %s truck %s road %s', (grade, level, action, pct, truck, road) => {
    const r = ruleFor(enterprise(grade, '水泥熟料'), level, defaults)!;
    expect([r.action, r.limitPct, r.truckBan, r.roadTransportBan]).toEqual([action, pct, truck, road]);
    expect(r.ruleId).toMatch(/^cement-clinker-/);
  });

  test('an industry rule wins over the grade default', () => {
    expect(ruleFor(enterprise('C', '水泥熟料'), 'orange', defaults)!.action).toBe('stop');
    expect(ruleFor(enterprise('C', '机械加工'), 'orange', defaults)!.action).toBe('stop_part');
  });
});

describe('precedence: own text → industry rule → grade default', () => {
  test("the enterprise's own text comes first and is kept as written", () => {
    const m = requiredMeasure(enterprise('D', '铸造', { orange: '熔炼炉停用；停止使用国四及以下重型柴油车运输' }), 'orange', defaults);
    expect(m.source).toBe('enterprise');
    expect(m.text).toBe('熔炼炉停用；停止使用国四及以下重型柴油车运输');
    expect(m.action).toBe('stop_part');
    expect(m.truckBan).toBe(true);
  });

  test('an empty text falls back to the rule, written out for people', () => {
    const m = requiredMeasure(enterprise('B'), 'orange', defaults);
    expect(m).toMatchObject({ action: 'limit', limitPct: 20, truckBan: false, source: 'grade-B', text: '限产20%' });
  });

  test('text nobody can read: the rule decides, the text is kept and flagged', () => {
    const m = requiredMeasure(enterprise('C', '机械加工', { orange: '锅炉按时巡检保养' }), 'orange', defaults);
    expect(m.action).toBe('stop_part');
    expect(m.text).toBe('锅炉按时巡检保养');
    expect(m.uninterpreted).toEqual(['锅炉按时巡检保养']);
    expect(m.warnings.map((w) => w.code)).toEqual(['HAZE_MEASURE_UNREAD']);
  });

  test('a text that only defers to others: the rule decides, and the warning says the text defers', () => {
    const m = requiredMeasure(enterprise('C', '机械加工', { orange: '按上级要求执行' }), 'orange', defaults);
    expect([m.action, m.source, m.text, m.uninterpreted]).toEqual(['stop_part', 'grade-C', '按上级要求执行', []]);
    expect(m.warnings.map((w) => [w.code, w.zh, w.en])).toEqual([
      [
        'HAZE_MEASURE_DEFERS',
        '措施文本只写「按上级要求执行」，按规则执行：停止50%生产线（依据：C级以停代限（停部分生产线）；比例为 haze 默认值）',
        'the measure text only says "按上级要求执行"; the rule for grade C applies: stop 50% of the production lines',
      ],
    ]);
  });

  test('a cell that gives several levels: the part for the level in force, and a warning that names it', () => {
    const cell = '黄色：限产20%；橙色：全厂停产；红色：全厂停产，停止公路运输';
    const e = enterprise('C', '机械加工', { yellow: cell, orange: cell, red: cell });
    const orange = requiredMeasure(e, 'orange', defaults);
    expect([orange.action, orange.truckBan, orange.text, orange.uninterpreted]).toEqual(['stop', false, '全厂停产', []]);
    expect(orange.warnings.map((w) => [w.code, w.zh])).toEqual([['HAZE_MEASURE_LEVELS', '措施文本写了几个预警级别，按橙色预警的部分执行：全厂停产']]);
    expect(requiredMeasure(e, 'yellow', defaults)).toMatchObject({ action: 'limit', limitPct: 20, text: '限产20%' });
    expect(requiredMeasure(e, 'red', defaults)).toMatchObject({ action: 'stop', truckBan: true });
  });

  test('a cell that names other levels but not this one: read whole, at its strictest, and the warning says so', () => {
    const cell = '黄色：限产20%；红色：全厂停产';
    const m = requiredMeasure(enterprise('C', '机械加工', { orange: cell }), 'orange', defaults);
    expect(m.action).toBe('stop');
    // The labels stay unread too, so the checklist quotes the words (按原文核查).
    expect(m.warnings.map((w) => w.code)).toEqual(['HAZE_MEASURE_LEVELS', 'HAZE_MEASURE_UNREAD']);
    expect(m.warnings[0]!.zh).toBe('措施文本只写了黄色、红色预警的措施，没有写橙色预警的；按全文从严执行，请核对清单');
    // A text that names no level, or names this one, gets no such warning.
    expect(requiredMeasure(enterprise('C', '机械加工', { orange: '全厂停产' }), 'orange', defaults).warnings).toEqual([]);
  });

  test("a cell that copies every grade's measure: the notice quotes the enterprise's own grade's part", () => {
    const cell = '橙色预警：B级企业限产20%，C级企业停产50%生产线，D级企业停产；本企业为C级。';
    const m = requiredMeasure(enterprise('C', '机械加工', { orange: cell }), 'orange', defaults);
    expect([m.action, m.limitPct, m.text]).toEqual(['stop_part', 50, 'C级企业停产50%生产线']);
  });

  test('rule text written from the action', () => {
    expect(describeLevelRule({ action: 'stop', limitPct: null, truckBan: true, roadTransportBan: true, text: null })).toBe('停产；停止公路运输');
    expect(describeLevelRule({ action: 'none', limitPct: null, truckBan: false, roadTransportBan: false, text: null })).toBe('无');
  });
});

describe("a town's own rule file", () => {
  const dir = mkdtempSync(join(tmpdir(), 'haze-rules-'));

  test('overrides the defaults: same id replaces, targets change level by level', () => {
    const file = join(dir, 'town.yaml');
    writeFileSync(
      file,
      `targets: { orange: 25 }
rules:
  - id: grade-B
    grades: [B]
    orange: { action: limit, limit_pct: 30, truck_ban: true }
    source: 薛埠镇应急预案（示例）
  - id: town-foundry-C
    industries: [铸造]
    grades: [C]
    orange: { action: stop }
    source: 薛埠镇应急预案（示例）
`,
    );
    const t = loadRuleTable([DEFAULT_RULES, file]);
    expect(t.targets).toEqual({ yellow: 10, orange: 25, red: 30 });
    expect(ruleFor(enterprise('B'), 'orange', t)).toMatchObject({ action: 'limit', limitPct: 30, ruleId: 'grade-B' });
    // The replaced rule says nothing of yellow any more: the town's rule is the whole rule.
    expect(ruleFor(enterprise('B'), 'yellow', t)).toBeNull();
    expect(ruleFor(enterprise('C', '铸造'), 'orange', t)).toMatchObject({ action: 'stop', ruleId: 'town-foundry-C' });
    expect(ruleFor(enterprise('C', '机械加工'), 'orange', t)).toMatchObject({ ruleId: 'grade-C' });
  });

  test('an invalid file is exit 78 with the line', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      `rules:
  - id: x
    grades: [B]
    orange: { action: halt }
    source: s
`,
    );
    let err: unknown;
    try {
      loadRuleTable([DEFAULT_RULES, file]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HazeError);
    expect((err as HazeError).exitCode).toBe(78);
    expect((err as HazeError).where).toEqual({ file, line: 4, column: '23' });
    expect((err as HazeError).message).toContain(
      'rules → rule 1 (x) → orange → action: expected a kind of measure: stop, stop_part, limit, self, exempt, none, but it says "halt"',
    );
  });

  test('a rule without a source is refused', () => {
    const file = join(dir, 'nosource.yaml');
    writeFileSync(file, `rules:\n  - id: x\n    grades: [B]\n    orange: { action: stop }\n`);
    expect(() => loadRuleTable([file])).toThrow(/source/);
  });
});

describe("shortfalls against the guidance: the list's text is kept, the gap reported", () => {
  test('a D grade "限产20%" at orange', () => {
    const m = requiredMeasure(enterprise('D', '铸造', { orange: '限产20%' }), 'orange', defaults);
    expect(m).toMatchObject({ action: 'limit', limitPct: 20, text: '限产20%', source: 'enterprise' });
    expect(m.warnings.map((w) => w.code)).toEqual(['HAZE_MEASURE_WEAKER']);
    expect(m.warnings[0]!.zh).toContain('应停产');
  });

  test('cement B without the truck ban', () => {
    const m = requiredMeasure(enterprise('B', '水泥熟料', { orange: '限产20%' }), 'orange', defaults);
    expect(m.warnings.map((w) => w.code)).toEqual(['HAZE_MEASURE_NO_TRUCK_BAN']);
  });

  test('cement B limiting 10 % where the guide says 20 %', () => {
    const m = requiredMeasure(enterprise('B', '水泥熟料', { orange: '限产10%；停止使用国四及以下重型柴油车运输' }), 'orange', defaults);
    expect(m.warnings.map((w) => w.code)).toEqual(['HAZE_MEASURE_WEAKER']);
  });

  test('as strict or stricter: no warning', () => {
    expect(requiredMeasure(enterprise('B', '水泥熟料', { orange: '停产；停止使用国四及以下重型柴油车运输' }), 'orange', defaults).warnings).toEqual([]);
    expect(requiredMeasure(enterprise('D', '铸造', { orange: '全厂停产' }), 'orange', defaults).warnings).toEqual([]);
  });

  test('grade defaults of haze compare the kind of measure only', () => {
    expect(requiredMeasure(enterprise('B', '机械加工', { orange: '限产10%' }), 'orange', defaults).warnings).toEqual([]);
    expect(requiredMeasure(enterprise('B', '机械加工', { orange: '自主减排' }), 'orange', defaults).warnings.map((w) => w.code)).toEqual([
      'HAZE_MEASURE_WEAKER',
    ]);
  });

  test('an exemption the list grants (民生豁免) is not a shortfall; one it does not grant is', () => {
    const tagged = { ...enterprise('B', '机械加工', { orange: '民生豁免，正常生产' }), gradeTags: ['民生豁免'] };
    expect(requiredMeasure(tagged, 'orange', defaults).warnings).toEqual([]);
    expect(requiredMeasure(enterprise('D', '铸造', { orange: '保障类不停产' }), 'orange', defaults).warnings.map((w) => w.code)).toEqual([
      'HAZE_MEASURE_WEAKER',
    ]);
  });

  test('非分级 and 保障类 follow their own plan: nothing to compare', () => {
    expect(requiredMeasure(enterprise('非分级', '机械加工', { orange: '自主减排' }), 'orange', defaults).warnings).toEqual([]);
  });
});

describe('cross-cutting measures of a level', () => {
  test('heavy-truck users get the truck ban at orange, not at yellow', () => {
    const big = { ...enterprise('C'), truckTrips: 12 };
    expect(requiredMeasure(big, 'orange', defaults).truckBan).toBe(true);
    expect(requiredMeasure(big, 'orange', defaults).extra.map((x) => x.id)).toContain('heavy-truck-users');
    expect(requiredMeasure(big, 'yellow', defaults).truckBan).toBe(false);
    expect(requiredMeasure({ ...big, truckTrips: 9 }, 'orange', defaults).truckBan).toBe(false);
  });

  test('VOC plants: no venting, no outdoor spraying; everyone: no old non-road machinery', () => {
    const voc = { ...enterprise('B', '工业涂装'), emissions: { so2: 0, nox: 0, pm: 0, vocs: 5 } };
    expect(
      requiredMeasure(voc, 'red', defaults)
        .extra.map((x) => x.id)
        .sort(),
    ).toEqual(['no-outdoor-spraying', 'non-road-machinery', 'voc-no-venting']);
    expect(requiredMeasure({ ...voc, emissions: { so2: 0, nox: 0, pm: 0, vocs: 0.5 } }, 'red', defaults).extra.map((x) => x.id)).toEqual([
      'non-road-machinery',
    ]);
    for (const x of requiredMeasure(voc, 'red', defaults).extra) expect(x.source).toMatch(/http/);
  });
});
