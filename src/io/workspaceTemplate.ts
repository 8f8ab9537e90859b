/**
 * What `haze init` writes, and the placeholders in it that must not reach a printed plan: the one place both
 * are written, so that validate recognises exactly what init left (io/read/templateLeftovers.ts).
 */

/** The template's stand-ins, each to be replaced by the town's own. */
export const TEMPLATE = {
  town: '某某镇',
  county: '某某区',
  city: '某某市',
  baseName: '某某镇人民政府',
  base: { lon: 119.38, lat: 31.72 },
  leader: '组长姓名',
  phones: ['13800000000', '13800000001', '13800000002'],
  members: ['组长姓名', '组员甲', '组员乙', '组员丙', '组员丁'],
  villages: ['甲村', '乙村', '丙村', '丁村', '戊村'],
} as const;

const T = TEMPLATE;

export const HAZE_YAML_TEMPLATE = `# haze 工作区 / haze workspace
# 路径相对于本文件所在目录 / paths are relative to this file's folder
list: enterprises.csv      # 应急减排清单（CSV，UTF-8 或 GBK）
groups: groups.yaml        # 巡查组、工作时间、出行速度
rules: []                  # 本镇自己的规则文件，覆盖默认规则，如 [rules/town.yaml]
db: haze.db                # 预警、计划和检查记录
coord_system: wgs84        # 清单坐标系：wgs84；从高德/腾讯地图取的点用 gcj02，百度地图 bd09
evidence: []               # 每次运行都读取的分表计电、门禁文件（可不填，用 haze evidence import 导入），如 [evidence/readings.csv]
# 向区级数据库报送时填写（haze db push）：乡镇和区的行政区划代码，区级数据库的连接串（不写密码）
# town: { code: "320413102", name: 薛埠镇 }
# district: { code: "320413", name: 金坛区, db: "postgres://haze_town_320413102@区里的服务器/haze" }
`;

export const GROUPS_YAML_TEMPLATE = `# 巡查组配置 / patrol groups
town: ${T.town}
county: ${T.county}
city: ${T.city}
coord_system: wgs84               # 清单坐标系：wgs84 | gcj02 | bd09
base: { name: ${T.baseName}, lon: ${T.base.lon}, lat: ${T.base.lat} }   # 每天出发和返回的地点
working_day: { start: "08:30", end: "17:30", lunch: "12:00-13:00" }
travel: { speed_kmh: 30, detour_factor: 1.35 }   # 车速（公里/小时）；道路距离÷直线距离
service_minutes: 20               # 每家企业现场检查分钟数
service_minutes_large: 30         # 排放量大的企业现场检查分钟数（可删去）
coverage_days: 2                  # 几天内把应查企业全部查一遍
night: { start: "19:00", end: "22:00" }   # 夜查时间（haze plan --night；可删去）
groups:
  - id: "1"
    name: 第一巡查组
    leader: ${T.leader}
    phone: "${T.phones[0]}"
    members: [${T.leader}, ${T.members[1]}, ${T.members[2]}]
    villages: [${T.villages[0]}, ${T.villages[1]}]          # 清单"村社区"列中的名称，每个村只属于一个组
  - id: "2"
    name: 第二巡查组
    leader: ${T.leader}
    phone: "${T.phones[1]}"
    members: [${T.leader}, ${T.members[3]}]
    villages: [${T.villages[2]}, ${T.villages[3]}]
  - id: "3"
    name: 第三巡查组
    leader: ${T.leader}
    phone: "${T.phones[2]}"
    members: [${T.leader}, ${T.members[4]}]
    villages: [${T.villages[4]}]
`;
