/**
 * China's emission stages as lists write them (domain.md §4), in one place for every reader: 国三, 国3, 国III,
 * 国Ⅲ; 国五 and 国六 with 新能源 and 电动 as the clean vehicles; 国二 and below for non-road machinery. Text is
 * normalised first (half-width, measureText.ts), so only half-width digits and letters are written here.
 */

/** 国一 … 国四: the stages a truck ban keeps out ("国四及以下"). */
export const OLD_STAGE = String.raw`国(?:[一二三四1-4]|IV|I{1,3}|[ⅠⅡⅢⅣ])`;
/** 国三, 国四: the stages a truck ban names (国一 and 国二 name non-road machinery). */
export const BANNED_TRUCK_STAGE = String.raw`国(?:[三四34]|IV|III|[ⅢⅣ])`;
/** 国五, 国六, and vehicles with no tailpipe: what "only clean vehicles" allows. */
export const CLEAN_STAGE = String.raw`(?:国(?:[五六56]|VI?|[ⅤⅥ])|(?<![A-Za-z])[ⅤⅥ](?=及以上)|新能源|电动)`;
/** A stage by its name, 国一 … 国六, in any notation. */
export const STAGE_NAME = String.raw`国(?:[一二三四五六1-6]|IV|VI?|I{1,3}|[ⅠⅡⅢⅣⅤⅥ])`;
/** Any stage, old or clean. */
export const ANY_STAGE = `(?:${OLD_STAGE}|${CLEAN_STAGE})`;
/** 国五 said as the bound of a ban ("国五以下"): the old ones below it. */
export const BELOW_FIVE = String.raw`国(?:[五5V]|Ⅴ)以下`;
/** Heavy diesel trucks named without a stage. */
export const HEAVY_DIESEL = '(?:重型柴油|柴油货车|重型货车|重型载货|柴油车|重型车)';
/** 国一, 国二: the non-road machinery stages banned in plants. */
export const NON_ROAD_STAGE = String.raw`国(?:[二2一1]|II|I|[ⅠⅡ])`;
