/**
 * A cell that copies every grade's measure and says the enterprise's own (gradeParts.ts): the part for its grade,
 * with what is said for all of them.
 */
import { gradePart } from '../../../src/core/rules/gradeParts.js';
import { normaliseText, parseMeasureText } from '../../../src/core/rules/measureText.js';

const part = (text: string) => gradePart(normaliseText(text));

describe("the part of a cell for the enterprise's own grade", () => {
  test.each([
    ['橙色预警：B级企业限产20%，C级企业停产50%生产线，D级企业停产；本企业为C级。', 'C级企业停产50%生产线'],
    ['停止使用国四及以下重型柴油货车运输，A级企业自主减排，其他企业限产30%；本企业为A级。', '停止使用国四及以下重型柴油货车运输;A级企业自主减排'],
    // A grade with no part of its own takes the others'.
    ['A级企业自主减排，其他企业限产30%；本企业为B级', '其他企业限产30%'],
  ])('%s → %s', (text, expected) => {
    expect(part(text)).toBe(expected);
  });

  test.each([
    // No grade of its own said, or no grades listed apart: the whole cell.
    ['B级企业限产20%，C级企业停产50%生产线'],
    ['本企业为C级，停产50%生产线'],
  ])('%s → the whole cell', (text) => {
    expect(part(text)).toBeNull();
  });

  test('the reading follows the part', () => {
    expect(parseMeasureText('橙色预警：B级企业限产20%，C级企业停产50%生产线，D级企业停产；本企业为C级。')).toMatchObject({
      action: 'stop_part',
      limitPct: 50,
    });
    expect(parseMeasureText('停止使用国四及以下重型柴油货车运输，A级企业自主减排，其他企业限产30%；本企业为A级。')).toMatchObject({
      action: 'self',
      truckBan: true,
    });
  });
});
