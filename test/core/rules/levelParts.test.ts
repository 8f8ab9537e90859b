/**
 * One cell that gives several levels' measures, read for the level asked (levelParts.ts): the part for the level,
 * with what is said before the first level and for every level, and the lower level carried in when the text
 * builds on it.
 */
import { levelPart } from '../../../src/core/rules/levelParts.js';
import { normaliseText, parseMeasureText } from '../../../src/core/rules/measureText.js';
import type { AlertLevel } from '../../../src/core/model.js';

const part = (text: string, level: AlertLevel) => levelPart(normaliseText(text), level);

describe('the part of a cell for one level', () => {
  test.each([
    ['黄色：限产20%；橙色：1#窑停产（共2座）；红色：全部停产', 'orange', '1#窑停产(共2座)'],
    ['黄色：限产20%；橙色：1#窑停产（共2座）；红色：全部停产', 'red', '全部停产'],
    ['D级企业：黄色、橙色、红色预警期间均停产。', 'orange', 'D级企业:停产'],
    ['Ⅲ级限产10%、Ⅱ级限产20%、Ⅰ级限产30%', 'orange', '限产20%'],
    ['黄色预警期间，停止使用国四及以下重型载货车辆运输；橙色及以上预警期间，停止公路运输。', 'red', '停止公路运输'],
    ['黄色：停止使用国四及以下货车；橙色：在黄色基础上限产30%；红色：停产', 'orange', '停止使用国四及以下货车;限产30%'],
    ['黄色：限产20%；橙色：全厂停产。各级预警期间均停止使用国四及以下重型柴油货车运输。', 'orange', '全厂停产;停止使用国四及以下重型柴油货车运输'],
    ['本企业黄色预警限产10%，橙色预警限产20%，红色预警限产30%并停用国四车辆', 'orange', '本企业限产20%'],
    // A share alone is the verb's said before the levels; only a higher level named leaves the rest to this one.
    ['B级企业限产，黄色20%，橙色30%，红色50%', 'orange', 'B级企业限产30%'],
    ['限产40%；红色预警时停产', 'orange', '限产40%'],
    ['限产20%-红色停产', 'orange', '限产20%'],
    ['一级响应停产；二级响应限产50%；三级响应限产30%', 'orange', '限产50%'],
    // "所有" names no level.
    ['黄色：限产20%；橙色：停止所有喷涂工序', 'orange', '停止所有喷涂工序'],
  ] as [string, AlertLevel, string][])('%s (%s) → %s', (text, level, expected) => {
    expect(part(text, level)).toBe(expected);
  });

  test.each([
    // One level only, or levels named in passing: the whole cell is the measure.
    ['橙色预警期间：停产', 'orange'],
    ['黄色预警：限产30%，同时做好橙色、红色预警升级应对准备', 'orange'],
    ['限产30%', 'orange'],
    // The cell gives no part for the level asked: read whole, never weaker.
    ['黄色：限产20%；红色：停产', 'orange'],
    // A measure for red said in one breath with its reason is red's, not the lower level's.
    ['按照“以停代限”要求，红色预警期间停运4台中频炉中的3台', 'orange'],
  ] as [string, AlertLevel][])('%s (%s) → the whole cell', (text, level) => {
    expect(part(text, level)).toBeNull();
  });
});

describe('parseMeasureText for a level', () => {
  test('the level asked decides what a multi-level cell asks for', () => {
    const text = '黄色预警：停止喷涂工序；橙色预警：全厂停产；红色预警：全厂停产，停止公路运输。';
    expect(parseMeasureText(text, 'yellow')).toMatchObject({ action: 'stop_part', truckBan: false, uninterpreted: [] });
    expect(parseMeasureText(text, 'orange')).toMatchObject({ action: 'stop', truckBan: false, uninterpreted: [] });
    expect(parseMeasureText(text, 'red')).toMatchObject({ action: 'stop', truckBan: true, uninterpreted: [] });
  });

  test('a higher level said in brackets is not the measure of this one', () => {
    expect(parseMeasureText('Ⅱ级应急响应：限产40%（红色预警时全部停产）', 'orange')).toMatchObject({ action: 'limit', limitPct: 40 });
  });

  test('without a level the cell is read whole, its strongest part winning', () => {
    const got = parseMeasureText('黄色：限产20%；橙色：停产');
    expect(got.action).toBe('stop');
    expect(got.levelPart).toBeNull();
  });
});
