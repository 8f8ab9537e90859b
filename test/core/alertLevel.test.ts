import { LEVEL_FORMS, parseAlertLevel } from '../../src/core/alertLevel.js';
import type { AlertLevel } from '../../src/core/model.js';

const FORMS: Record<AlertLevel, string[]> = {
  yellow: [
    'yellow',
    'Yellow',
    'YELLOW',
    ' yellow ',
    'ｙｅｌｌｏｗ',
    '黄',
    '黄色',
    '黄色预警',
    '三级',
    '3级',
    '３级',
    'Ⅲ级',
    'Ⅲ',
    'III级',
    'III 级',
    'iii级',
    'ⅲ级',
    'III',
    '三级响应',
    '3级响应',
    'Ⅲ级响应',
    'III级响应',
    '黄色（Ⅲ级响应）',
    '黄色预警(三级响应)',
  ],
  orange: [
    'orange',
    'Orange',
    '橙',
    '橙色',
    '橙色预警',
    ' 橙色 ',
    '二级',
    '2级',
    'Ⅱ级',
    'Ⅱ',
    'II级',
    'II 级',
    'ii',
    '二级响应',
    '2级响应',
    'Ⅱ级响应',
    'II级响应',
    '橙色（Ⅱ级响应）',
  ],
  red: ['red', 'RED', '红', '红色', '红色预警', '一级', '1级', 'Ⅰ级', 'Ⅰ', 'I级', 'I 级', 'I', '一级响应', '1级响应', 'Ⅰ级响应', 'I级响应', '红色（Ⅰ级响应）'],
};

describe('parseAlertLevel', () => {
  test.each(Object.entries(FORMS).flatMap(([level, forms]) => forms.map((f) => [f, level])))('%j → %s', (form, level) => {
    expect(parseAlertLevel(form)).toBe(level);
  });

  test.each(['purple', '', '   ', '四级', '4级', 'Ⅳ级', 'orange2', '2', '二', '三', 'yel', '橙红', '黄色响应', '橙色（Ⅰ级响应）', '级', '响应', 'IIII级'])(
    '%j → null',
    (form) => {
      expect(parseAlertLevel(form)).toBeNull();
    },
  );

  test('the forms for messages name every level in both languages', () => {
    for (const s of ['黄色：yellow', '橙色预警', 'Ⅱ级响应', '3级', 'III']) expect(LEVEL_FORMS.zh).toContain(s);
    for (const s of ['yellow (黄', 'orange (橙', 'red (红', 'Ⅰ级响应', 'III']) expect(LEVEL_FORMS.en).toContain(s);
  });

  test('every form the message shows is accepted', () => {
    const shown = LEVEL_FORMS.zh
      .replace(/（.*$/u, '')
      .split(/[；、]/u)
      .map((f) => f.replace(/^.*：/u, ''));
    expect(shown.length).toBe(24);
    for (const f of shown) expect(parseAlertLevel(f)).not.toBeNull();
  });
});
