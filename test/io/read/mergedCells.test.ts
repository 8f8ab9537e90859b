import { MergeFill, MergeScanner, parseRange } from '../../../src/io/read/mergedCells.js';

test('a range reference → rows and columns, either corner first', () => {
  expect(parseRange('B5:D9')).toEqual({ top: 5, bottom: 9, left: 2, right: 4 });
  expect(parseRange('AA10:Z2')).toEqual({ top: 2, bottom: 10, left: 26, right: 27 });
  expect(parseRange('A1')).toBeNull();
  expect(parseRange('$A$1:$B$2')).toBeNull();
});

test('the ranges of <mergeCells> are found however the XML is cut into chunks', () => {
  const xml =
    '<worksheet><sheetData><row r="1"><c r="A1"><v>mergeCell</v></c></row></sheetData>' +
    '<mergeCells count="3"><mergeCell ref="D2:D6"/><mergeCell ref="Q4:S4"/><x:mergeCell ref="A1:A1"/></mergeCells></worksheet>';
  const bytes = Buffer.from(xml);
  for (let size = 1; size <= bytes.length; size += 7) {
    const s = new MergeScanner();
    for (let at = 0; at < bytes.length; at += size) s.push(bytes.subarray(at, at + size));
    // A1:A1 is one cell, not a merge.
    expect(s.ranges()).toEqual([
      { top: 2, bottom: 6, left: 4, right: 4 },
      { top: 4, bottom: 4, left: 17, right: 19 },
    ]);
  }
  const none = new MergeScanner();
  none.push(Buffer.from('<worksheet><sheetData/></worksheet>'));
  expect(none.ranges()).toEqual([]);
});

test('a merged value fills its range down and across; blank rows, and rows past the range, are left alone', () => {
  const fill = new MergeFill([
    { top: 2, bottom: 5, left: 1, right: 1 },
    { top: 3, bottom: 3, left: 2, right: 4 },
  ]);
  expect(fill.apply(1, ['村', '措施'])).toEqual(['村', '措施']);
  expect(fill.apply(2, ['东窑村', 'x'])).toEqual(['东窑村', 'x']);
  expect(fill.apply(3, ['', '停产'])).toEqual(['东窑村', '停产', '停产', '停产']);
  expect(fill.apply(4, ['', '', ''])).toEqual(['', '', '']);
  expect(fill.apply(5, ['', 'y'])).toEqual(['东窑村', 'y']);
  expect(fill.apply(6, ['', 'z'])).toEqual(['', 'z']);
});

test('a range whose top row never came, or whose top-left cell is empty, fills nothing', () => {
  const fill = new MergeFill([
    { top: 2, bottom: 4, left: 1, right: 1 },
    { top: 5, bottom: 6, left: 2, right: 2 },
  ]);
  expect(fill.apply(3, ['', 'a'])).toEqual(['', 'a']);
  expect(fill.apply(5, ['b', ''])).toEqual(['b', '']);
  expect(fill.apply(6, ['c', ''])).toEqual(['c', '']);
});
