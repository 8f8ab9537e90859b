#!/usr/bin/env node
/**
 * Generates data/xuebu/enterprises.csv: the invented emergency emission-reduction list (应急减排清单)
 * of the sample town 薛埠镇 (金坛区, 常州市). Plain Node ESM, no dependencies, fixed-seed PRNG:
 * re-running it writes the same bytes.
 *
 *   node bench/gen-xuebu.mjs            # writes data/xuebu/enterprises.csv
 *   node bench/gen-xuebu.mjs -          # writes the CSV to stdout
 *
 * What is real and what is invented: the town, most village names and the rule tables are real
 * (see docs/domain.md §3, §4, §8); every enterprise, name, person, phone number, credit code
 * and emission figure is invented. Village centres are approximate, placed by hand around the town
 * centre (the town bus station's Baidu point converted BD-09 → GCJ-02 → WGS-84).
 *
 * The industry table below fixes, per industry, the grades and the villages of its enterprises, so the
 * counts per grade and per village are chosen, not drawn; the PRNG picks names, people, phones,
 * positions, emissions, truck trips and the wording of each measure.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20191208; // the seed case: orange from 2019-12-08 14:00

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32 (public domain). Only this PRNG is used; no Math.random, no clock.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Reset by generate(): every run starts from the same seed. */
let rand = mulberry32(SEED);
const between = (lo, hi) => lo + (hi - lo) * rand();
const intBetween = (lo, hi) => Math.floor(between(lo, hi + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// ---------------------------------------------------------------------------------------------
// Coordinates: Baidu BD-09 → GCJ-02 → WGS-84 with the standard (public) formulas.
const X_PI = (Math.PI * 3000.0) / 180.0;
const A = 6378245.0; // Krasovsky 1940 semi-major axis used by GCJ-02
const EE = 0.00669342162296594323; // its eccentricity squared

export function bd09ToGcj02(lon, lat) {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

function transformLat(x, y) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}
function transformLon(x, y) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}
export function wgs84ToGcj02(lon, lat) {
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
/** GCJ-02 → WGS-84 by fixed-point iteration on the forward transform (error well under 1 cm). */
export function gcj02ToWgs84(lon, lat) {
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    const dLon = gLon - lon;
    const dLat = gLat - lat;
    wLon -= dLon;
    wLat -= dLat;
    if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return [wLon, wLat];
}
export const bd09ToWgs84 = (lon, lat) => gcj02ToWgs84(...bd09ToGcj02(lon, lat));

// Town bus station (薛埠汽车站), Baidu BD-09 point from domain.md §8.
const BUS_STATION_BD09 = [119.3859, 31.7287];
const [busLon, busLat] = bd09ToWgs84(...BUS_STATION_BD09);
// The town government (the patrols' base) is placed ~150 m north-west of the bus station.
export const BASE = { lon: round6(busLon - 0.0012), lat: round6(busLat + 0.0008) };
// The cement plant in 夏桥村 (domain.md §8), BD-09 → WGS-84: the centre of 夏桥村 below.
const [xqLon, xqLat] = bd09ToWgs84(119.4091, 31.7321);

const KM_PER_DEG_LAT = 110.95;
const KM_PER_DEG_LON = 111.32 * Math.cos((31.73 * Math.PI) / 180);

/**
 * Village centres as (east, north) km from the base, placed by hand: 茅山 hills to the west and
 * south-west (few enterprises, tea and lime), the industrial park right by the town centre, building
 * materials to the east (夏桥、东窑、罗村、上阮), garments and furniture to the north.
 * radius: scatter of enterprises around the centre, km.
 */
const VILLAGES = {
  薛埠现代产业园: { dx: 1.5, dy: -1.1, radius: 0.7, roads: ['园区大道', '振业路', '兴园路', '科创路', '汇丰路'] },
  夏桥村: { dx: (xqLon - BASE.lon) * KM_PER_DEG_LON, dy: (xqLat - BASE.lat) * KM_PER_DEG_LAT, radius: 0.8, roads: ['夏桥路', '建材路'] },
  东进村: { dx: 2.0, dy: 2.4, radius: 0.8, roads: ['东进路', '富民路'] },
  东窑村: { dx: 5.2, dy: 1.4, radius: 0.8, roads: ['东窑路', '窑场路'] },
  赤岗村: { dx: 5.6, dy: 4.6, radius: 0.8, roads: ['赤岗路', '陶业路'] },
  罗村村: { dx: 5.4, dy: -1.9, radius: 0.8, roads: ['罗村路', '工业路'] },
  上阮村: { dx: 3.0, dy: -3.9, radius: 0.8, roads: ['上阮路', '南环路'] },
  塘马村: { dx: 0.9, dy: -5.2, radius: 0.8, roads: ['塘马路', '红色路'] },
  致和村: { dx: 0.5, dy: -2.6, radius: 0.8, roads: ['致和路', '南环路'] },
  花山村: { dx: -2.2, dy: -5.6, radius: 0.8, roads: ['花山路', '山林路'] },
  连山村: { dx: -1.9, dy: -2.1, radius: 0.8, roads: ['连山路', '西环路'] },
  丫髻村: { dx: -5.2, dy: -5.3, radius: 0.8, roads: ['丫髻路'] },
  方山村: { dx: -5.6, dy: -2.2, radius: 0.8, roads: ['方山路'] },
  方麓村: { dx: -3.9, dy: 0.3, radius: 0.8, roads: ['方麓路', '西环路'] },
  茅麓村: { dx: -6.6, dy: 2.6, radius: 0.8, roads: ['茅麓路'] },
  西阳村: { dx: -3.0, dy: 3.1, radius: 0.8, roads: ['西阳路', '茅山大道'] },
  茅庵村: { dx: -5.6, dy: 5.2, radius: 0.8, roads: ['茅庵路'] },
  仙姑村: { dx: -2.6, dy: 6.6, radius: 0.8, roads: ['仙姑路', '茅山大道'] },
  石马村: { dx: -0.5, dy: 3.1, radius: 0.8, roads: ['石马路', '茅山大道'] },
  彭城村: { dx: 0.6, dy: 6.1, radius: 0.8, roads: ['彭城路', '北环路'] },
  对达村: { dx: 3.1, dy: 7.6, radius: 0.8, roads: ['对达路', '北环路'] },
};

// ---------------------------------------------------------------------------------------------
// The industry table. grades[i] and villages[i] describe the i-th enterprise of the industry.
// em: annual tonnes [lo, hi] per pollutant (0 = does not emit it); trucks: [lo, hi] trips a day.
// kind: measure family (see measuresFor).
const PARK = '薛埠现代产业园';
const INDUSTRIES = [
  {
    industry: '水泥熟料',
    kind: 'cement',
    trucks: [60, 160],
    em: { so2: [20, 80], nox: [150, 600], pm: [20, 80], vocs: [0, 0] },
    grades: ['A', 'B', 'C', 'D'],
    villages: ['夏桥村', '上阮村', '罗村村', '东窑村'],
    names: [
      ['金坛', '水泥有限公司'],
      ['常州', '水泥有限公司'],
      ['江苏', '水泥有限公司'],
      ['常州市金坛区', '水泥有限公司'],
    ],
  },
  {
    industry: '水泥粉磨站',
    kind: 'grinding',
    trucks: [20, 60],
    lines: 2,
    feed: [960, 960], // t/d of clinker and gypsum
    em: { so2: [0.1, 2], nox: [0.5, 5], pm: [3, 18], vocs: [0, 0] },
    grades: ['B', 'B-', 'C', 'D', 'C'],
    villages: ['夏桥村', '夏桥村', '东窑村', '罗村村', '上阮村'],
    names: [
      ['常州市金坛区', '建材有限公司'],
      ['金坛', '水泥粉磨有限公司'],
      ['常州', '建材有限公司'],
    ],
    parts: ['停用2台水泥磨中的1台', '停止粉磨工序'],
  },
  {
    industry: '商品混凝土',
    kind: 'concrete',
    trucks: [30, 90],
    em: { so2: [0, 0], nox: [0, 0], pm: [0.5, 4], vocs: [0, 0] },
    grades: ['保障类', '保障类', '保障类'],
    villages: ['夏桥村', PARK, '塘马村'],
    names: [
      ['常州市金坛区', '混凝土有限公司'],
      ['金坛', '新型建材有限公司'],
      ['常州', '商品混凝土有限公司'],
    ],
  },
  {
    industry: '砖瓦窑',
    kind: 'kiln',
    trucks: [10, 35],
    lines: 2,
    em: { so2: [5, 40], nox: [5, 30], pm: [2, 15], vocs: [0, 0] },
    grades: ['C', 'D', 'D（长期停产）', 'C', 'B-'],
    villages: ['东窑村', '东窑村', '连山村', '赤岗村', '连山村'],
    names: [
      ['常州市金坛区薛埠', '新型墙体材料有限公司'],
      ['金坛', '砖瓦有限公司'],
      ['常州市金坛区', '建材有限公司'],
    ],
    parts: ['1号隧道窑停产', '停止轮窑焙烧', '1号窑停产'],
  },
  {
    industry: '石灰窑',
    kind: 'kiln',
    trucks: [12, 40],
    lines: 2,
    em: { so2: [3, 20], nox: [10, 60], pm: [5, 25], vocs: [0, 0] },
    grades: ['D', 'C', '地方C'],
    villages: ['方山村', '方麓村', '丫髻村'],
    names: [
      ['常州市金坛区', '钙业有限公司'],
      ['金坛', '石灰有限公司'],
      ['常州', '钙业有限公司'],
    ],
    parts: ['1号窑停产', '2号石灰窑停产'],
  },
  {
    industry: '建筑陶瓷',
    kind: 'ceramic',
    trucks: [10, 30],
    lines: 2,
    em: { so2: [5, 30], nox: [20, 80], pm: [5, 20], vocs: [0.5, 3] },
    grades: ['B', 'C', 'D'],
    villages: ['赤岗村', '赤岗村', '东窑村'],
    names: [
      ['常州市金坛区', '陶瓷有限公司'],
      ['江苏', '陶瓷科技有限公司'],
      ['金坛', '瓷业有限公司'],
    ],
    parts: ['停用2条辊道窑生产线中的1条', '喷雾干燥塔停用'],
  },
  {
    industry: '化学药品原料药制造',
    kind: 'chem',
    trucks: [3, 14],
    em: { so2: [0.1, 2], nox: [0.5, 5], pm: [0.2, 2], vocs: [5, 40] },
    grades: ['A', 'B', 'B', 'B-', 'C', 'C', '保障类', '民生豁免-B'],
    villages: [PARK, PARK, PARK, PARK, PARK, '致和村', PARK, '东进村'],
    names: [
      ['江苏', '药业有限公司'],
      ['常州', '制药有限公司'],
      ['江苏', '生物医药科技有限公司'],
      ['常州市金坛区', '医药化工有限公司'],
    ],
    parts: ['停止合成、精制工序', '停止3号车间生产', '停止溶剂回收以外的合成工序'],
  },
  {
    industry: '涂料制造',
    kind: 'chem',
    trucks: [2, 12],
    em: { so2: [0, 0], nox: [0, 0.5], pm: [0.1, 1], vocs: [2, 25] },
    grades: ['A', 'B', 'B-', 'C', 'D'],
    villages: [PARK, PARK, PARK, PARK, '罗村村'],
    names: [
      ['常州', '涂料有限公司'],
      ['江苏', '新材料科技有限公司'],
      ['常州市金坛区', '涂料化工有限公司'],
    ],
    parts: ['停止调漆、分散工序', '停止投料'],
  },
  {
    industry: '化工',
    kind: 'chem',
    trucks: [4, 25],
    em: { so2: [0.5, 10], nox: [1, 15], pm: [0.5, 5], vocs: [3, 40] },
    grades: ['A', 'B', 'B', 'B-', 'C', 'C', 'C', 'D', 'D', '地方C'],
    villages: [PARK, PARK, PARK, PARK, PARK, PARK, PARK, '罗村村', '夏桥村', '上阮村'],
    names: [
      ['江苏', '化工有限公司'],
      ['常州', '化学有限公司'],
      ['常州市金坛区', '化工有限公司'],
      ['江苏', '新材料有限公司'],
    ],
    parts: ['停止合成车间生产', '停止反应釜投料', '停止2号车间生产'],
  },
  {
    industry: '纺织印染',
    kind: 'dye',
    trucks: [2, 9],
    lines: 4,
    em: { so2: [0.5, 5], nox: [2, 10], pm: [0.5, 3], vocs: [1, 8] },
    grades: ['引领性', 'B', 'B-', 'C', 'C', 'D'],
    villages: ['东进村', '彭城村', '石马村', '东进村', '致和村', PARK],
    names: [
      ['常州市金坛区', '印染有限公司'],
      ['江苏', '纺织科技有限公司'],
      ['常州', '纺织印染有限公司'],
    ],
    parts: ['停止定型机生产', '停用4台定型机中的2台', '停止印花、定型工序'],
  },
  {
    industry: '服装加工',
    kind: 'garment',
    trucks: [0, 3],
    em: { so2: [0, 0], nox: [0, 0], pm: [0, 0.05], vocs: [0, 0.3] },
    grades: Array(12).fill('非分级'),
    villages: ['彭城村', '彭城村', '石马村', '石马村', '东进村', '东进村', '致和村', '对达村', '仙姑村', '塘马村', '连山村', '西阳村'],
    names: [
      ['常州市金坛区', '服饰有限公司'],
      ['常州市金坛区薛埠', '制衣有限公司'],
      ['金坛', '服装有限公司'],
      ['常州', '服饰有限公司'],
    ],
  },
  {
    industry: '机械加工',
    kind: 'machining',
    trucks: [0, 4],
    em: { so2: [0, 0], nox: [0, 0], pm: [0.01, 0.5], vocs: [0.05, 1.5] },
    grades: [
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      '非分级',
      'B',
      'B',
      'B',
      'B-',
      'B-',
      'C',
      'C',
      'C',
      'D',
      'D',
    ],
    villages: [
      PARK,
      PARK,
      PARK,
      '东进村',
      '石马村',
      '致和村',
      '彭城村',
      '连山村',
      '塘马村',
      '西阳村',
      '致和村',
      PARK,
      '上阮村',
      '连山村',
      '石马村',
      '塘马村',
      '罗村村',
      '对达村',
      '上阮村',
      '夏桥村',
    ],
    names: [
      ['常州市金坛区', '机械有限公司'],
      ['常州', '精密机械有限公司'],
      ['江苏', '机械制造有限公司'],
      ['常州市金坛区', '五金制品有限公司'],
    ],
    parts: ['停止喷漆工序', '停止焊接、喷涂工序'],
  },
  {
    industry: '铸造',
    kind: 'foundry',
    trucks: [3, 12],
    em: { so2: [0.2, 3], nox: [0.5, 5], pm: [1, 10], vocs: [0.2, 3] },
    grades: ['B', 'B-', 'C', 'C', 'D', 'D（长期停产）'],
    villages: [PARK, PARK, '罗村村', '上阮村', '东窑村', '连山村'],
    names: [
      ['常州市金坛区', '铸造有限公司'],
      ['常州', '铸业有限公司'],
      ['金坛', '精密铸造有限公司'],
    ],
    parts: ['熔炼炉停用', '中频炉停用', '停止浇注、制芯工序'],
  },
  {
    industry: '工业涂装',
    kind: 'coating',
    trucks: [1, 7],
    em: { so2: [0, 0], nox: [0, 0.3], pm: [0.1, 1.5], vocs: [1, 30] },
    grades: ['A', '引领性', 'B', 'B', 'B', 'B-', 'C', 'C', 'C', 'D', 'D', 'D'],
    villages: [PARK, PARK, PARK, '上阮村', '东进村', PARK, '致和村', '连山村', '石马村', '罗村村', '彭城村', '对达村'],
    names: [
      ['常州', '金属制品有限公司'],
      ['江苏', '电器有限公司'],
      ['常州市金坛区', '汽车零部件有限公司'],
      ['常州', '钢结构有限公司'],
    ],
    parts: ['停止喷涂工序', '停止调漆、喷涂工序', '停止喷漆、烘干工序'],
  },
  {
    industry: '包装印刷',
    kind: 'printing',
    trucks: [1, 6],
    em: { so2: [0, 0], nox: [0, 0], pm: [0, 0.3], vocs: [1, 30] },
    grades: ['A', 'B', 'B', 'C', 'C', 'D', 'D', '民生豁免-B'],
    villages: [PARK, PARK, '彭城村', '致和村', '石马村', '致和村', '塘马村', '东进村'],
    names: [
      ['常州', '包装有限公司'],
      ['常州市金坛区', '印务有限公司'],
      ['金坛', '彩印有限公司'],
      ['江苏', '包装科技有限公司'],
    ],
    parts: ['停止印刷、复合工序', '停用2台凹版印刷机中的1台', '停止覆膜工序'],
  },
  {
    industry: '家具制造',
    kind: 'furniture',
    trucks: [1, 5],
    em: { so2: [0, 0], nox: [0, 0], pm: [0.2, 2], vocs: [1, 30] },
    grades: ['引领性', 'B', 'B', 'B-', 'C', 'C', 'C', 'D', 'D', 'D'],
    villages: ['对达村', '对达村', '塘马村', '塘马村', '花山村', '西阳村', '仙姑村', '彭城村', '石马村', '连山村'],
    names: [
      ['常州市金坛区', '家具有限公司'],
      ['金坛', '木业有限公司'],
      ['常州', '家具制造有限公司'],
    ],
    parts: ['停止喷涂工序', '停止调漆、喷涂工序', '停止打磨、喷漆工序'],
  },
  {
    industry: '茶叶加工',
    kind: 'tea',
    trucks: [0, 2],
    em: { so2: [0.01, 0.3], nox: [0.05, 0.5], pm: [0.05, 0.8], vocs: [0, 0] },
    grades: Array(8).fill('非分级'),
    villages: ['茅麓村', '茅庵村', '仙姑村', '方山村', '丫髻村', '花山村', '方麓村', '茅庵村'],
    names: [
      ['常州市金坛区', '茶业有限公司'],
      ['金坛', '茶叶有限公司'],
      ['常州', '生态茶业有限公司'],
    ],
  },
  {
    industry: '木材加工',
    kind: 'wood',
    trucks: [2, 8],
    em: { so2: [0, 0.5], nox: [0, 1], pm: [0.5, 5], vocs: [0.5, 8] },
    grades: ['B', 'B-', 'C', 'C', 'D', 'D', '非分级', '非分级'],
    villages: ['花山村', '塘马村', '西阳村', '对达村', '方麓村', '仙姑村', '茅麓村', '花山村'],
    names: [
      ['常州市金坛区', '木业有限公司'],
      ['金坛', '板业有限公司'],
      ['常州', '木制品有限公司'],
    ],
    parts: ['停止热压工序', '停止砂光、锯切工序'],
  },
  {
    industry: '热力供应',
    kind: 'heat',
    trucks: [8, 20],
    em: { so2: [5, 30], nox: [10, 50], pm: [2, 10], vocs: [0, 0] },
    grades: ['保障类', '保障类'],
    villages: [PARK, '罗村村'],
    names: [
      ['常州市金坛区', '热力有限公司'],
      ['金坛', '热电有限公司'],
    ],
  },
  {
    industry: '危险废物处置',
    kind: 'waste',
    trucks: [3, 10],
    em: { so2: [2, 15], nox: [5, 30], pm: [1, 5], vocs: [0.5, 5] },
    grades: ['保障类', '保障类'],
    villages: [PARK, '上阮村'],
    names: [
      ['江苏', '环保科技有限公司'],
      ['常州', '固废处置有限公司'],
    ],
  },
  {
    industry: '塑料制品',
    kind: 'plastic',
    trucks: [1, 5],
    lines: 4,
    em: { so2: [0, 0], nox: [0, 0], pm: [0.1, 1], vocs: [0.5, 8] },
    grades: ['B', 'B', 'B-', 'C', 'C', 'C', 'D', 'D', '非分级', '非分级'],
    villages: [PARK, '塘马村', PARK, '东进村', '致和村', '致和村', '石马村', '赤岗村', '对达村', '连山村'],
    names: [
      ['常州市金坛区', '塑业有限公司'],
      ['常州', '塑胶制品有限公司'],
      ['江苏', '塑料科技有限公司'],
    ],
    parts: ['停止注塑工序', '停用4条挤出生产线中的2条'],
  },
];

// ---------------------------------------------------------------------------------------------
// Measure texts (黄色/橙色/红色预警措施), written the way real lists write them (domain.md §3–§4).
const TRUCK_BAN = '停止使用国四及以下重型柴油车运输';
const NO_ROAD = '停止公路运输';
const NO_VENT = '禁止开停车、检修放空';
const NO_OPEN_SPRAY = '禁止露天喷涂';
const STOP = ['停产', '全厂停产', '停止生产', '停产'];
const VOC_CHEM = new Set(['chem']);
const SPRAY = new Set(['coating', 'furniture', 'machining']);

const join2 = (...xs) => xs.filter(Boolean).join('；');

function cementMeasures(base) {
  switch (base) {
    case 'A':
      return { yellow: '自主减排', orange: '自主减排', red: '自主减排' };
    case 'B':
      return { yellow: TRUCK_BAN, orange: join2('限产20%', TRUCK_BAN), red: join2('停产', TRUCK_BAN) };
    case 'C':
      return { yellow: join2('停止50%生产线', TRUCK_BAN), orange: join2('停产', TRUCK_BAN), red: join2('停产', TRUCK_BAN) };
    case 'D':
      return { yellow: join2('停产', NO_ROAD), orange: join2('停产', NO_ROAD), red: join2('停产', NO_ROAD) };
    default:
      throw new Error(`cement grade ${base}`);
  }
}

function feedText(ind) {
  const f = Math.round(between(...ind.feed) / 10) * 10;
  return `原料日投料量由${f}吨降低到${Math.round(f * 0.8)}吨及以下`;
}

/** grade → { yellow, orange, red } for graded industries other than cement. */
function gradedMeasures(ind, base, tags, heavy) {
  const part = () => pick(ind.parts ?? ['停止主要产污工序']);
  const lineHalf = ind.lines ? `停用${ind.lines}条生产线中的${ind.lines / 2}条` : '停止50%生产线';
  const extraOrange = VOC_CHEM.has(ind.kind) ? NO_VENT : SPRAY.has(ind.kind) && rand() < 0.5 ? NO_OPEN_SPRAY : '';
  const truck = heavy ? TRUCK_BAN : '';
  if (base === 'A' || base === '引领性') {
    const o = VOC_CHEM.has(ind.kind) && rand() < 0.5 ? join2('自主减排', NO_VENT) : '自主减排';
    return { yellow: '自主减排', orange: o, red: o };
  }
  if (tags.includes('民生豁免')) {
    return { yellow: '民生豁免，正常生产', orange: join2('民生豁免，正常生产', TRUCK_BAN), red: join2('民生豁免，正常生产', TRUCK_BAN) };
  }
  if (base === 'B') {
    const y = heavy ? TRUCK_BAN : pick(['自主减排', '限产10%', '限产10%']);
    const oCore = ind.feed ? feedText(ind) : pick(['限产20%', '限产20%', '限产 20 %', '压减产量两成', '降低负荷20%']);
    const rCore = pick(['限产30%', '限产50%', '停产', `${part()}`, '压减产量五成']);
    return { yellow: y, orange: join2(oCore, extraOrange, truck), red: join2(rCore, truck) };
  }
  if (base === 'B-') {
    const y = join2(pick(['限产10%', '限产20%', '限产20%']), truck);
    const oCore = pick(['限产30%', '限产 30 %', '压减产量三成', '限产30%', lineHalf]);
    const rCore = oCore === lineHalf ? pick(['停产', '停止生产']) : pick(['停产', '停止生产', '限产50%']);
    return { yellow: y, orange: join2(oCore, extraOrange, truck), red: join2(rCore, truck) };
  }
  if (base === 'C') {
    const y = join2(pick(['停止50%生产线', '限产30%', lineHalf, part()]), truck);
    const o = rand() < 0.3 && ind.parts ? join2(part(), extraOrange, truck) : join2(pick(STOP), truck);
    const r = join2(pick(STOP), truck);
    return { yellow: y, orange: o, red: r };
  }
  if (base === 'D') {
    if (tags.includes('长期停产')) {
      const t = '长期停产，保持停产状态';
      return { yellow: t, orange: t, red: t };
    }
    const s = pick(STOP);
    const t = heavy ? join2(s, NO_ROAD) : s;
    return { yellow: t, orange: t, red: t };
  }
  throw new Error(`grade ${base}`);
}

/** 非分级 (一厂一策): small enterprises outside the graded industries. */
function unratedMeasures(ind, index) {
  switch (ind.kind) {
    case 'garment':
      return { yellow: '自主减排', orange: '自主减排', red: pick(['自主减排', '停止熨烫定型工序', '停止熨烫定型工序']) };
    case 'tea':
      return { yellow: '自主减排', orange: join2('自主减排', '禁止露天焚烧'), red: pick(['停用燃柴炒茶灶', '停止炒制、烘干工序']) };
    case 'machining':
      // Two of the small machine shops paint in the open air: their plan stops painting from orange on.
      if (index === 1 || index === 6) {
        return { yellow: NO_OPEN_SPRAY, orange: pick(['停止喷漆工序', '停止喷涂工序']), red: join2('停止喷漆、焊接工序', '限产30%') };
      }
      return {
        yellow: '自主减排',
        orange: pick(['禁止露天切割、喷涂', '自主减排；禁止露天切割、喷涂']),
        red: pick(['停止喷漆、焊接工序', '限产30%', '停止焊接工序']),
      };
    case 'wood':
      return { yellow: '自主减排', orange: join2('自主减排', '禁止露天作业'), red: pick(['停止砂光、锯切工序', '停止热压工序']) };
    case 'plastic':
      return { yellow: '自主减排', orange: '自主减排', red: pick(['停止注塑工序', '限产30%']) };
    default:
      throw new Error(`非分级 ${ind.kind}`);
  }
}

function guaranteeMeasures(ind, heavy) {
  const truck = heavy ? TRUCK_BAN : '';
  switch (ind.kind) {
    case 'concrete':
      return {
        yellow: join2('保障类不停产', TRUCK_BAN),
        orange: join2('保障类不停产，仅供应重点民生工程', TRUCK_BAN),
        red: join2('保障类不停产，仅供应重点民生工程及抢险工程', TRUCK_BAN),
      };
    case 'heat':
      return { yellow: '以热定产', orange: join2('以热定产', truck), red: join2('以热定产', truck) };
    case 'waste':
    case 'chem':
      return { yellow: '保障类不停产', orange: join2('保障类不停产', NO_VENT), red: join2('保障类不停产', NO_VENT) };
    default:
      throw new Error(`保障类 ${ind.kind}`);
  }
}

/** Split a grade cell into its base grade and tags: 'D（长期停产）' → D + 长期停产. */
function gradeParts(cell) {
  if (cell === '民生豁免-B') return { base: 'B', tags: ['民生豁免'] };
  if (cell === '地方C') return { base: 'C', tags: ['地方'] };
  if (cell === 'D（长期停产）') return { base: 'D', tags: ['长期停产'] };
  return { base: cell, tags: [] };
}

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015), with a valid organisation code (GB 11714-1997) inside.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CREDIT_CHARSET[c === 31 ? 0 : c];
}
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCheckChar(body8) {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55; // A = 10
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
const ORG_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY'; // letters valid in both code sets
function orgCode() {
  let body;
  if (rand() < 0.35) {
    // registered after 2015: MA + 6 characters
    body = 'MA';
    for (let i = 0; i < 6; i++) body += rand() < 0.7 ? String(intBetween(0, 9)) : pick([...ORG_LETTERS]);
  } else {
    body = pick(['6', '7', '0', '5']);
    for (let i = 0; i < 7; i++) body += String(intBetween(0, 9));
  }
  return body + orgCheckChar(body);
}
function creditCode() {
  const first17 = '91' + '320413' + orgCode();
  return first17 + creditCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------
// People, phones, names.
const SURNAMES = [...'王张李陈周吴徐朱孙钱蒋沈许汤史袁潘葛于戴谢曹冯储虞华丁汪殷邵芮诸贡'];
const GIVEN = [...'建国明华志强伟军平红霞芳勇杰斌敏丽俊峰海涛新春福林秀英玉兰金宝荣德忠云亮晓东卫庆国卿祥鹏宇辉琴燕'];
function personName() {
  const s = pick(SURNAMES);
  if (rand() < 0.25) return s + pick(GIVEN);
  const a = pick(GIVEN);
  let b = pick(GIVEN);
  while (b === a) b = pick(GIVEN);
  return s + a + b;
}
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '187',
  '188',
  '189',
];
const usedPhones = new Set();
function phone() {
  for (;;) {
    let p = pick(PHONE_PREFIXES);
    for (let i = 0; i < 8; i++) p += String(intBetween(0, 9));
    if (/(\d)\1\1\1/.test(p) || /0123|1234|2345|3456|4567|5678|6789/.test(p) || usedPhones.has(p)) continue;
    usedPhones.add(p);
    return p;
  }
}
const BRANDS = [
  '永盛',
  '鑫源',
  '华瑞',
  '丰达',
  '天晟',
  '润泰',
  '恒裕',
  '顺发',
  '嘉禾',
  '宏图',
  '瑞丰',
  '金诚',
  '长茂',
  '联创',
  '新宇',
  '博远',
  '盛邦',
  '德康',
  '汇通',
  '安泰',
  '凯航',
  '茂林',
  '方圆',
  '东升',
  '卓越',
  '佳利',
  '银河',
  '环宇',
  '正大',
  '同创',
  '广益',
  '鼎盛',
  '华信',
  '中裕',
  '荣昌',
  '亿达',
  '信诚',
  '众合',
  '明珠',
  '龙腾',
  '百川',
  '锦程',
  '隆泰',
  '聚丰',
  '兴旺',
  '康宁',
  '国盛',
  '晨光',
  '远航',
  '天元',
  '金鹰',
  '宝丰',
  '恒通',
  '华成',
  '立信',
  '宏达',
  '茂源',
  '振华',
  '丰源',
  '泰和',
  '裕丰',
  '永兴',
  '新源',
  '金阳',
  '友邦',
  '双鹿',
  '山泉',
  '青峰',
  '翠岭',
  '云雾',
  '绿源',
  '润禾',
  '嘉诚',
  '瑞祥',
  '和泰',
  '汇丰',
  '金泰',
  '明达',
  '富康',
  '昌盛',
];
const usedNames = new Set(); // brand + industry: a brand is used once per industry
function companyName(ind) {
  for (;;) {
    const [prefix, suffix] = pick(ind.names);
    const brand = pick(BRANDS);
    const name = prefix + brand + suffix;
    if (!usedNames.has(name) && !usedNames.has(`${brand}|${ind.industry}`)) {
      usedNames.add(name);
      usedNames.add(`${brand}|${ind.industry}`);
      return name;
    }
  }
}

// ---------------------------------------------------------------------------------------------
function round6(x) {
  return Math.round(x * 1e6) / 1e6;
}
function fmtNum(x) {
  return String(Math.round(x * 1000) / 1000);
}
function emission([lo, hi]) {
  if (hi === 0) return '0';
  const v = between(lo, hi);
  // big sources are reported to 1–2 decimals, small ones to 3
  return fmtNum(v >= 10 ? Math.round(v * 10) / 10 : v >= 1 ? Math.round(v * 100) / 100 : v);
}

function place(village) {
  const v = VILLAGES[village];
  if (!v) throw new Error(`no centre for ${village}`);
  const r = v.radius * Math.sqrt(rand());
  const t = 2 * Math.PI * rand();
  const dx = v.dx + r * Math.cos(t);
  const dy = v.dy + r * Math.sin(t);
  return { lon: round6(BASE.lon + dx / KM_PER_DEG_LON), lat: round6(BASE.lat + dy / KM_PER_DEG_LAT) };
}

const usedAddresses = new Set();
function address(village) {
  const v = VILLAGES[village];
  for (;;) {
    const a =
      rand() < 0.15 && village !== PARK
        ? `薛埠镇${village}${pick(['一', '二', '三', '四', '五', '六', '七', '八'])}组${intBetween(1, 60)}号`
        : `薛埠镇${village}${pick(v.roads)}${intBetween(1, 199)}号`;
    if (!usedAddresses.has(a)) {
      usedAddresses.add(a);
      return a;
    }
  }
}

// ---------------------------------------------------------------------------------------------
const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '镇街',
  '村社区',
  '详细地址',
  '行业类别',
  '绩效等级',
  '联系人',
  '联系电话',
  '经度',
  '纬度',
  'SO2排放量',
  'NOx排放量',
  '颗粒物排放量',
  'VOCs排放量',
  '日均货车车次',
  '黄色预警措施',
  '橙色预警措施',
  '红色预警措施',
];

function buildRows() {
  const rows = [];
  const usedCodes = new Set();
  for (const ind of INDUSTRIES) {
    if (ind.grades.length !== ind.villages.length) throw new Error(`${ind.industry}: grades and villages differ in length`);
    ind.grades.forEach((gradeCell, i) => {
      const village = ind.villages[i];
      let code;
      do code = creditCode();
      while (usedCodes.has(code));
      usedCodes.add(code);
      const name = companyName(ind);
      const { base, tags } = gradeParts(gradeCell);
      const pt = place(village);
      const em = {
        so2: emission(ind.em.so2),
        nox: emission(ind.em.nox),
        pm: emission(ind.em.pm),
        vocs: emission(ind.em.vocs),
      };
      // big chemical plants are 用车大户 too
      let trips = intBetween(...ind.trucks);
      if (tags.includes('长期停产')) trips = 0;
      const heavy = trips >= 10;
      let m;
      if (ind.kind === 'cement') m = cementMeasures(base);
      else if (base === '保障类') m = guaranteeMeasures(ind, heavy);
      else if (base === '非分级') m = unratedMeasures(ind, i);
      else m = gradedMeasures(ind, base, tags, heavy);
      rows.push({
        code,
        name,
        village,
        address: address(village),
        industry: ind.industry,
        grade: gradeCell,
        base,
        kind: ind.kind,
        contact: personName(),
        phone: phone(),
        lon: pt.lon.toFixed(6),
        lat: pt.lat.toFixed(6),
        em,
        trips: String(trips),
        m,
      });
    });
  }
  // Deterministic order as a town office might keep it: by village, then by name is too tidy;
  // real lists are in the order enterprises were entered. Shuffle with the seeded PRNG.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** The gaps and quirks of a real list, applied to chosen rows (indices after the shuffle). */
function applyQuirks(rows) {
  // cement keeps the national table's wording exactly (domain.md §3): no quirks there
  const of = (pred) => rows.filter((r) => r.kind !== 'cement' && pred(r));
  // 8 enterprises with no emission figures at all: small shops
  const small = of((r) => ['garment', 'tea', 'machining', 'wood'].includes(r.kind) && r.base === '非分级');
  for (const r of small.filter((_, i) => i % 4 === 1).slice(0, 8)) r.em = { so2: '', nox: '', pm: '', vocs: '' };
  // a few with one pollutant left empty
  const graded = of((r) => ['B', 'B-', 'C', 'D'].includes(r.base) && r.em.vocs !== '');
  const one = ['vocs', 'pm', 'so2', 'nox', 'pm'];
  graded
    .filter((_, i) => i % 13 === 5)
    .slice(0, 5)
    .forEach((r, i) => {
      r.em[one[i]] = '';
    });
  // a few truck counts missing
  of((r) => ['garment', 'machining', 'plastic', 'printing'].includes(r.kind))
    .filter((_, i) => i % 9 === 4)
    .slice(0, 4)
    .forEach((r) => {
      r.trips = '';
    });

  // about 10 enterprises leave one or more measure cells empty: haze applies the grade's default
  const gaps = [
    ['red'],
    ['yellow'],
    ['yellow', 'red'],
    ['red'],
    ['yellow', 'orange', 'red'],
    ['orange'],
    ['red'],
    ['yellow'],
    ['yellow', 'orange', 'red'],
    ['red'],
  ];
  const gapRows = of((r) => ['B', 'B-', 'C', 'D'].includes(r.base) && r.grade === r.base).filter((_, i) => i % 6 === 3);
  gapRows.slice(0, gaps.length).forEach((r, i) => {
    for (const lv of gaps[i]) r.m[lv] = '';
  });

  // quirks of hand-typed cells: full-width digits, ASCII commas (quoted in CSV), line breaks, quotes
  const limit30 = of((r) => /^限产30%/.test(r.m.orange));
  if (limit30[0]) limit30[0].m.orange = limit30[0].m.orange.replace('限产30%', '限产３０％');
  if (limit30[1]) limit30[1].m.orange = limit30[1].m.orange.replace('限产30%', '限产３０％');
  const twoPart = of((r) => r.m.orange.includes('；') && r.m.orange.includes('限产') && !r.m.orange.includes('\n'));
  for (const r of twoPart.slice(0, 2)) r.m.orange = r.m.orange.replace('；', ',');
  const spray = of((r) => r.base === 'C' && /喷涂|喷漆/.test(r.m.orange + r.m.yellow) && r.m.orange !== '');
  if (spray[0]) spray[0].m.orange = `1.${spray[0].m.orange.split('；')[0]}\n2.${NO_OPEN_SPRAY}`;
  if (spray[1]) spray[1].m.yellow = `执行"一厂一策"：${spray[1].m.yellow || '停止喷涂工序'}`;
  const multi = of((r) => r.base === 'D' && r.m.red.includes('；'));
  if (multi[0]) multi[0].m.red = multi[0].m.red.replace('；', '；\n');
}

function csvCell(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function generate() {
  rand = mulberry32(SEED);
  usedPhones.clear();
  usedNames.clear();
  usedAddresses.clear();
  const rows = buildRows();
  applyQuirks(rows);
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.code,
        r.name,
        '薛埠镇',
        r.village,
        r.address,
        r.industry,
        r.grade,
        r.contact,
        r.phone,
        r.lon,
        r.lat,
        r.em.so2,
        r.em.nox,
        r.em.pm,
        r.em.vocs,
        r.trips,
        r.m.yellow,
        r.m.orange,
        r.m.red,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const csv = generate();
  if (process.argv[2] === '-') process.stdout.write(csv);
  else {
    const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'xuebu', 'enterprises.csv');
    writeFileSync(out, csv);
    process.stderr.write(`wrote ${out} (base ${BASE.lon}, ${BASE.lat})\n`);
  }
}
