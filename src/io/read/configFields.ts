/**
 * What each setting of haze's three config files takes, in the officer's words, with an example line: the
 * words a wrong setting is reported in (configWords.ts). Kept beside each other so the three files read alike.
 */
import type { ConfigKind, FieldWords } from './configWords.js';

const f = (zh: string, en: string, example: string): FieldWords => ({ zh, en, example });
const clock = (key: string, at: string) => f(`时:分 的时间（加引号）`, 'a time as hours:minutes (in quotes)', `${key}: "${at}"`);

export const GROUPS_KIND: ConfigKind = {
  what: { zh: '巡查组配置', en: 'the groups file' },
  role: 'groups',
  items: { groups: { zh: '组', en: 'group' }, villages: { zh: '个村', en: 'village' }, members: { zh: '人', en: 'member' } },
  fields: {
    town: f('镇街的名称', "the town's name", 'town: 薛埠镇'),
    county: f('区县的名称', "the county's name", 'county: 金坛区'),
    city: f('市的名称', "the city's name", 'city: 常州市'),
    coord_system: f(
      '坐标系 wgs84、gcj02（高德、腾讯地图）或 bd09（百度地图）',
      'the datum: wgs84, gcj02 (Amap, Tencent) or bd09 (Baidu)',
      'coord_system: wgs84',
    ),
    base: f('出发地点的名称和经纬度', 'the name and coordinates of where each day starts', 'base: { name: 薛埠镇人民政府, lon: 119.372819, lat: 31.72512 }'),
    'base.name': f('出发地点的名称', 'the name of where each day starts', 'name: 薛埠镇人民政府'),
    'base.lon': f('经度，73 到 136 之间的数字', 'a longitude, a number from 73 to 136', 'lon: 119.372819'),
    'base.lat': f('纬度，3 到 54 之间的数字', 'a latitude, a number from 3 to 54', 'lat: 31.72512'),
    working_day: f('上下班时间和午休', 'the working hours and lunch', 'working_day: { start: "08:30", end: "17:30", lunch: "12:00-13:00" }'),
    'working_day.start': clock('start', '08:30'),
    'working_day.end': clock('end', '17:30'),
    'working_day.lunch': f('午休的起止时间（可删去）', 'the lunch break, from-to (may be left out)', 'lunch: "12:00-13:00"'),
    travel: f('车速和绕行系数', 'the speed and the detour factor', 'travel: { speed_kmh: 30, detour_factor: 1.35 }'),
    'travel.speed_kmh': f('车速，1 到 120 之间的数字（公里/小时）', 'the speed, a number from 1 to 120 (km/h)', 'speed_kmh: 30'),
    'travel.detour_factor': f('道路距离与直线距离之比，1 到 3 之间的数字', 'road distance over straight distance, a number from 1 to 3', 'detour_factor: 1.35'),
    service_minutes: f('每家企业现场检查的分钟数，1 到 240 的整数', 'minutes on site per enterprise, a whole number from 1 to 240', 'service_minutes: 20'),
    service_minutes_large: f(
      '排放量大的企业现场检查的分钟数，1 到 480 的整数（可删去）',
      'minutes on site at a large emitter, a whole number from 1 to 480 (may be left out)',
      'service_minutes_large: 30',
    ),
    night: f('夜查的起止时间（可删去）', 'the evening round, from and to (may be left out)', 'night: { start: "19:00", end: "22:00" }'),
    'night.start': clock('start', '19:00'),
    'night.end': clock('end', '22:00'),
    coverage_days: f(
      '几天内把应查企业查一遍，1 到 30 的整数',
      'in how many days every required enterprise is seen, a whole number from 1 to 30',
      'coverage_days: 2',
    ),
    groups: f(
      '巡查组的列表，每组以"- id:"开头',
      'a list of patrol groups, each starting with "- id:"',
      'groups: [{ id: "1", name: 第一巡查组, villages: [东窑村] }]',
    ),
    'groups.*': f('一个巡查组：id、name 和 villages', 'a patrol group: id, name and villages', '- { id: "1", name: 第一巡查组, villages: [东窑村] }'),
    'groups.*.id': f('组号（文字或数字）', 'the group number (text or a number)', 'id: "1"'),
    'groups.*.name': f('组的名称', "the group's name", 'name: 第一巡查组'),
    'groups.*.leader': f('组长的姓名', "the leader's name", 'leader: 汤建华'),
    'groups.*.phone': f('组长的电话（加引号）', "the leader's phone (in quotes)", 'phone: "13961427085"'),
    'groups.*.members': f('组员姓名的列表', "a list of the members' names", 'members: [汤建华, 史晓东]'),
    'groups.*.members.*': f('组员的姓名', "a member's name", 'members: [汤建华, 史晓东]'),
    'groups.*.villages': f('村名的列表，用清单"村社区"列中的写法', "a list of villages, as the list's 村社区 column writes them", 'villages: [东窑村, 赤岗村]'),
    'groups.*.villages.*': f('村名（不能为空）', 'a village name (not empty)', 'villages: [东窑村, 赤岗村]'),
  },
};

export const WORKSPACE_KIND: ConfigKind = {
  what: { zh: '工作区配置（haze.yaml）', en: 'the workspace file haze.yaml' },
  items: { rules: { zh: '个文件', en: 'file' }, evidence: { zh: '个文件', en: 'file' } },
  fields: {
    list: f('清单文件的路径', 'the path of the list', 'list: enterprises.csv'),
    groups: f('巡查组配置文件的路径', 'the path of the groups file', 'groups: groups.yaml'),
    rules: f('本镇规则文件的路径，一个或一个列表', "the town's rule files, one path or a list", 'rules: [rules/town.yaml]'),
    'rules.*': f('规则文件的路径', 'the path of a rule file', 'rules: [rules/town.yaml]'),
    db: f('存储文件的路径', 'the path of the store', 'db: haze.db'),
    coord_system: f(
      '清单坐标系 wgs84、gcj02（高德、腾讯地图）或 bd09（百度地图）',
      "the list's datum: wgs84, gcj02 (Amap, Tencent) or bd09 (Baidu)",
      'coord_system: wgs84',
    ),
    evidence: f(
      '每次运行都读取的证据文件（分表计电点位、读数、门禁台账）的路径列表，相对 haze.yaml 所在文件夹',
      "a list of evidence files (meter points, readings, gate ledgers) read on every run, relative to haze.yaml's folder",
      'evidence: [evidence/points.csv, evidence/readings.csv, evidence/gate.csv]',
    ),
    'evidence.*': f('证据文件的路径', 'the path of an evidence file', 'evidence: [evidence/points.csv]'),
    serve: f('haze serve 的设置', "haze serve's settings", 'serve: { url: "http://192.168.1.20:8080" }'),
    'serve.url': f(
      '手机打开的地址（本机局域网地址和端口），印在检查清单封面的链接用它',
      "the address phones open (this PC's LAN address and port), for the links on the checklists' covers",
      'serve: { url: "http://192.168.1.20:8080" }',
    ),
    sample_alert: f(
      '示例乡镇自带的预警（自己的工作区不用）',
      "the sample town's own alert (not for your workspace)",
      'sample_alert: { level: orange, from: "2019-12-08 14:00" }',
    ),
  },
};

const levelRule = f('这一级预警的措施', "this level's measure", 'orange: { action: stop, truck_ban: true }');

export const RULES_KIND: ConfigKind = {
  what: { zh: '规则文件', en: 'the rule file' },
  role: 'rules',
  items: { rules: { zh: '条规则', en: 'rule' }, cross_cutting: { zh: '条', en: 'measure' } },
  fields: {
    version: f('1', '1', 'version: 1'),
    targets: f('各级预警的减排目标（%）', 'the reduction target per level (%)', 'targets: { orange: 25 }'),
    'targets.LEVEL': f('0 到 100 之间的百分数', 'a percentage from 0 to 100', 'orange: 25'),
    targets_source: f('减排目标的出处', 'where the targets come from', 'targets_source: 区大气办通知'),
    rules: f(
      '规则的列表，每条以"- id:"开头',
      'a list of rules, each starting with "- id:"',
      'rules: [{ id: grade-B, grades: [B], orange: { action: limit, limit_pct: 30 }, source: 本镇预案 }]',
    ),
    'rules.*.id': f('规则的名称（同名的默认规则被替换）', "the rule's id (a default rule of the same id is replaced)", 'id: town-foundry-C'),
    'rules.*.industries': f('行业名称的列表（空为任何行业）', 'a list of industries (empty: any)', 'industries: [铸造]'),
    'rules.*.grades': f(
      '绩效等级的列表：A、A+、引领性、B、B-、C、D、非分级、保障类',
      'a list of grades: A, A+, 引领性, B, B-, C, D, 非分级, 保障类',
      'grades: [B, C]',
    ),
    'rules.*.grades.*': f('绩效等级之一：A、A+、引领性、B、B-、C、D、非分级、保障类', 'a grade: A, A+, 引领性, B, B-, C, D, 非分级, 保障类', 'grades: [B, C]'),
    'rules.*.guidance': f('full、action 或 none', 'full, action or none', 'guidance: full'),
    'rules.*.LEVEL': levelRule,
    'rules.*.LEVEL.action': f(
      '措施类型之一：stop、stop_part、limit、self、exempt、none',
      'a kind of measure: stop, stop_part, limit, self, exempt, none',
      'orange: { action: stop }',
    ),
    'rules.*.LEVEL.limit_pct': f('0 到 100 之间的百分数', 'a percentage from 0 to 100', 'orange: { action: limit, limit_pct: 30 }'),
    'rules.*.LEVEL.truck_ban': f('true 或 false', 'true or false', 'orange: { action: limit, truck_ban: true }'),
    'rules.*.LEVEL.road_transport_ban': f('true 或 false', 'true or false', 'red: { action: stop, road_transport_ban: true }'),
    'rules.*.LEVEL.text': f('措施的文字', "the measure's text", 'orange: { action: stop, text: 熔炼工序全部停止 }'),
    'rules.*.source': f('规则的出处（每条规则都要写）', 'where the rule comes from (every rule has one)', 'source: 薛埠镇重污染天气应急预案（2026）第四章'),
    'cross_cutting.*.id': f('措施的名称', "the measure's id", 'id: heavy-truck-users'),
    'cross_cutting.*.levels': f('预警级别的列表：yellow、orange、red', 'a list of levels: yellow, orange, red', 'levels: [orange, red]'),
    'cross_cutting.*.levels.*': f('yellow、orange 或 red', 'yellow, orange or red', 'levels: [orange, red]'),
    'cross_cutting.*.when.min_truck_trips': f('日均货车车次，不小于 0 的数字', 'truck trips a day, a number from 0', 'when: { min_truck_trips: 5 }'),
    'cross_cutting.*.when.min_vocs_t': f('VOCs 排放量（吨），不小于 0 的数字', 'VOCs emitted (t), a number from 0', 'when: { min_vocs_t: 10 }'),
    'cross_cutting.*.when.industries': f('行业名称的列表', 'a list of industries', 'when: { industries: [铸造] }'),
    'cross_cutting.*.truck_ban': f('true 或 false', 'true or false', 'truck_ban: true'),
    'cross_cutting.*.text': f('措施的文字（不能为空）', "the measure's text (not empty)", 'text: 停止使用国四及以下重型柴油货车运输'),
    evidence: f('分表计电和门禁线索的规则参数', 'the parameters of the meter and gate clues', 'evidence: { stop: { hold_minutes: 45 } }'),
    'evidence.baseline.window_days': f(
      '学习基准用预警前的天数，1 到 366 的整数',
      'days before the alert the baseline is learnt from, a whole number from 1 to 366',
      'window_days: 60',
    ),
    'evidence.baseline.floor_kw': f(
      '低于此功率（kW）的读数按零计，不小于 0 的数字',
      'readings below this power (kW) count as zero, a number from 0',
      'floor_kw: 0.2',
    ),
    'evidence.stop.on_share': f(
      '高于基准的这个倍数即为在生产，0 到 10 之间的数字',
      'above this share of the baseline a point is producing, a number from 0 to 10',
      'on_share: 0.2',
    ),
    'evidence.stop.hold_minutes': f(
      '持续超过多少分钟才算，0 到 1440 的数字',
      'minutes a state must last to count, a number from 0 to 1440',
      'hold_minutes: 30',
    ),
    'evidence.limit.tolerance': f(
      '限产的容差，0 到 1 之间的数字（0.1 即 10%）',
      'the tolerance of a limit, a number from 0 to 1 (0.1 is 10%)',
      'tolerance: 0.1',
    ),
    'evidence.treatment_off.production_share': f(
      '生产用电达到基准的这个倍数即为在生产',
      'production at this share of its baseline counts as producing',
      'production_share: 0.2',
    ),
    'evidence.treatment_off.treatment_share': f(
      '治污用电低于基准的这个倍数即为未运行',
      'treatment below this share of its baseline counts as off',
      'treatment_share: 0.1',
    ),
    'evidence.treatment_off.hold_minutes': f(
      '持续超过多少分钟才算，0 到 1440 的数字',
      'minutes a state must last to count, a number from 0 to 1440',
      'hold_minutes: 30',
    ),
    'evidence.night.ratio': f('夜间平均功率高于白天的倍数，大于 0 的数字', 'night average power over day average power, a number above 0', 'ratio: 1.5'),
    'evidence.night.from': clock('from', '22:00'),
    'evidence.night.to': clock('to', '06:00'),
    'evidence.silent.min_minutes': f('连续无读数多少分钟记为数据缺失', 'minutes without a reading that count as data missing', 'min_minutes: 60'),
    'evidence.truck.max_stage': f(
      '此排放阶段及以下禁用，0 到 6 的整数（4 即国四）',
      'this emission stage and below are banned, a whole number from 0 to 6 (4 is China IV)',
      'max_stage: 4',
    ),
    'evidence.truck.fuels': f(
      '禁用的燃料：diesel、gas、petrol、electric、other',
      'the fuels banned: diesel, gas, petrol, electric, other',
      'fuels: [diesel, gas]',
    ),
    'evidence.baseline.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'evidence.stop.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'evidence.limit.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'evidence.treatment_off.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'evidence.night.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'evidence.silent.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'evidence.truck.source': f('规则的出处', 'where the rule comes from', 'source: 本镇预案'),
    'cross_cutting.*.source': f('措施的出处（每条都要写）', 'where the measure comes from (each has one)', 'source: 薛埠镇重污染天气应急预案（2026）'),
  },
};
