/**
 * Old trucks kept out, in the words of a piece haze could not read clause by clause (the floor, strengthFloor.ts):
 * a vehicle and an emission stage and a word that requires, or road transport stopped in plain words. The clause
 * grammar for the same bans is readers/transport.ts; both name the stages from emissionStages.ts.
 */
import { ANY_STAGE, OLD_STAGE } from './emissionStages.js';

/** Old trucks kept out, under any standard's name, or only new ones allowed. */
const OLD_TRUCK = new RegExp(`${OLD_STAGE}|国(?:[五5]|V(?!I)|Ⅴ)|柴油|货车|重型|运输车辆|公路运输`, 'i');
const KEPT_OUT = /禁止|停止|不得|不能|严禁|不允许|不许|不准|不让|不进|拒绝|不再用|不再使用|方可|才能|仅|只|须使用|必须使用|全部使用|一律使用/;

/**
 * Trucks held to a standard in any words: a vehicle, an emission stage (国三 … 国六, Ⅳ, Ⅴ, 新能源), and a word
 * that requires ("须为", "限", "只", "禁", "改用", "一律"), not one that merely encourages.
 */
export const VEHICLE = /(?<!停)车|运输|运力|重卡/;
const STAGE = new RegExp(`${ANY_STAGE}|柴油`, 'i');
const REQUIRED =
  /[由用](?=国|新能源|电动)|不能|不用|不上路|不拉|进不来|拦|换(?:成|为)?(?=国|新能源|电动)|方可|才能|(?:及)?以上|须|限|只|仅|禁|停|不得|不准|不许|严禁|一律|全部|改用|均为|达到|使用|封存/;
const NOT_A_TRUCK_BAN = /夜间运输|非道路|叉车|装载机|挖掘机|冲洗|带泥|鼓励|建议|优先|倡导|尽量|尽可能|减少|登记|台账|可继续使用|可以使用/;
/** A note that encourages more ("(鼓励国六)") does not unmake the requirement beside it. */
const ENCOURAGING_NOTE = /\([^()]*(?:鼓励|建议|优先)[^()]*\)/g;
/**
 * Road transport stopped or held to clean vehicles in words that name no standard: "禁止车辆运输", "运输车辆全部
 * 停驶", "物料运输全部暂停", "原料不进、产品不出", "原料和成品不进不出", "清洁方式运输", "国六车辆运输" (the vehicles the plant must use).
 */
const ROAD_STOPPED =
  /(?:禁止|停止|暂停|严禁)(?:所有|一切|全部)?(?:车辆|货车|汽车)(?:运输|进出|进厂)|车辆(?:一律|全部)?(?:不得|禁止|不准|严禁)(?:进出|进厂|出入)|禁运|停运输|禁(?:止)?国[三四34]|国[三四34][^,;。]{0,4}?禁|(?:罐车|货车|运输车|车辆)(?:全部)?停止运输|停止[^,;。]{0,10}?运输|(?:停止|暂停)(?:公路)?(?:外运|发运)|公路(?:外运|发运)(?:全部)?(?:停止|暂停)|停止汽运|汽运(?:暂停|停止)|停止汽车运|不安排车辆|(?:罐车|渣土车|货车|运输车|运[砂煤料土石]车|车辆)(?:全部|一律)?(?:停运|停驶|停止上路|禁止上路)|(?:货车|车辆|车)(?:一辆)?(?:也)?(?:不进|不准进|不得进)|(?:车辆|货车|运输车|车)[^,;。]{0,6}?(?:不进出|不得进出|不准进出|不许进出|不让进|不许进|不准进|不得进)|(?:生产|开采)及运输|停止[^,;。]{0,10}?运输作业|(?:停止|禁止)[^,;。]{0,10}?汽车运输|车辆?不进不出|不拉货|(?:罐车|货车|车辆)停止出车|停止[^,;。]{0,8}?车辆进出|(?:罐车|货车|车辆|运输车)[^,;。]{0,2}?(?:也)?不(?:出去|出厂|出站|上路|跑)|(?:拉货车辆|货车|运输车辆|车辆)(?:全部|一律)?(?:停开|停运|停驶)|车辆禁止运输|不接收运输车辆|车不让进|禁止上路|不进厂|(?:车辆|货车)(?:全部)?(?:停驶|停运)|(?:物料|原料|产品)?运输(?:全部)?(?:暂停|停止)|原料不进.{0,2}产品不出|(?:原料|物料|原辅料)[^,;。]{0,4}?不进不出|清洁(?:方式)?运输|运输(?:采用|使用)(?:国[五六]|国VI?|新能源)|^(?:国[五六]|国V|国VI|新能源)(?:及以上)?(?:排放标准)?(?:车辆|车)运输$/;
/** A list of vehicles and machines ("国三及以下货车、国二及以下非道路机械"): a ban if any item is one. */
const ENCOURAGED = /鼓励|建议|优先|倡导|尽量|尽可能/;
export const isTruckBan = (raw: string): boolean =>
  isOneTruckBan(raw) || (!ENCOURAGED.test(raw.replace(ENCOURAGING_NOTE, '')) && raw.split(/、|(?:及|和)(?=国[二三四五六2-6])/).some(isOneTruckBan));
const isOneTruckBan = (raw: string): boolean => {
  const piece = raw.replace(ENCOURAGING_NOTE, '');
  if (ROAD_STOPPED.test(piece) && !NOT_A_TRUCK_BAN.test(piece)) return true;
  return (
    !NOT_A_TRUCK_BAN.test(piece) && ((OLD_TRUCK.test(piece) && KEPT_OUT.test(piece)) || (VEHICLE.test(piece) && STAGE.test(piece) && REQUIRED.test(piece)))
  );
};
