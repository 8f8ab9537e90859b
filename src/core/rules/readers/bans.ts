/**
 * Bans on what a plant does besides producing: old non-road machinery, start-ups and venting in VOC plants,
 * outdoor spraying and cutting, loading, earthworks and burning. Each is a measure of its own kind.
 */
import { NOTE, TRUCK_PFX, re, reading, type Reader } from '../clausePatterns.js';
import { NON_ROAD_STAGE } from '../emissionStages.js';

/** domain.md §4: 国二-and-below non-road machinery is banned in plants and parks. */
const NON_ROAD = [
  re(`${TRUCK_PFX}(?:禁止|停止|严禁|不得|不允许)(?:使用)?[^,;。]{0,20}?非道路(?:移动)?机械(?:作业|使用|进出|进场)?${NOTE}`),
  re(`${TRUCK_PFX}${NON_ROAD_STAGE}[^,;。]{0,10}?非道路(?:移动)?机械(?:禁止|停止|严禁|不得)(?:使用|作业|进场)?`),
  // The machines by name: 叉车, 装载机, 挖掘机 of 国二 and below.
  re(
    `(?:叉车|装载机|挖掘机|推土机)(?:[、和及与](?:叉车|装载机|挖掘机|推土机))*(?:停止|禁止|严禁|不得)(?:使用)?${NON_ROAD_STAGE}(?:及以下)?(?:排放标准)?(?:的)?(?:机械|设备)?`,
  ),
];
/** "厂内叉车、装载机等国二及以下非道路移动机械预警期间停止使用": the machines named first, the ban last. */
const NON_ROAD_ANY = /非道路(?:移动)?机械/;
const BAN_WORD = /禁止|停止|严禁|不得|不允许|停用|封存|禁用|不用|不得使用|全部使用|须使用|必须使用/;
/** "叉车（国二）停用", "停止使用柴油装载机，改用电动叉车": the machines by name, banned. */
const MACHINE = '(?:叉车|装载机|挖掘机|推土机)';
const MACHINES_BANNED = new RegExp(
  `^${MACHINE}[^,;。]{0,8}?(?:停用|停止使用|禁用|禁止使用)$|^(?:停止使用|禁止使用|停用|禁用)[^,;。]{0,12}?${MACHINE}(?:[、和及与]${MACHINE})*$`,
);
export const readNonRoad: Reader = (t) =>
  MACHINES_BANNED.test(t) || NON_ROAD.some((r) => r.test(t)) || (NON_ROAD_ANY.test(t) && BAN_WORD.test(t) && !/生产|产量|产能|工序|限产|停产/.test(t))
    ? reading('non_road_ban')
    : null;

/** domain.md §4: VOC enterprises — no 开停车 / 检修放空, no 露天喷涂. Neither changes the action. */
const VENT_ITEM = '(?:开停车|开停工|开停机|检修放空|检维修|装置检修|设备检修|停车检修|检修|放空|吹扫|储罐清洗|溶剂清洗|清洗放空|倒罐)';
const VENTING = re(
  `${TRUCK_PFX}(?:禁止|严禁|不得|停止|不进行|避免|不安排)(?:进行|开展|安排)?(?:[^,;。]{0,6}?)${VENT_ITEM}(?:[、和及与或/]${VENT_ITEM})*(?:作业|操作|活动)?`,
);
/** Outdoor spraying, and the outdoor work inspectors check with it (domain.md §6: no open-air cutting/spraying). */
const SPRAY = '(?:喷涂|喷漆|涂装|刷漆|粉刷|喷砂|切割|焊接|打磨|作业)';
const OUTDOOR = [
  re(
    `${TRUCK_PFX}(?:禁止|严禁|不得|停止|杜绝|不进行)(?:进行|开展)?(?:露天|户外|室外)(?:[^,;。]{0,8}?)${SPRAY}(?:[、和及与](?:露天|户外|室外)?${SPRAY})*(?:作业|施工)?`,
  ),
  re(`(?:露天|户外|室外)[^,;。]{0,6}?(?:作业)?(?:全部|一律)?(?:停止|禁止)`),
  // "停止喷涂作业（露天）"
  re(`(?:禁止|严禁|不得|停止|杜绝)${SPRAY}(?:作业)?\\((?:露天|户外|室外)\\)`),
];
/** "储罐清洗、装置检维修作业停止": the items first, then the ban. */
const VENTING_AFTER = re(`(?:装置|设备)?${VENT_ITEM}(?:[、和及与或/](?:装置|设备)?${VENT_ITEM})*(?:作业|操作|活动)?(?:全部|一律|均)?(?:停止|禁止|暂停)`);
export const readVoc: Reader = (t) => {
  if (VENTING.test(t) || VENTING_AFTER.test(t)) return reading('voc_no_venting');
  if (OUTDOOR.some((r) => r.test(t))) return reading('no_outdoor_spraying');
  return null;
};

/**
 * Bans on an activity, not on production (domain.md §6): loading and moving materials, earthworks and
 * building, open burning and fireworks — "物料装卸停止", "停止厂区内土石方作业", "禁止露天焚烧". Each is a
 * check item of its own; none changes the action.
 */
const ACTIVITY =
  '(?:绿化施工|道路维修|储罐清洗|物料装卸|装卸和转运|装卸|转运|倒运|物料倒运|土石方|建设施工|建筑施工|施工|拆迁|拆除|露天焚烧|焚烧|燃放烟花爆竹|露天堆放|堆放|粉刷|外墙涂装|外墙喷涂|露天喷涂|露天作业|露天切割|露天焊接|露天堆场作业)';
const ACTIVITY_BAN = [
  re(`${TRUCK_PFX}(?:停止|禁止|严禁|不得|杜绝)(?:进行|开展)?(?:厂区内|厂内)?${ACTIVITY}(?:[、和及与]${ACTIVITY})*(?:作业|施工|活动)?`),
  // What is loaded, said between the ban and the loading: "停止涉VOCs物料的装卸和转运作业".
  re(`(?:停止|禁止|严禁|不得|杜绝)[^,;。]{1,12}?(?:物料|原料|产品|材料|粉料|废料)的?${ACTIVITY}(?:[、和及与]${ACTIVITY})*(?:作业|施工|活动)?`),
  re(`(?:厂区内|厂内)?${ACTIVITY}(?:作业|施工|活动)?(?:全部)?(?:停止|禁止)`),
];
/** "停止建筑工地土石方作业", "停止建筑拆除及道路施工作业": where or what, said between the ban and the activity. */
const ACTIVITY_LOOSE = re(
  `(?:停止|暂停|禁止|严禁|不得|杜绝)(?:进行|开展)?[^,;。]{0,8}?${ACTIVITY}(?:作业|施工)?(?:[、和及与]?[^,;。、]{0,6}?${ACTIVITY}(?:作业|施工)?)*(?:作业|施工|活动)?`,
);
const PRODUCTION_WORD = /工序|生产|车间|产线|窑|炉|产量|产能/;
export const readActivity: Reader = (t) =>
  ACTIVITY_BAN.some((r) => r.test(t)) || (ACTIVITY_LOOSE.test(t) && !PRODUCTION_WORD.test(t)) ? reading('activity_ban') : null;
