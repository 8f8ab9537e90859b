/**
 * A town, loaded once the same way for every command and for the server: the workspace (flags, haze.yaml or
 * the embedded sample), the groups, the rules and the list — every coordinate on WGS-84 from here on (the
 * list's here, the base's in townSetup). A list with errors stops here, its problems told, exit 65.
 */
import type { TownEvidence } from './evidence.js';
import { toWgs84 } from '../core/datum.js';
import type { RequiredMeasure, TownSetup, AlertLevel } from '../core/model.js';
import { countOf } from '../core/plural.js';
import { hasErrors } from '../core/problem.js';
import { requiredMeasureMemo } from '../core/rules/requiredMeasure.js';
import type { RuleTable } from '../core/rules/ruleTable.js';
import { autoAreasFor } from '../core/routing/autoAreas.js';
import { CODE, HazeError, type Text } from '../errors.js';
import { CODES } from '../errorCodes.js';
import type { Encoding } from '../io/read/decode.js';
import { FAR_FROM_BASE_KM } from '../io/read/listRows.js';
import { readList, type LoadedList } from '../io/read/loadList.js';
import type { LoadProgress } from '../io/read/loadProgress.js';
import { loadRuleTable } from '../io/read/ruleFile.js';
import { loadTownSetup } from '../io/read/townSetup.js';
import { readingInput } from '../io/read/missingInput.js';
import { takeConfigNotes } from '../io/read/yamlConfig.js';
import { resolveWorkspace, type Workspace, type WorkspaceFlags } from '../io/read/workspace.js';
import type { Voice } from './voice.js';

export interface Town {
  ws: Workspace;
  list: LoadedList;
  setup: TownSetup;
  rules: RuleTable;
  /** Whether the areas were split by haze (--auto-areas) rather than taken from groups.yaml. */
  autoAreas: boolean;
  /**
   * The power and gate records, for the commands that rank or check by them (withEvidence): absent for the
   * others, which need not read millions of readings.
   */
  evidence?: TownEvidence;
}

export interface TownRequest extends WorkspaceFlags {
  /** --encoding: how the list is decoded, when detection is overridden. */
  encoding?: Encoding | undefined;
  sheet?: string | undefined;
  progress?: ((totalBytes: number | null) => LoadProgress) | undefined;
}

/** Where the inputs are, saying when they come from the embedded sample. */
export function openWorkspace(req: WorkspaceFlags, voice: Voice): Workspace {
  const ws = resolveWorkspace(req);
  saySampleUsed(ws, voice);
  voice.problems(takeConfigNotes());
  return ws;
}

/** Say which inputs come from the embedded sample town, when any do. */
export function saySampleUsed(ws: Workspace, voice: Voice): void {
  if (ws.fromSample.all) {
    voice.say({
      zh: '当前目录没有 haze.yaml：使用内置示例乡镇 薛埠镇（data/xuebu）。用 haze init 创建自己的工作区。',
      en: 'no haze.yaml here: using the embedded sample town 薛埠镇 (data/xuebu). Run haze init to make your own workspace.',
    });
  } else if (ws.fromSample.groups) {
    voice.say({ zh: '未指定巡查组配置：使用内置示例乡镇的 groups.yaml', en: "no groups file given: using the sample town's groups.yaml" });
  }
}

/**
 * Read the list of a workspace, streaming. Given the town's set-up, points far from its base are warned
 * about, unless the groups are the sample's and the list is not (a foreign list is not expected near 薛埠镇).
 */
export async function readTownList(ws: Workspace, setup: TownSetup | null, req: Omit<TownRequest, keyof WorkspaceFlags>): Promise<LoadedList> {
  const near = setup && !(ws.fromSample.groups && !ws.fromSample.list) ? { point: setup.base, name: setup.base.name, maxKm: FAR_FROM_BASE_KM } : undefined;
  const list = await readingInput('list', ws.listFile, () =>
    readList(ws.listFile, { encoding: req.encoding, sheet: req.sheet, checks: { near }, progress: req.progress }),
  );
  if (ws.coordSystem !== 'wgs84') {
    // Lists copied from Amap (GCJ-02) or Baidu (BD-09): everything downstream plans on WGS-84.
    list.enterprises = list.enterprises.map((e) => ({ ...e, location: toWgs84(e.location, ws.coordSystem) }));
  }
  return list;
}

export async function loadTown(req: TownRequest, voice: Voice): Promise<Town> {
  return loadTownIn(openWorkspace(req, voice), req, voice);
}

/** The town of a workspace already resolved (the embedded sample alone, for the demo). */
export async function loadTownIn(ws: Workspace, req: Omit<TownRequest, keyof WorkspaceFlags>, voice: Voice): Promise<Town> {
  const setup = loadTownSetup(ws.groupsFile);
  const rules = loadRuleTable(ws.ruleFiles);
  voice.problems(takeConfigNotes());
  const list = await readTownList(ws, setup, req);
  if (hasErrors(list.problems)) {
    const errors = list.problems.filter((p) => p.severity === 'error');
    voice.problems(errors);
    throw new HazeError(CODE.HAZE_LIST_INVALID, {
      where: { file: list.file },
      message: { zh: `清单有 ${errors.length} 处错误，未处理`, en: `the list has ${countOf(errors.length, 'error')}; nothing was done` },
    });
  }
  // haze init's blank list, a header and no row: nothing to plan, check or notify. validate says the same.
  if (list.enterprises.length === 0)
    throw new HazeError(CODE.HAZE_LIST_EMPTY, {
      where: { file: list.file, row: list.headerRow },
      message: NO_ENTERPRISES,
      hint: CODES.HAZE_LIST_NO_ENTERPRISES.hint,
    });
  return { ws, list, setup, rules, autoAreas: false };
}

/** A list with its header and no enterprise, as every command and validate say it. */
export const NO_ENTERPRISES: Text = {
  zh: '清单只有表头，没有一家企业：没有可以检查或巡查的',
  en: 'the list has its header and no enterprise: nothing to check or patrol',
};

/** Every enterprise's measure at a level. */
export function measuresAt(town: Town, level: AlertLevel): Map<string, RequiredMeasure> {
  const measure = requiredMeasureMemo(town.rules);
  const out = new Map<string, RequiredMeasure>();
  for (const e of town.list.enterprises) out.set(e.creditCode, measure(e, level));
  return out;
}

/**
 * --auto-areas: the town with its villages split among the groups by haze, in place of groups.yaml's. The
 * split is said, so an officer can copy it back into groups.yaml.
 */
export function withAutoAreas(town: Town, measures: ReadonlyMap<string, RequiredMeasure>, voice: Voice): Town {
  const areas = autoAreasFor(town.list.enterprises, measures, town.setup);
  for (const g of areas.groups) {
    const hours = ((areas.minutes.get(g.id) ?? 0) / 60).toFixed(1);
    voice.say({
      zh: `自动片区 ${g.name}：约 ${hours} 小时工作量；${g.villages.join('、')}`,
      en: `auto area ${g.name}: about ${hours} h of work; ${g.villages.join(', ')}`,
    });
  }
  return { ...town, setup: { ...town.setup, groups: areas.groups }, autoAreas: true };
}
