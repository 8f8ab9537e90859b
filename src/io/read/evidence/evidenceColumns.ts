/**
 * The columns of the three evidence files and the header cells that name them. A header is compared as
 * headerKey folds it (full-width, spaces, case), with its unit in parentheses set apart: 正向有功电能(kWh)
 * and 正向有功电能（Wh） are both the cumulative column, in kWh and Wh.
 *
 * | file     | key                | header cells (any of)                                                    |
 * |----------|--------------------|---------------------------------------------------------------------------|
 * | all      | point_id           | 点位编号, 监测点位编号, 点位, 测点编号, 表计编号, 电表编号, point, point_id |
 * | points   | credit_code        | 统一社会信用代码, 信用代码, 社会信用代码, credit_code                       |
 * | points   | enterprise         | 企业名称, 企业, 单位名称, enterprise, name                                   |
 * | points   | workshop           | 车间, 生产车间, 车间名称, workshop                                          |
 * | points   | device             | 设备名称, 设备, 监测设备, device                                            |
 * | points   | kind               | 点位类型, 类型, 设备类型, kind                                              |
 * | points   | treated_by         | 对应治污点位, 对应治污设施, 治污点位, treated_by                            |
 * | points   | serves             | 服务生产点位, 对应生产点位, 生产点位, serves                                |
 * | points   | rated_kw           | 额定功率, rated_kw                                                          |
 * | points   | rated_interval_kwh | 额定时段电量, rated_interval_kwh                                            |
 * | points   | interval_minutes   | 采集间隔, 采集间隔(分钟), interval_minutes                                  |
 * | points   | on_kw              | 启停阈值, 开关阈值, 功率阈值, on_kw                                         |
 * | points   | hold_minutes       | 持续时间, 持续时长, hold_minutes                                            |
 * | readings | timestamp          | 时间, 采集时间, 数据时间, 读数时间, 时间戳, timestamp, time                  |
 * | readings | date               | 日期, 数据日期, date (wide layout: one row per point and day)              |
 * | readings | cumulative         | 正向有功电能, 正向有功总电能, 电能示值, 示值, cumulative_kwh                |
 * | readings | interval           | 时段电量, 用电量, 电量, interval_kwh                                        |
 * | readings | power              | 平均功率, 有功功率, 功率, power_kw                                          |
 * | readings | unit               | 单位, 计量单位, unit (the unit of the row's values, when the header names none) |
 * | readings | (ignored)          | A相电流, B相电流, C相电流, 电压, 功率因数                                   |
 * | gate     | at                 | 进出厂时间, 进厂时间, 出厂时间, 通行时间, 时间, at                          |
 * | gate     | direction          | 进出方向, 方向, 进出类型, direction                                         |
 * | gate     | plate              | 车牌号码, 车牌号, 车牌, plate                                               |
 * | gate     | vin                | 车辆识别代号, 车辆识别代号(vin), vin                                        |
 * | gate     | stage              | 排放阶段, 排放标准, stage                                                   |
 * | gate     | fuel               | 燃料类型, 燃料种类, 燃料, fuel                                               |
 * | gate     | goods              | 运输货物名称, 货物名称, 货物, goods                                         |
 * | gate     | tonnes             | 运输量, 运输量(吨), 重量, tonnes                                            |
 */
import { headerKey } from './evidenceTable.js';

export type Unit = 'kWh' | 'Wh' | 'MWh' | 'kW' | 'W' | 'MW';

const ALIASES: Record<string, readonly string[]> = {
  point_id: ['点位编号', '监测点位编号', '点位', '测点编号', '表计编号', '电表编号', 'point', 'point_id'],
  credit_code: ['统一社会信用代码', '信用代码', '社会信用代码', 'credit_code'],
  enterprise: ['企业名称', '企业', '单位名称', 'enterprise', 'name'],
  workshop: ['车间', '生产车间', '车间名称', 'workshop'],
  device: ['设备名称', '设备', '监测设备', 'device'],
  kind: ['点位类型', '类型', '设备类型', 'kind'],
  treated_by: ['对应治污点位', '对应治污设施', '治污点位', 'treated_by'],
  serves: ['服务生产点位', '对应生产点位', '生产点位', 'serves'],
  rated_kw: ['额定功率', 'rated_kw'],
  rated_interval_kwh: ['额定时段电量', 'rated_interval_kwh'],
  interval_minutes: ['采集间隔', 'interval_minutes'],
  on_kw: ['启停阈值', '开关阈值', '功率阈值', 'on_kw'],
  hold_minutes: ['持续时间', '持续时长', 'hold_minutes'],
  timestamp: ['时间', '采集时间', '数据时间', '读数时间', '时间戳', 'timestamp', 'time'],
  date: ['日期', '数据日期', 'date'],
  cumulative: ['正向有功电能', '正向有功总电能', '电能示值', '示值', 'cumulative_kwh', 'cumulative'],
  interval: ['时段电量', '用电量', '电量', 'interval_kwh', 'interval'],
  power: ['平均功率', '有功功率', '功率', 'power_kw', 'power'],
  unit: ['单位', '计量单位', 'unit'],
  phase_current: ['a相电流', 'b相电流', 'c相电流', '电压', '功率因数', 'ia', 'ib', 'ic'],
  at: ['进出厂时间', '进厂时间', '出厂时间', '通行时间', 'at'],
  direction: ['进出方向', '方向', '进出类型', 'direction'],
  plate: ['车牌号码', '车牌号', '车牌', 'plate'],
  vin: ['车辆识别代号', '车辆识别代号vin', 'vin'],
  stage: ['排放阶段', '排放标准', 'stage'],
  fuel: ['燃料类型', '燃料种类', '燃料', 'fuel'],
  goods: ['运输货物名称', '货物名称', '货物', 'goods'],
  tonnes: ['运输量', '重量', 'tonnes'],
};

const BY_NAME = new Map<string, string>();
for (const [key, names] of Object.entries(ALIASES)) for (const n of names) BY_NAME.set(headerKey(n), key);

const UNITS: Record<string, Unit> = { kwh: 'kWh', wh: 'Wh', mwh: 'MWh', kw: 'kW', w: 'W', mw: 'MW', 千瓦时: 'kWh', 度: 'kWh', 千瓦: 'kW' };

export interface HeaderCell {
  /** The column's key, or undefined when the header names none. */
  key: string | undefined;
  /** The text inside the header's parentheses, as written ('' when none). */
  unitText: string;
  /** The unit it names, when it names one. */
  unit: Unit | undefined;
}

/** A header cell: its name (without what is in parentheses) looked up, its unit read. */
export function readHeaderCell(cell: string): HeaderCell {
  const k = headerKey(cell);
  const open = k.search(/[([]/);
  const name = open < 0 ? k : k.slice(0, open);
  const unitText = open < 0 ? '' : k.slice(open + 1).replace(/[)\]].*$/, '');
  // The time column's header may carry its unit of minutes or its kind: 采集间隔(分钟), 运输量(吨).
  return { key: BY_NAME.get(name) ?? BY_NAME.get(k), unitText, unit: UNITS[unitText] };
}

/** key → column index, the first cell naming each key. */
export function columnsOf(cells: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  cells.forEach((c, i) => {
    const key = readHeaderCell(c).key;
    if (key !== undefined && !m.has(key)) m.set(key, i);
  });
  return m;
}
