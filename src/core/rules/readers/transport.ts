/**
 * Transport measures: road transport stopped, or old heavy diesel trucks kept out of the plant. "Only 国五 and
 * above" is the same ban written the other way round; what is only encouraged is no ban at all.
 */
import { NOTE, TRUCK_PFX, re, reading, type Reader } from '../clausePatterns.js';
import { BANNED_TRUCK_STAGE, BELOW_FIVE, CLEAN_STAGE, HEAVY_DIESEL } from '../emissionStages.js';

const VEHICLE_END = String.raw`(?:车辆|车|运输|进出厂区|进出厂|进出|出入|进厂|入厂)`;

/** domain.md §3 (D: 停止公路运输) and §4 (用车大户: no 国四-and-below heavy diesel trucks). */
const ROAD = re(
  `${TRUCK_PFX}(?:停止|禁止|暂停|不得|严禁|不允许)(?:使用|进行|采用)?(?:[^,;。]{0,12}?的)?(?:物料|货物)?(?:公路|道路|汽车)(?:货物|物料|原料|产品|货)?运输${NOTE}`,
);
const OLD_TRUCK = `(?:${BANNED_TRUCK_STAGE}|${BELOW_FIVE}|${HEAVY_DIESEL})`;
const TRUCK_BAN = [
  re(
    `${TRUCK_PFX}(?:停止使用|禁止使用|不得使用|严禁使用|不使用|不用|停用|停止|禁止|严禁|不得|不允许)[^,;。]{0,30}?${OLD_TRUCK}[^,;。]{0,40}?${VEHICLE_END}${NOTE}`,
  ),
  re(`${OLD_TRUCK}[^,;。]{0,30}?(?:禁止|停止|不得|严禁)(?:使用|进出厂区|进出厂|进出|进厂|入厂|运输)?${NOTE}`),
];
const NEW_TRUCK_ONLY = re(
  `${TRUCK_PFX}(?:全部|一律|须|必须)?(?:(?:仅|只)(?:允许|使用|采用)?|允许|使用|采用|启用)[^,;。]{0,30}?${CLEAN_STAGE}[^,;。]{0,40}?${VEHICLE_END}${NOTE}`,
);
/**
 * The terse forms officers type: "禁运", "禁国四", "国四禁运", "国四及以下禁止", "国五以上车辆运输" (only clean
 * vehicles carry), "停产禁运" is two measures and is cut elsewhere.
 */
const TERSE = [
  re(`禁运|(?:禁|禁止)${BANNED_TRUCK_STAGE}(?:及以下)?(?:车辆|车)?`),
  re(`${BANNED_TRUCK_STAGE}(?:及以下)?(?:车辆|车)?(?:禁运|禁行|禁入|禁止)`),
  re(`(?:只用|仅用|只许|只允许)?${CLEAN_STAGE}(?:及)?以上(?:排放标准)?(?:的)?(?:车辆|车)?(?:运输|进厂|进出)`),
];
export const readTransport: Reader = (t) => {
  // Forklifts and loaders are non-road machinery (bans.ts), whatever their fuel.
  if (/叉车|装载机|挖掘机|非道路/.test(t)) return null;
  if (TERSE.some((r) => r.test(t))) return reading('truck_ban');
  // Encouraged, preferred: not a ban an inspector can hold the plant to.
  if (/鼓励|优先|建议|倡导/.test(t)) return null;
  if (ROAD.test(t)) return reading('road_transport_ban');
  if (TRUCK_BAN.some((r) => r.test(t))) return reading('truck_ban');
  // "国五及以上 only" is the same ban written the other way round.
  if (NEW_TRUCK_ONLY.test(t) && /及以上|以上|仅|只|全部|一律|须|新能源|电动/.test(t) && !/优先|鼓励/.test(t)) return reading('truck_ban');
  if (/^(?:运输车辆|货运车辆)(?:全部)?停运$/.test(t)) return reading('road_transport_ban');
  return null;
};
