/** Where the header is, and how header cells are matched. */
import { findHeader } from '../../../src/io/read/headerRow.js';
import { fieldOfHeader, headerKey } from '../../../src/io/read/listColumns.js';

const rows = (...cells: string[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));

test('every alias the issue names, and units or notes in brackets', () => {
  const cases: [string, string][] = [
    ['企业名称', 'name'],
    ['单位名称', 'name'],
    ['企业（单位）名称', 'name'],
    ['企业(单位)名称', 'name'],
    ['排污单位名称', 'name'],
    ['统一社会信用代码', 'creditCode'],
    ['社会信用代码', 'creditCode'],
    ['信用代码', 'creditCode'],
    ['村社区', 'village'],
    ['所在村', 'village'],
    ['村（社区）', 'village'],
    ['行政村', 'village'],
    ['行业类别', 'industry'],
    ['行业', 'industry'],
    ['所属行业', 'industry'],
    ['行业类型', 'industry'],
    ['绩效等级', 'grade'],
    ['绩效分级', 'grade'],
    ['企业分级', 'grade'],
    ['管控类型', 'grade'],
    ['分级', 'grade'],
    ['经度', 'lon'],
    ['lng', 'lon'],
    ['lon', 'lon'],
    ['X', 'lon'],
    ['纬度', 'lat'],
    ['lat', 'lat'],
    ['Y', 'lat'],
    ['橙色预警措施', 'orange'],
    ['橙色预警减排措施', 'orange'],
    ['Ⅱ级响应措施', 'orange'],
    ['II级响应措施', 'orange'],
    ['二级响应措施', 'orange'],
    ['黄色预警减排措施', 'yellow'],
    ['Ⅲ级响应措施', 'yellow'],
    ['红色预警减排措施', 'red'],
    ['Ⅰ级响应措施', 'red'],
    ['二氧化硫', 'so2'],
    ['氮氧化物', 'nox'],
    ['挥发性有机物', 'vocs'],
    ['SO2排放量(吨/年)', 'so2'],
    ['ＳＯ２排放量（吨/年）', 'so2'],
    ['NOx排放量（t/a）', 'nox'],
    ['颗粒物排放量【吨】', 'pm'],
    ['经度(°)', 'lon'],
    ['*企业名称', 'name'],
    ['统一社会\n信用代码', 'creditCode'],
    ['LNG', 'lon'],
  ];
  expect(cases.map(([h]) => fieldOfHeader(h))).toEqual(cases.map(([, f]) => f));
  expect(['序号', '排污许可证编号', '', '备注（其他）'].map(fieldOfHeader)).toEqual([undefined, undefined, undefined, undefined]);
  expect(headerKey(' ＳＯ２排放量 ')).toBe('so2排放量');
});

test('title rows above the header are skipped', () => {
  const found = findHeader(
    rows(['薛埠镇应急减排清单', '', ''], ['填报单位：薛埠镇', '', ''], ['企业名称', '统一社会信用代码', '绩效等级'], ['甲', '9132', 'C']),
  );
  expect(found).toEqual({ cells: ['企业名称', '统一社会信用代码', '绩效等级'], row: 3, consumed: 3 });
});

test('a header over two rows is folded; known upper names stay', () => {
  const found = findHeader(
    rows(
      ['企业名称', '经度', '年排放量（吨）', '', '预警措施', '', ''],
      ['', '', 'SO2', 'NOx', '黄色', '橙色', '红色'],
      ['甲', '119.3', '1', '2', '停产', '停产', '停产'],
    ),
  );
  expect(found).toEqual({ cells: ['企业名称', '经度', 'SO2', 'NOx', '黄色', '橙色', '红色'], row: 1, consumed: 2 });
});

test('without a row naming three known columns, the first non-blank row is the header', () => {
  expect(findHeader(rows(['', ''], ['名称', '代码'], ['甲', '1']))).toEqual({ cells: ['名称', '代码'], row: 2, consumed: 2 });
  expect(findHeader(rows(['', ' ']))).toBeNull();
});
