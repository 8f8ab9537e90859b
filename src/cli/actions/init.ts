/** haze init: a workspace to fill in — haze.yaml, an empty list with the canonical headers, a groups template. */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CODE, HazeError } from '../../errors.js';
import { faultWords } from '../../io/faultWords.js';
import { LIST_COLUMNS } from '../../io/read/listColumns.js';
import { writeFileAtomic } from '../../io/write/output.js';
import { readGlobals } from '../globals.js';
import { cliVoice } from '../voice.js';

const HAZE_YAML = `# haze 工作区 / haze workspace
# 路径相对于本文件所在目录 / paths are relative to this file's folder
list: enterprises.csv      # 应急减排清单（CSV，UTF-8 或 GBK）
groups: groups.yaml        # 巡查组、工作时间、出行速度
rules: []                  # 本镇自己的规则文件，覆盖默认规则，如 [rules/town.yaml]
db: haze.db                # 预警、计划和检查记录
coord_system: wgs84        # 清单坐标系：wgs84；从高德/腾讯地图取的点用 gcj02，百度地图 bd09
`;

const GROUPS_YAML = `# 巡查组配置 / patrol groups
town: 某某镇
county: 某某区
city: 某某市
coord_system: wgs84               # 清单坐标系：wgs84 | gcj02 | bd09
base: { name: 某某镇人民政府, lon: 119.38, lat: 31.72 }   # 每天出发和返回的地点
working_day: { start: "08:30", end: "17:30", lunch: "12:00-13:00" }
travel: { speed_kmh: 30, detour_factor: 1.35 }   # 车速（公里/小时）；道路距离÷直线距离
service_minutes: 20               # 每家企业现场检查分钟数
service_minutes_large: 30         # 排放量大的企业现场检查分钟数（可删去）
coverage_days: 2                  # 几天内把应查企业全部查一遍
night: { start: "19:00", end: "22:00" }   # 夜查时间（haze plan --night；可删去）
groups:
  - id: "1"
    name: 第一巡查组
    leader: 组长姓名
    phone: "13800000000"
    members: [组长姓名, 组员甲, 组员乙]
    villages: [甲村, 乙村]          # 清单"村社区"列中的名称，每个村只属于一个组
  - id: "2"
    name: 第二巡查组
    leader: 组长姓名
    phone: "13800000001"
    members: [组长姓名, 组员丙]
    villages: [丙村, 丁村]
  - id: "3"
    name: 第三巡查组
    leader: 组长姓名
    phone: "13800000002"
    members: [组长姓名, 组员丁]
    villages: [戊村]
`;

export interface InitOpts {
  force?: boolean;
}

/** The action of `haze init` (its options and help: ../commands/init.ts). */
export function initAction(dir: string | undefined, opts: InitOpts, cmd: Command): void {
  const voice = cliVoice(readGlobals(cmd));
  const root = resolve(dir ?? '.');
  const files: [string, string][] = [
    ['haze.yaml', HAZE_YAML],
    // A BOM so that Excel opens the template with the Chinese headers intact.
    ['enterprises.csv', `\uFEFF${LIST_COLUMNS.map((c) => c.header).join(',')}\r\n`],
    ['groups.yaml', GROUPS_YAML],
  ];
  const existing = files.map(([name]) => join(root, name)).filter((f) => existsSync(f));
  if (existing.length > 0 && !opts.force) {
    throw new HazeError(CODE.HAZE_INIT_EXISTS, {
      where: { file: existing[0]! },
      message: { zh: `已有文件，未覆盖：${existing.join('、')}`, en: `files exist and were left alone: ${existing.join(', ')}` },
    });
  }
  try {
    mkdirSync(root, { recursive: true });
  } catch (err) {
    throw new HazeError(CODE.HAZE_OUTPUT_CREATE, {
      where: { file: root },
      message: {
        zh: `无法创建目录 ${root}：${faultWords(err, root, 'write').zh}`,
        en: `cannot create the folder ${root}: ${faultWords(err, root, 'write').en}`,
      },
    });
  }
  for (const [name, text] of files) writeFileAtomic(join(root, name), text);
  voice.say({
    zh: `已创建工作区 ${root}：haze.yaml、enterprises.csv（空白清单）、groups.yaml。填好清单和巡查组后运行 haze validate。`,
    en: `workspace written in ${root}: haze.yaml, enterprises.csv (empty list), groups.yaml. Fill in the list and groups, then run haze validate.`,
  });
}
