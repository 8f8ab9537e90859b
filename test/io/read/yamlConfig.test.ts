/**
 * A config file's problems in the officer's words: the slips of a Chinese keyboard where they are (and not
 * where they are not), each setting by its key path as the file shows it, and every problem of a file at once.
 */
import * as z from '../../../src/io/read/schema.js';
import { GROUPS_KIND } from '../../../src/io/read/configFields.js';
import { keyPath } from '../../../src/io/read/configWords.js';
import { checkYamlText } from '../../../src/io/read/yamlConfig.js';
import { yamlSlips } from '../../../src/io/read/yamlSlips.js';

const at = (text: string) => yamlSlips(text).map((s) => [s.line, s.column, s.severity, s.causeOnly ?? false]);

describe('yamlSlips', () => {
  test('a full-width colon after a key, at the start of a line, in a list item and in a flow map', () => {
    expect(at('town：薛埠镇\n  - leader：张三\nbase: { name：镇政府, lon: 119 }\n')).toEqual([
      [1, 5, 'error', false],
      [2, 11, 'error', false],
      [3, 13, 'error', false],
    ]);
  });
  test('not a slip: a full-width colon inside a value or a comment', () => {
    expect(at('text: 说明：熔炼工序停止\nsource: 通知（第3号）：第四章   # 注：示例\n# leader：张三\n')).toEqual([]);
  });
  test('a tab or a full-width space used to indent; a tab after the colon is no slip', () => {
    expect(at('night:\n\tstart: "19:00"\n\u3000\u3000end: "22:00"\ntown:\t薛埠镇\n')).toEqual([
      [2, 1, 'error', false],
      [3, 1, 'error', false],
    ]);
  });
  test('a quote left open is a cause only (said with the YAML error it causes); a colon with no space; full-width brackets and commas', () => {
    expect(at('phone: "1386\ntown:薛埠镇\nvillages: ［甲村］\nmembers: [张三，李四]\n')).toEqual([
      [1, 8, 'error', true],
      [2, 5, 'error', false],
      [3, 11, 'error', false],
      [4, 13, 'warning', false],
    ]);
    // Times and links are not "no space after the colon".
    expect(at('lunch: "12:00-13:00"\nstart: 08:30\nsource: http://example.org/a\n')).toEqual([]);
  });
});

describe('checkYamlText: every problem of a file at once, each in the officer’s words', () => {
  const schema = z.object({
    town: z.string(),
    coverage_days: z.int().check(z.positive(), z.maximum(30)),
    groups: z.array(z.object({ id: z.string(), name: z.string(), villages: z.array(z.string()) })),
  });
  const text = 'town: 薛埠镇\ncoverage_days: 0\ngroups:\n  - id: "1"\n    name: 第一巡查组\n    villages: 东窑村、赤岗村\n  - { id: "2", name: 第二组 }\n';

  test('each setting by its path, what is there, what is expected, an example; a missing one after the rest', () => {
    const c = checkYamlText(text, 'groups.yaml', schema, GROUPS_KIND);
    expect(c.problems.map((p) => [p.code, p.where.line, p.where.column, p.message.zh, p.hint?.zh])).toEqual([
      ['HAZE_CONFIG_VALUE', 2, '16', 'coverage_days：应为几天内把应查企业查一遍，1 到 30 的整数，写的是数字 0', '例如 coverage_days: 2'],
      [
        'HAZE_CONFIG_VALUE',
        6,
        '15',
        'groups → 第1组（第一巡查组） → villages：应为村名的列表，用清单"村社区"列中的写法，写的是文字"东窑村、赤岗村"',
        '用了全角逗号或顿号：列表写成 [甲, 乙]，用半角逗号；例如 villages: [东窑村, 赤岗村]',
      ],
      ['HAZE_CONFIG_VALUE', 7, '5', '缺少 groups → 第2组（第二组） → villages：村名的列表，用清单"村社区"列中的写法', '例如 villages: [东窑村, 赤岗村]'],
    ]);
    // A command stops at the first, with the same words.
    expect(c.refusal?.text.zh).toBe('巡查组配置有误：coverage_days：应为几天内把应查企业查一遍，1 到 30 的整数，写的是数字 0');
    expect(c.refusal?.exitCode).toBe(78);
  });

  test('a broken line is said once, with its cause: the settings it breaks are not reported again', () => {
    const c = checkYamlText(
      'town: 薛埠镇\ncoverage_days: 2\ngroups:\n  - id: "1"\n    name：第一巡查组\n    villages: [东窑村]\n',
      'g.yaml',
      schema,
      GROUPS_KIND,
    );
    expect(c.problems.map((p) => [p.code, p.where.line, p.where.column])).toEqual([['HAZE_CONFIG_SYNTAX', 5, '9']]);
    expect(c.refusal?.code).toBe('HAZE_CONFIG_YAML');
  });

  test('keyPath names an item of a list by its name or id', () => {
    expect(keyPath(['groups', 1, 'villages', 0], GROUPS_KIND, { groups: [{}, { id: '2', villages: ['甲'] }] })).toEqual({
      zh: 'groups → 第2组（2） → villages → 第1个村',
      en: 'groups → group 2 (2) → villages → village 1',
    });
  });
});
