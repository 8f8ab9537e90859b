/**
 * Fitting a table to a width (src/io/write/tableFit.ts): wrapped text never passes the width and loses no
 * character, Latin words stay whole where they can, a closing mark never begins a line; the layout leaves out
 * columns in the declared order, only as many as it must, and narrows wrapping columns before anything else.
 */
import fc from 'fast-check';
import { layoutFor, wrapText } from '../../../src/io/write/tableFit.js';
import { displayWidth } from '../../../src/io/write/tableWidth.js';

const lineOf = (widths: number[]) => widths.reduce((s, w) => s + w, 0) + widths.length + 1;

describe('wrapText', () => {
  test('every line within the width, and nothing lost but the spaces at the breaks', () => {
    const unit = fc.constantFrom('中', '镇', '，', '。', '）', 'a', 'B', '7', ' ', '%', '-', 'é', '①');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.integer({ min: 2, max: 30 }), (text, width) => {
        const lines = wrapText(text, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }),
      { numRuns: 500 },
    );
  });

  test('Chinese breaks between characters; a closing mark comes down with the character before it', () => {
    expect(wrapText('停产；停止公路运输', 8)).toEqual(['停产；停', '止公路运', '输']);
    expect(wrapText('自主减排；禁止露天焚烧', 8)).toEqual(['自主减', '排；禁止', '露天焚烧']);
  });

  test('Latin words stay whole; a word longer than the line is cut', () => {
    expect(wrapText('the rule for grade C applies', 12)).toEqual(['the rule for', 'grade C', 'applies']);
    expect(wrapText('https://example.org/a', 8)).toEqual(['https://', 'example.', 'org/a']);
  });

  test('text that fits is left alone, line breaks included', () => {
    expect(wrapText('第一行\n第二行', 6)).toEqual(['第一行', '第二行']);
  });
});

describe('layoutFor', () => {
  const cols = [{}, { wrap: true }, { drop: 2 }, { drop: 1 }, { wrap: true, drop: 3 }];
  const natural = [12, 40, 16, 20, 30];

  test('wide enough: nothing left out, nothing narrowed', () => {
    expect(layoutFor(natural, cols, 200)).toEqual({ shown: [0, 1, 2, 3, 4], widths: natural, dropped: [] });
  });

  test('narrower: wrapping columns are narrowed first, then columns left out in their order, only as many as needed', () => {
    // All kept with the two wrapping columns at their floor (18): 12+18+16+20+18 + 6 = 90.
    const at100 = layoutFor(natural, cols, 100);
    expect(at100.dropped).toEqual([]);
    expect(lineOf(at100.widths)).toBeLessThanOrEqual(100);
    const at80 = layoutFor(natural, cols, 80);
    expect(at80.dropped).toEqual([3]);
    expect(lineOf(at80.widths)).toBeLessThanOrEqual(80);
    const at60 = layoutFor(natural, cols, 60);
    expect(at60.dropped).toEqual([3, 2]);
    expect(at60.shown).toEqual([0, 1, 4]);
    expect(lineOf(at60.widths)).toBeLessThanOrEqual(60);
  });

  test('a screen too narrow for the columns that must stay: they are narrowed too, never past the edge while they can be', () => {
    const r = layoutFor(natural, cols, 30);
    expect(r.shown).toEqual([0, 1]);
    expect(lineOf(r.widths)).toBeLessThanOrEqual(30);
  });

  test('an empty column the table can spare goes first, whatever the width asked', () => {
    expect(layoutFor([10, 10], [{}, { drop: 5, empty: true }], 15).dropped).toEqual([1]);
  });
});
