/**
 * haze's terminal tables (src/io/write/table.ts) draw what cli-table3 draws, character for character, with
 * and without colour: plain text (line breaks too) by haze's own drawing, anything else (emoji, control
 * characters, ANSI codes, © ®) by cli-table3 itself. Held against cli-table3 on random cells and on the sample town's measures.
 */
import colors from '@colors/colors/safe.js'; // cli-table3's colours (its optional dependency)
import Table from 'cli-table3';
import fc from 'fast-check';
import { measureColumns } from '../../../src/cli/actions/measures.js';
import type { Column } from '../../../src/io/write/columns.js';
import { drawPlainTable, plainWidth, renderTable } from '../../../src/io/write/table.js';
import { sampleTown } from '../../helpers/sampleTown.js';

function cliTable3(head: string[], body: string[][], color: boolean): string {
  const table = new Table({ head, style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: true }, wordWrap: false });
  table.push(...body);
  return `${table.toString()}\n`;
}

/** Each end of every range haze draws itself, and a few from inside them. */
const PLAIN = [' ', '~', 'a', 'Z', '0', '9', '%', '|', '\u00a0', '\u00a8', '\u00aa', '\u00ad', '\u00af', 'é', '×', '\u00ff'];
PLAIN.push('\u2010', '—', '“', '”', '…', '\u2027', '‰', '\u203a', '℃', 'Ⅰ', 'Ⅱ', '\u217f', '①', '\u24c1');
PLAIN.push('\u3000', '、', '。', '《', '》', '【', '】', '\u302f', 'ぁ', 'ヿ', '\u3400', '\u4dbf', '一', '中', '镇', '\u9fff');
PLAIN.push('\n', '가', '\ud7a3', '\uf900', '\ufaff', '\ufe30', '\ufe4f', '！', '（', '）', '：', '％', '\uff60', '￠', '\uffe6');
/** What haze leaves to cli-table3. */
const OTHER = ['😀', '©', '®', '™', '\r\n', '\t', '\u001b[31m', '\u0301', '#\ufe0f\u20e3', '\u2122', '\u3030', '\u303d'];

const cell = (alphabet: string[]) => fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 6 });
const tableOf = (alphabet: string[]) =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      head: fc.array(cell(alphabet), { minLength: width, maxLength: width }),
      body: fc.array(fc.array(cell(alphabet), { minLength: width, maxLength: width }), { maxLength: 6 }),
      color: fc.boolean(),
    }),
  );

const columnsOf = (head: readonly string[]): Column<string[]>[] => head.map((h, i) => ({ key: `c${i}`, zh: h, en: h, value: (r) => r[i]! }));

beforeAll(() => colors.enable()); // in a test stdout is no terminal: cli-table3's colours would stay off
afterAll(() => colors.disable());

describe('tables', () => {
  test('plain text: haze draws it, the same as cli-table3', () => {
    fc.assert(
      fc.property(tableOf(PLAIN), ({ head, body, color }) => {
        const mine = drawPlainTable(head, body, color);
        expect(mine).not.toBeNull();
        expect(`${mine}\n`).toBe(cliTable3(head, body, color));
      }),
      { numRuns: 400 },
    );
  });

  test('any text: the same as cli-table3 (what is not plain goes to cli-table3)', () => {
    fc.assert(
      fc.property(tableOf([...PLAIN.slice(0, 8), '中', ...OTHER]), ({ head, body, color }) => {
        expect(renderTable(body, columnsOf(head), { lang: 'zh', color })).toBe(cliTable3(head, body, color));
      }),
      { numRuns: 300 },
    );
  });

  test('widths: ASCII 1, CJK 2; emoji and control characters are not plain', () => {
    expect(plainWidth('haze 1.0')).toBe(8);
    expect(plainWidth('薛埠镇（示例）')).toBe(14);
    expect(plainWidth('Ⅱ级响应')).toBe(7);
    for (const s of OTHER) expect(plainWidth(`a${s}`)).toBeNull();
  });

  test("the sample town's measures, Chinese and English, with and without colour", () => {
    const town = sampleTown();
    const measures = town.measuresAt('orange');
    const rows = town.list.enterprises.map((e) => ({ e, m: measures.get(e.creditCode)! }));
    for (const lang of ['zh', 'en'] as const) {
      const columns = measureColumns(town.rules, lang);
      const cols = columns.filter((c) => !c.dataOnly);
      for (const color of [false, true]) {
        const head = cols.map((c) => (lang === 'en' ? c.en : c.zh));
        const body = rows.map((r) =>
          cols.map((c) => ((v) => (v === null ? '' : typeof v === 'boolean' ? (v ? (lang === 'en' ? 'yes' : '是') : '') : String(v)))(c.value(r))),
        );
        expect(drawPlainTable(head, body, color)).not.toBeNull(); // the sample is all plain text
        expect(renderTable(rows, columns, { lang, color })).toBe(cliTable3(head, body, color));
      }
    }
  });

  test('a header only, for no rows', () => {
    expect(renderTable([], columnsOf(['企业', 'name']), { lang: 'zh', color: false })).toBe(cliTable3(['企业', 'name'], [], false));
  });
});
