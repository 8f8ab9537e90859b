import fc from 'fast-check';
import type { Action } from '../../../src/core/model.js';
import { normaliseText, parseMeasureText, type ClauseKind } from '../../../src/core/rules/measureText.js';

interface Row {
  text: string;
  action: Action | null;
  pct: number | null;
  kinds: ClauseKind[];
  processes?: string[];
  truck?: boolean;
  road?: boolean;
  nonRoad?: boolean;
  un?: string[];
}

/** Real-style cells (domain.md §3–§4) and what they must read as. */
const TABLE: Row[] = [
  // whole-plant stop
  { text: '停产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '全厂停产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '停止生产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '全部停产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '所有生产线停产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '停止全厂生产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '实施停产措施。', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '橙色预警期间：停产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '全厂 停产', action: 'stop', pct: 100, kinds: ['stop'] },
  { text: '停产（环保设施正常运行）', action: 'stop', pct: 100, kinds: ['stop'] },
  // limits by a share
  { text: '限产30%', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '限产 30 %', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '限产３０％', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '压减产量三成', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '降低负荷20%', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '减产20%', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '限产百分之二十', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '生产负荷降至80%', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '负荷降低至８０％以下', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '按70%负荷生产', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '限产30%以上', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '限产不低于25%', action: 'limit', pct: 25, kinds: ['limit'] },
  { text: '减产两成', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '限产一半', action: 'limit', pct: 50, kinds: ['limit'] },
  { text: '1号窑限产30%', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '限产20%（以核定产能计）', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '限产', action: 'limit', pct: null, kinds: ['limit'] },
  // A share of the plant stopped is a share of its lines stopped (the guidance: 停产50%，以生产线计).
  { text: '停产50%', action: 'stop_part', pct: 50, kinds: ['stop_part'] },
  { text: '停产50%，以生产线计', action: 'stop_part', pct: 50, kinds: ['stop_part'] },
  // limits written as tonnage: round((X − Y) / X × 100, 1)
  { text: '原料日投料量由960吨降低到768吨及以下', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '日产量控制在700吨以内（正常1000吨）', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '日产量（正常1000吨）控制在700吨以内', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '熟料日产量由正常的5000吨降至4000吨', action: 'limit', pct: 20, kinds: ['limit'] },
  { text: '日产量1000吨降至700吨', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '日产量由1,200吨降至900吨', action: 'limit', pct: 25, kinds: ['limit'] },
  { text: '投料量由３００t/d降至２００t/d', action: 'limit', pct: 33.3, kinds: ['limit'] },
  { text: '由960吨，降低到768吨', action: 'limit', pct: 20, kinds: ['limit'] },
  // named parts stop
  { text: '停止喷涂工序', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['喷涂工序'] },
  { text: '1号窑停产', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['1号窑'] },
  { text: '1#窑停产', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['1#窑'] },
  { text: '停止铸造车间生产', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['铸造车间'] },
  { text: '熔炼炉停用', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['熔炼炉'] },
  { text: '停用1号窑', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['1号窑'] },
  // The kiln, said with no number and nothing else named, is the plant's (wholeText.ts core_process).
  { text: '停窑', action: 'stop', pct: 100, kinds: ['stop_part'], processes: ['窑'] },
  { text: '停止喷涂、烘干工序', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['喷涂工序', '烘干工序'] },
  { text: '1号、2号窑停产', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['1号窑', '2号窑'] },
  { text: '熔炼炉、退火炉停用', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['熔炼炉', '退火炉'] },
  { text: '1号窑停产、2号窑停产', action: 'stop_part', pct: null, kinds: ['stop_part', 'stop_part'], processes: ['1号窑', '2号窑'] },
  { text: '停用2条生产线中的1条', action: 'stop_part', pct: 50, kinds: ['stop_part'], processes: ['2条生产线中的1条'] },
  { text: '停用三条生产线中的一条', action: 'stop_part', pct: 33.3, kinds: ['stop_part'], processes: ['三条生产线中的一条'] },
  { text: '2条生产线停1条', action: 'stop_part', pct: 50, kinds: ['stop_part'], processes: ['2条生产线中的1条'] },
  { text: '停止50%生产线', action: 'stop_part', pct: 50, kinds: ['stop_part'], processes: ['50%生产线'] },
  // self, exempt, none
  { text: '自主减排', action: 'self', pct: null, kinds: ['self'] },
  { text: '自主采取减排措施', action: 'self', pct: null, kinds: ['self'] },
  { text: '鼓励企业自主采取减排措施', action: 'self', pct: null, kinds: ['self'] },
  { text: '保障类', action: 'exempt', pct: null, kinds: ['exempt'] },
  { text: '民生保障', action: 'exempt', pct: null, kinds: ['exempt'] },
  { text: '以热定产', action: 'exempt', pct: null, kinds: ['heat_based'] },
  { text: '不停产不限产', action: 'exempt', pct: null, kinds: ['exempt'] },
  { text: '不停产、不限产', action: 'exempt', pct: null, kinds: ['exempt'] },
  { text: '保障类企业，以热定产', action: 'exempt', pct: null, kinds: ['exempt', 'heat_based'] },
  { text: '无', action: 'none', pct: null, kinds: ['none'] },
  { text: '不涉及', action: 'none', pct: null, kinds: ['none'] },
  { text: '—', action: 'none', pct: null, kinds: ['none'] },
  { text: '/', action: 'none', pct: null, kinds: ['none'] },
  // transport and machinery: no action of their own
  { text: '停止使用国四及以下重型柴油车运输', action: null, pct: null, kinds: ['truck_ban'], truck: true },
  { text: '禁止国四及以下重型车辆进出', action: null, pct: null, kinds: ['truck_ban'], truck: true },
  { text: '停止使用国Ⅳ及以下重型柴油车（含燃气）运输', action: null, pct: null, kinds: ['truck_ban'], truck: true },
  { text: '运输车辆全部使用国五及以上排放标准车辆', action: null, pct: null, kinds: ['truck_ban'], truck: true },
  { text: '停止公路运输', action: null, pct: null, kinds: ['road_transport_ban'], truck: true, road: true },
  { text: '禁止使用国二及以下非道路移动机械', action: null, pct: null, kinds: ['non_road_ban'], nonRoad: true },
  // VOC measures: no action of their own
  { text: '禁止开停车、检修放空', action: null, pct: null, kinds: ['voc_no_venting'] },
  { text: '禁止露天喷涂', action: null, pct: null, kinds: ['no_outdoor_spraying'] },
  // several measures in one cell
  { text: '停止喷涂工序；限产30%', action: 'stop_part', pct: 30, kinds: ['stop_part', 'limit'], processes: ['喷涂工序'] },
  {
    text: '停产；停止使用国四及以下重型柴油车运输',
    action: 'stop',
    pct: 100,
    kinds: ['stop', 'truck_ban'],
    truck: true,
  },
  { text: '停产，停止公路运输', action: 'stop', pct: 100, kinds: ['stop', 'road_transport_ban'], truck: true, road: true },
  {
    text: '限产20%,停止使用国四及以下重型柴油车运输',
    action: 'limit',
    pct: 20,
    kinds: ['limit', 'truck_ban'],
    truck: true,
  },
  {
    text: '限产30% 停止使用国四及以下重型柴油车运输',
    action: 'limit',
    pct: 30,
    kinds: ['limit', 'truck_ban'],
    truck: true,
  },
  {
    text: '1、停产；2、停止使用国四及以下重型柴油车运输',
    action: 'stop',
    pct: 100,
    kinds: ['stop', 'truck_ban'],
    truck: true,
  },
  { text: '（1）限产30%（2）禁止露天喷涂', action: 'limit', pct: 30, kinds: ['limit', 'no_outdoor_spraying'] },
  {
    text: '停止喷涂、烘干工序\n禁止开停车、检修放空\n禁止使用国二及以下非道路移动机械',
    action: 'stop_part',
    pct: null,
    kinds: ['stop_part', 'voc_no_venting', 'non_road_ban'],
    processes: ['喷涂工序', '烘干工序'],
    nonRoad: true,
  },
  {
    text: '停用2条生产线中的1条；限产30%',
    action: 'stop_part',
    pct: 50,
    kinds: ['stop_part', 'limit'],
    processes: ['2条生产线中的1条'],
  },
  { text: '以热定产；降低负荷20%', action: 'limit', pct: 20, kinds: ['heat_based', 'limit'] },
  { text: '无；禁止露天喷涂', action: 'none', pct: null, kinds: ['none', 'no_outdoor_spraying'] },
  // what cannot be read is kept, verbatim, and never turned into an action
  { text: '', action: null, pct: null, kinds: [] },
  { text: '  \n ', action: null, pct: null, kinds: [] },
  // A text that only defers states no measure of its own: read as such, and the rule decides (requiredMeasure).
  { text: '按上级要求执行', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '服从镇政府的统一安排', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '同黄色预警', action: null, pct: null, kinds: ['defers'], un: [] },
  // The speaker and the lead verb belong to the deferral ("执行" is no measure of its own here).
  { text: '本厂严格执行上级通知', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '执行《金坛区重污染天气应急预案》相关要求', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '我公司严格按照上级要求执行到位。', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '橙色预警：执行一厂一策', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '依照《一厂一策》执行', action: null, pct: null, kinds: ['defers'], un: [] },
  { text: '执行上级统一调度', action: null, pct: null, kinds: ['defers'], un: [] },
  // The grade said of the enterprise, alone: its own reduction.
  { text: '我司为A级企业。', action: 'self', pct: null, kinds: ['self'] },
  // Slips of the input method, read as meant (traditionalForms.ts TYPING_SLIPS).
  { text: '自助减排', action: 'self', pct: null, kinds: ['self'] },
  { text: '已热定产', action: 'exempt', pct: null, kinds: ['heat_based'] },
  { text: '减产三城', action: 'limit', pct: 30, kinds: ['limit'] },
  { text: '该企业不涉及。', action: 'none', pct: null, kinds: ['none'] },
  { text: '限产（按30%执行）', action: 'limit', pct: 30, kinds: ['limit'] },
  // …but a measure said beside whom it follows is the measure.
  { text: '按政府要求限产30%', action: 'limit', pct: 30, kinds: ['limit'] },
  // Never weaker than written: a 停产 haze cannot read whole is still a stop, and the words are kept for a person.
  { text: '停产(除1号线外)', action: 'stop_part', pct: null, kinds: ['other'], un: ['停产(除1号线外)'] },
  // …unless what it keeps running is production: then the part that stops, counted when the text lets it.
  { text: '共5条线，保留2条，其余停产', action: 'stop_part', pct: 60, kinds: ['other'], un: ['共5条线,保留2条,其余停产'] },
  { text: '全厂停产（保留循环水系统运行）', action: 'stop', pct: 100, kinds: ['stop'], un: [] },
  { text: '停产、乱七八糟', action: 'stop', pct: 100, kinds: ['stop', 'other'], un: ['乱七八糟'] },
  {
    text: '乱七八糟、1号窑停产',
    action: 'stop_part',
    pct: null,
    kinds: ['other', 'stop_part'],
    processes: ['1号窑'],
    un: ['乱七八糟'],
  },
  { text: '限产30%，请按实际执行，另行通知', action: 'limit', pct: 30, kinds: ['limit', 'other'], un: ['请按实际执行,另行通知'] },
  { text: '减排30%', action: null, pct: null, kinds: ['other'], un: ['减排30%'] },
  { text: '限产120%', action: 'limit', pct: null, kinds: ['other'], un: ['限产120%'] },
  { text: '由768吨降低到960吨', action: 'limit', pct: null, kinds: ['other'], un: ['由768吨降低到960吨'] },
  { text: '停止喷涂，烘干工序', action: 'stop_part', pct: null, kinds: ['stop_part', 'other'], processes: ['喷涂'], un: ['烘干工序'] },
  { text: 'N/A', action: 'none', pct: null, kinds: ['none'], un: [] },
  { text: '窑炉保温，其余停产', action: 'stop', pct: 100, kinds: ['other'], un: ['窑炉保温,其余停产'] },
  {
    // Two levels in one cell: neither clause is taken as this level's, but the strongest words set the floor.
    text: '黄色预警：限产20%；橙色预警：停产',
    action: 'stop',
    pct: 100,
    kinds: ['other', 'other'],
    un: ['黄色预警:限产20%', '橙色预警:停产'],
  },
  // more real forms
  { text: '长期停产，保持停产状态', action: 'stop', pct: 100, kinds: ['stop', 'stop'] },
  { text: '保障类不停产', action: 'exempt', pct: null, kinds: ['exempt'] },
  {
    text: '保障类不停产，仅供应重点民生工程；停止使用国四及以下重型柴油车运输',
    action: 'exempt',
    pct: null,
    kinds: ['exempt', 'other', 'truck_ban'],
    truck: true,
    un: ['仅供应重点民生工程'],
  },
  { text: '民生豁免，正常生产', action: 'exempt', pct: null, kinds: ['exempt', 'none'] },
  { text: '自主减排；禁止露天切割、喷涂', action: 'self', pct: null, kinds: ['self', 'no_outdoor_spraying'] },
  { text: '自主减排；禁止露天焚烧', action: 'self', pct: null, kinds: ['self', 'activity_ban'], un: [] },
  {
    text: '执行"一厂一策"：停止打磨、喷漆工序',
    action: 'stop_part',
    pct: null,
    kinds: ['stop_part'],
    processes: ['打磨工序', '喷漆工序'],
  },
  { text: '电炉、转炉停产', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['电炉', '转炉'] },
  { text: '停用4条挤出生产线中的2条', action: 'stop_part', pct: 50, kinds: ['stop_part'], processes: ['4条挤出生产线中的2条'] },
  { text: '停用4台定型机中的2台', action: 'stop_part', pct: 50, kinds: ['stop_part'], processes: ['4台定型机中的2台'] },
  { text: '停用4条中的2条生产线', action: 'stop_part', pct: 50, kinds: ['stop_part'], processes: ['4条生产线中的2条'] },
  {
    text: '1.停止焊接、喷涂工序\n2.禁止露天喷涂',
    action: 'stop_part',
    pct: null,
    kinds: ['stop_part', 'no_outdoor_spraying'],
    processes: ['焊接工序', '喷涂工序'],
  },
  { text: 'A级企业自主减排', action: 'self', pct: null, kinds: ['self'] },
  { text: '部分停产', action: 'stop_part', pct: null, kinds: ['stop_part'] },
  { text: '停止喷涂、烘干、打磨工序', action: 'stop_part', pct: null, kinds: ['stop_part'], processes: ['喷涂工序', '烘干工序', '打磨工序'] },
  // The numbered lines named are the plant's (dev corpora): one stopped and the other limited by half, 50 + 25.
  { text: '1号线停产，2号线限产50%', action: 'stop_part', pct: 75, kinds: ['stop_part', 'limit'], processes: ['1号线'] },
  { text: '国四及以下柴油货车禁止进出厂区', action: null, pct: null, kinds: ['truck_ban'], truck: true },
  { text: '厂区内禁止使用国二及以下非道路移动机械', action: null, pct: null, kinds: ['non_road_ban'], nonRoad: true },
  {
    text: '红色预警期间：停产；停止公路运输；禁止使用国二及以下非道路移动机械',
    action: 'stop',
    pct: 100,
    kinds: ['stop', 'road_transport_ban', 'non_road_ban'],
    truck: true,
    road: true,
    nonRoad: true,
  },
];

describe('parseMeasureText: the table of real-style cells', () => {
  test('the table is large enough to mean something', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  test.each(TABLE.map((r) => [r.text, r] as const))('%j', (_text, row) => {
    const got = parseMeasureText(row.text);
    expect({
      action: got.action,
      limitPct: got.limitPct,
      processes: got.processes,
      truckBan: got.truckBan,
      roadTransportBan: got.roadTransportBan,
      nonRoadMachineryBan: got.nonRoadMachineryBan,
      kinds: got.clauses.map((c) => c.kind),
      uninterpreted: got.uninterpreted,
    }).toEqual({
      action: row.action,
      limitPct: row.pct,
      processes: row.processes ?? [],
      truckBan: row.truck ?? false,
      roadTransportBan: row.road ?? false,
      nonRoadMachineryBan: row.nonRoad ?? false,
      kinds: row.kinds,
      uninterpreted: row.un ?? [],
    });
    for (const c of got.clauses) expect(c.interpreted).toBe(c.kind !== 'other');
  });
});

describe('parseMeasureText: clause texts', () => {
  test('clauses come back verbatim after normalisation, in order, without their separators', () => {
    expect(parseMeasureText('１、停产；２、停止使用国四及以下重型柴油车运输。').clauses).toEqual([
      { text: '1、停产', kind: 'stop', interpreted: true, limitPct: 100 },
      { text: '2、停止使用国四及以下重型柴油车运输', kind: 'truck_ban', interpreted: true, limitPct: null },
    ]);
  });

  test('a tonnage limit split by a comma stays one clause', () => {
    expect(parseMeasureText('原料日投料量由960吨，降低到768吨及以下').clauses.map((c) => c.text)).toEqual(['原料日投料量由960吨,降低到768吨及以下']);
  });

  test('pieces that cannot be read stay together as the writer wrote them', () => {
    expect(parseMeasureText('请按实际执行，另行通知；停产').uninterpreted).toEqual(['请按实际执行,另行通知']);
  });

  test('brackets are not cut', () => {
    const got = parseMeasureText('停产(除1号线、2号线外)；限产30%');
    expect(got.clauses.map((c) => c.text)).toEqual(['停产(除1号线、2号线外)', '限产30%']);
    // The unread stop is a floor, and the lines it keeps make it a part stopping; the words are shown to the inspector.
    expect([got.action, got.uninterpreted]).toEqual(['stop_part', ['停产(除1号线、2号线外)']]);
  });
});

describe('normaliseText', () => {
  test.each([
    ['限产３０％', '限产30%'],
    ['限产 30 %', '限产30%'],
    ['  停产  ', '停产'],
    ['Ａ级（民生）；Ｂ', 'A级(民生);B'],
    ['停产\r\n\r\n  限产', '停产\n限产'],
    ['停产\u3000限产', '停产 限产'],
    ['限产30%  停止喷涂', '限产30% 停止喷涂'],
    ['1 号窑', '1号窑'],
    ['Euro  IV', 'Euro IV'],
    ['\ufeff停产\u200b', '停产'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('parseMeasureText: properties', () => {
  const SEPARATORS = /[;。\n!?,、\s]/g;
  const squeeze = (s: string): string => s.replace(SEPARATORS, '');

  /** Pieces real cells are made of, and random text from the same alphabet. */
  const known = fc.constantFrom(...TABLE.map((r) => r.text).filter((t) => t.trim() !== ''));
  const alphabet = fc.constantFrom(
    ...'停产限止用窑炉号线条中的由到降低吨正常控制在以内国四五及下重型柴油车运输禁露天喷涂自主减排保障无—%0123456789()（）、，；AaB- '.split(''),
  );
  const garbage = fc.string({ unit: alphabet, maxLength: 30 });
  const separator = fc.constantFrom('；', ';', '，', ',', '、', '\n', '。', ' ', '\r\n');
  const cell = fc
    .array(fc.tuple(fc.oneof(known, garbage), separator), { maxLength: 8 })
    .map((parts) => ({ parts: parts.map(([p]) => p), text: parts.map(([p, s]) => p + s).join('') }));

  test('never throws on any string, and every character outside separators is kept', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), garbage), (text) => {
        const got = parseMeasureText(text);
        expect(squeeze(got.clauses.map((c) => c.text).join(''))).toBe(squeeze(normaliseText(text)));
        expect(got.uninterpreted).toEqual(got.clauses.filter((c) => !c.interpreted).map((c) => c.text));
      }),
      { numRuns: 500 },
    );
  });

  test('every non-empty clause of the input appears in a clause', () => {
    fc.assert(
      fc.property(cell, ({ parts, text }) => {
        const got = parseMeasureText(text);
        const texts = got.clauses.map((c) => c.text);
        expect(squeeze(texts.join(''))).toBe(squeeze(normaliseText(text)));
        for (const part of parts) {
          const n = normaliseText(part);
          // A part that itself contains separators, or a (2)/② that starts a new measure, may be cut.
          // A part that ends in "(1" may become "(2)"-style numbering with the next part's ")"; one that ends in a
          // number before "、" may become "5、"-style numbering, which keeps the space before it ("停 5、停产").
          if (/\d$/.test(n) && /\s\d+$/.test(part)) continue;
          // A slash alone may separate two measures ("停产 / 限产"), as a line break would.
          if (n === '' || n === '/' || /[;。\n!?,、\s]/.test(n) || /.(?:\(\d{1,2}\)|[①-⑳])/.test(n) || /\(\d{0,2}$/.test(n)) continue;
          // An unclosed bracket runs on to the end of the cell; the part is still in one clause.
          expect(texts.some((t) => t.includes(n))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('an action is stated by an interpreted clause, by the words of the unread ones (the floor) or by a named whole-text rule, never from nothing', () => {
    fc.assert(
      fc.property(cell, ({ text }) => {
        const got = parseMeasureText(text);
        const interpretedKinds = got.clauses.filter((c) => c.interpreted).map((c) => c.kind);
        if (got.action === null) {
          expect(interpretedKinds.filter((k) => ['stop', 'stop_part', 'limit', 'self', 'exempt', 'heat_based', 'none'].includes(k))).toEqual([]);
        } else {
          expect(interpretedKinds.length > 0 || got.floor.action !== null || got.wholeText !== null).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
