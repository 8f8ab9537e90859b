/**
 * Synthetic enterprise lists for the benchmarks (bench:load, bench:district): the standard columns, a mix of
 * grades and measure texts as lists write them, codes with valid check characters, around the sample town.
 */
import { creditCodeCheckChar } from '../src/core/creditCode.js';
import { createRandom, type Random } from '../src/core/routing/random.js';

export const LIST_HEADER =
  '统一社会信用代码,企业名称,镇街,村社区,详细地址,行业类别,绩效等级,联系人,联系电话,经度,纬度,SO2排放量,NOx排放量,颗粒物排放量,VOCs排放量,日均货车车次,黄色预警措施,橙色预警措施,红色预警措施';
export const VILLAGES = [
  '彭城村',
  '对达村',
  '赤岗村',
  '上阮村',
  '方麓村',
  '连山村',
  '茅庵村',
  '东窑村',
  '东进村',
  '石马村',
  '致和村',
  '夏桥村',
  '罗村村',
  '仙姑村',
  '花山村',
  '丫髻村',
  '方山村',
  '茅麓村',
  '塘马村',
  '西阳村',
  '薛埠现代产业园',
];
const INDUSTRIES = ['铸造', '工业涂装', '包装印刷', '家具制造', '塑料制品', '机械加工', '纺织印染', '化工', '商品混凝土', '砖瓦窑', '茶叶加工', '木材加工'];
const WORDS = ['金坛', '茅山', '华宇', '瑞祥', '振华', '恒达', '新锐', '东方', '苏南', '天目', '常青', '宏远'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
/** Grade, then yellow / orange / red measure texts as lists write them (some cells left empty). */
const MEASURES: [string, string, string, string][] = [
  ['A', '自主减排', '自主减排', '自主减排'],
  ['B', '限产20%；停止使用国四及以下重型柴油车运输', '限产30%；停止使用国四及以下重型柴油车运输', '停产'],
  ['B-', '限产20%', '停止喷涂工序', '停产'],
  ['C', '停止50%生产线', '停产', '停产'],
  ['D', '停产', '停产', '停产'],
  ['非分级', '', '限产30%', '停产'],
  ['保障类', '保障类不停产', '以热定产', '以热定产'],
  ['C', '停止调漆、喷涂工序', '1号窑停产', '全厂停产'],
];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(i: number, rnd: Random): string {
  let body = '91320413MA';
  for (let k = 0; k < 7; k++) body += CODE_CHARS[k < 3 ? rnd.int(CODE_CHARS.length) : Math.floor(i / 31 ** (k - 3)) % 31];
  return body + creditCodeCheckChar(body)!;
}

export interface ListTextOptions {
  /** The town the rows name (镇街, and the start of each address); 薛埠镇 by default. */
  town?: string;
  /** The number of the first enterprise: lists of one district number theirs apart, so codes and names never meet. */
  first?: number;
}

/**
 * A list of `rows` enterprises as CSV text (header first, LF). Seeded: the same arguments give the same bytes.
 * Enterprise i (from `first`) has the code and the name only it has: the code's last four characters are i in
 * base 31, so up to 31⁴ enterprises never share one.
 */
export function listText(rows: number, seed: number, opts: ListTextOptions = {}): string {
  const town = opts.town ?? '薛埠镇';
  const first = opts.first ?? 0;
  const rnd = createRandom(seed);
  const out: string[] = [LIST_HEADER];
  const t = (x: number) => (rnd.next() < 0.1 ? '' : x.toFixed(3));
  for (let i = 0; i < rows; i++) {
    const [grade, y, o, r] = MEASURES[rnd.int(MEASURES.length)]!;
    const village = VILLAGES[rnd.int(VILLAGES.length)]!;
    const name = `常州${WORDS[rnd.int(WORDS.length)]}${INDUSTRIES[rnd.int(INDUSTRIES.length)]}${first + i}有限公司`;
    out.push(
      [
        creditCode(first + i, rnd),
        name,
        town,
        village,
        `${town}${village}${1 + rnd.int(12)}组${1 + rnd.int(200)}号`,
        INDUSTRIES[rnd.int(INDUSTRIES.length)],
        grade,
        SURNAMES[rnd.int(SURNAMES.length)] + '建国',
        `139${String(rnd.int(1e8)).padStart(8, '0')}`,
        (119.372819 + (rnd.next() - 0.5) * 0.16).toFixed(6),
        (31.72512 + (rnd.next() - 0.5) * 0.14).toFixed(6),
        t(rnd.next() * 5),
        t(rnd.next() * 10),
        t(rnd.next() * 8),
        t(rnd.next() * 12),
        String(rnd.int(30)),
        y,
        o,
        r,
      ].join(','),
    );
  }
  return `${out.join('\n')}\n`;
}
