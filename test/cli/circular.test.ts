import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FIXTURES, haze, REPO, tempDir } from '../helpers/runHaze.js';

/**
 * haze findings circular on the sample town (orange from 2019-12-08 14:00), "today" 2019-12-10 10:00, after the
 * province's notice in test/fixtures/findings-notice-spelling.csv is imported: 振华 twice (spelled 常州振华纺织印染公司
 * in the notice, 常州振华纺织印染有限公司 on the list), 泰和 once with no name given, and 瑞祥生态茶业 on 12-07, the
 * day before the alert began.
 */
const NOW = { HAZE_NOW: '2019-12-10 10:00' };
const ZHENHUA = '91320413554494321E';
const TAIHE = '91320413071301847A';
const TEA = '91320413MAJ751FF69';

const LIST = (parse(readFileSync(join(REPO, 'data/xuebu/enterprises.csv')), { bom: true, columns: true }) as Record<string, string>[]).map((r) => ({
  code: r['统一社会信用代码']!,
  name: r['企业名称']!,
}));
const nameOf = (code: string) => LIST.find((e) => e.code === code)!.name;

interface Row {
  credit_code: string;
  name: string;
  found: boolean | string;
  finding_name: string | null;
  finding_date: string | null;
  finding_problem: string | null;
  finding_doc_no: string | null;
  finding_status: string | null;
  rectify_by: string | null;
  required_action: string | null;
  message: string;
}

function workspace(): { dir: string; run: (...args: string[]) => ReturnType<typeof haze> } {
  const dir = tempDir();
  const run = (...args: string[]) => haze(args, { cwd: dir, env: NOW });
  copyFileSync(join(FIXTURES, 'findings-notice-spelling.csv'), join(dir, 'notice.csv'));
  const r = run('findings', 'import', 'notice.csv');
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return { dir, run };
}

describe('haze findings circular: the circular of the province’s findings to every enterprise on the list', () => {
  const { run } = workspace();
  const csvRows = (...args: string[]) => {
    const r = run('findings', 'circular', '--format', 'csv', ...args);
    expect(r.status).toBe(0);
    return parse(r.stdout, { columns: true }) as Row[];
  };

  test('CSV: one row per enterprise on the list, in the list’s order; the findings on the right rows, named as the notice names them', () => {
    const rows = csvRows();
    expect(rows.map((r) => r.credit_code)).toEqual(LIST.map((e) => e.code));
    expect(rows.map((r) => r.name)).toEqual(LIST.map((e) => e.name));
    const found = rows.filter((r) => r.found === 'true');
    expect(found.map((r) => r.credit_code).sort()).toEqual([TAIHE, ZHENHUA].sort());
    expect(rows.filter((r) => r.found === 'false')).toHaveLength(LIST.length - 2);
    const zhenhua = rows.find((r) => r.credit_code === ZHENHUA)!;
    expect(zhenhua).toMatchObject({
      name: nameOf(ZHENHUA),
      finding_name: '常州振华纺织印染公司',
      finding_date: '2019-12-08；2019-12-09',
      finding_problem: '未落实停产措施，印染车间仍在生产；废气治理设施未运行',
      finding_doc_no: '苏大气办〔2019〕12号；苏大气办〔2019〕13号',
      finding_status: 'open',
      rectify_by: '2019-12-13',
    });
    // No name in the notice: the list's name, nothing made up.
    expect(rows.find((r) => r.credit_code === TAIHE)!).toMatchObject({ finding_name: nameOf(TAIHE), finding_problem: '一厂一策公示牌未公示当前预警级别' });
    // findings list keeps the list's name: the notice's spelling is only for the circular.
    const listed = parse(run('findings', 'list', '--format', 'csv').stdout, { columns: true }) as { credit_code: string; name: string }[];
    expect(listed.filter((f) => f.credit_code === ZHENHUA).map((f) => f.name)).toEqual([nameOf(ZHENHUA), nameOf(ZHENHUA)]);
    // 12-07 is before the alert in force began: outside the default range.
    expect(rows.find((r) => r.credit_code === TEA)!).toMatchObject({ found: 'false', finding_problem: '', rectify_by: '' });
  });

  test('the required action of every enterprise is what haze notify tells it at the same level', () => {
    const rows = csvRows();
    const notify = haze(['notify', '--date', '2019-12-10', '--format', 'json'], { cwd: tempDir(), env: NOW });
    expect(notify.status).toBe(0);
    const notices = new Map((JSON.parse(notify.stdout) as { credit_code: string; message: string }[]).map((n) => [n.credit_code, n.message]));
    expect(notices.size).toBeGreaterThan(100);
    for (const r of rows) {
      const notice = notices.get(r.credit_code);
      if (notice === undefined) {
        expect([r.credit_code, r.required_action]).toEqual([r.credit_code, '']);
      } else {
        expect(r.required_action).not.toBe('');
        expect([r.credit_code, notice.includes(`。${r.required_action}。`)]).toEqual([r.credit_code, true]);
        expect(r.message).toContain(`${r.required_action}。`);
      }
    }
  });

  test('the messages: the named enterprise hears its problem and deadline; the others how many were named and what', () => {
    const rows = csvRows();
    const zhenhua = rows.find((r) => r.credit_code === ZHENHUA)!;
    expect(zhenhua.message).toContain(
      `【薛埠镇省级暗查通报】${nameOf(ZHENHUA)}：贵单位在2019年12月8日至12月10日省级暗查中被通报（苏大气办〔2019〕12号、苏大气办〔2019〕13号）`,
    );
    expect(zhenhua.message).toContain('请立即整改，于12月13日前将整改情况书面报送薛埠镇');
    const other = rows.find((r) => r.found === 'false')!;
    expect(other.message).toContain(
      '省级暗查通报本镇 2 家企业存在问题（未落实停产措施，印染车间仍在生产；一厂一策公示牌未公示当前预警级别；废气治理设施未运行），请引以为戒',
    );
    expect(other.message).not.toContain('12月13日');
  });

  test('JSON: the same rows, with true/false and null', () => {
    const r = run('findings', 'circular', '--format', 'json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows).toHaveLength(LIST.length);
    expect(
      rows
        .filter((x) => x.found === true)
        .map((x) => x.credit_code)
        .sort(),
    ).toEqual([TAIHE, ZHENHUA].sort());
    expect(rows.find((x) => x.credit_code === ZHENHUA)).toMatchObject({
      finding_name: '常州振华纺织印染公司',
      rectify_by: '2019-12-13',
      finding_status: 'open',
    });
    expect(rows.find((x) => x.credit_code === TEA)).toMatchObject({ found: false, finding_name: null, rectify_by: null, finding_status: null });
    expect(Object.keys(rows[0]!)).toEqual([
      'credit_code',
      'name',
      'village',
      'contact',
      'phone',
      'found',
      'finding_name',
      'finding_date',
      'finding_problem',
      'finding_doc_no',
      'finding_status',
      'rectify_by',
      'required_action',
      'message',
    ]);
  });

  test('text: the title with the range, each finding with the notice’s name, problem and number, what follows; the range on stderr', () => {
    const r = run('findings', 'circular', '--doc-no', '薛政发〔2019〕88号');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('关于2019年12月8日至12月10日省级重污染天气应急暗查情况的通报');
    expect(lines[1]).toBe('文号：薛政发〔2019〕88号　2019年12月10日');
    expect(r.stdout).toContain('通报（苏大气办〔2019〕12号、苏大气办〔2019〕13号）我镇 2 家企业存在 3 个问题');
    expect(lines.filter((l) => /^　\d+\. /.test(l))).toEqual([
      `　1. 常州振华纺织印染公司（薛埠现代产业园） 12月8日：未落实停产措施，印染车间仍在生产【苏大气办〔2019〕12号】—— 限12月13日前整改，待复查`,
      `　2. ${nameOf(TAIHE)}（罗村村） 12月9日：一厂一策公示牌未公示当前预警级别【苏大气办〔2019〕13号】—— 限12月13日前整改，待复查`,
      `　3. 常州振华纺织印染公司（薛埠现代产业园） 12月9日：废气治理设施未运行【苏大气办〔2019〕13号】—— 限12月13日前整改，待复查`,
    ]);
    expect(r.stdout).toContain('三、预警期间各企业须执行\n　　自2019年12月8日14时起重污染天气橙色预警（Ⅱ级响应）期间');
    expect(r.stderr).toContain('通报范围：2019-12-08 至 2019-12-10（自执行中的预警开始）');
    expect(r.stderr).toContain('共 3 个问题，涉及 2 家企业');
  });

  test('--from/--to: a finding from the day before the alert comes in when the range holds it', () => {
    const rows = csvRows('--from', '2019-12-07', '--to', '2019-12-07');
    expect(rows.filter((r) => r.found === 'true').map((r) => [r.credit_code, r.finding_name, r.finding_doc_no, r.rectify_by])).toEqual([
      [TEA, nameOf(TEA), '苏大气办〔2019〕11号', '2019-12-13'],
    ]);
  });

  test('no findings in the range: said clearly on stderr, and the circular still repeats what the level requires', () => {
    const r = run('findings', 'circular', '--from', '2019-12-01', '--to', '2019-12-06', '--level', 'orange');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('注意: 2019-12-01 至 2019-12-06 没有省级暗查问题（用 haze findings import 导入通报）；通报只重申预警期间的要求');
    expect(r.stdout).toContain('2019年12月1日至12月6日，省级暗查未通报我镇企业存在问题。现将预警期间的要求重申如下：');
    expect(r.stdout).not.toContain('暗查发现的问题');
    expect(r.stdout).toContain('一、预警期间各企业须执行');
    const rows = csvRows('--from', '2019-12-01', '--to', '2019-12-06', '--level', 'orange');
    expect(rows.every((x) => x.found === 'false' && x.message.includes('省级暗查未通报本镇企业问题'))).toBe(true);
  });

  test('bad ranges exit 64 and say what was wrong', () => {
    const reversed = run('findings', 'circular', '--from', '2019-12-10', '--to', '2019-12-08');
    expect(reversed.status).toBe(64);
    expect(reversed.stdout).toBe('');
    expect(reversed.stderr).toContain('haze: 开始日期 2019-12-10 晚于结束日期 2019-12-08');
    const future = run('findings', 'circular', '--from', '2019-12-11');
    expect(future.status).toBe(64);
    expect(future.stderr).toContain('开始日期 2019-12-11 晚于结束日期 2019-12-10（未给 --to，结束日期为今天）');
    const notADate = run('findings', 'circular', '--to', '2019-12-32');
    expect(notADate.status).toBe(64);
    expect(notADate.stderr).toContain('--to 的值"2019-12-32"不是日期');
    const en = run('findings', 'circular', '--from', '2019-12-10', '--to', '2019-12-08', '--lang', 'en');
    expect(en.status).toBe(64);
    expect(en.stderr).toContain('the start 2019-12-10 is after the end 2019-12-08');
  });

  test('--format outside text, html, pdf, csv, json exits 64', () => {
    const r = run('findings', 'circular', '--format', 'md');
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('--format 可用：text、html、pdf、csv、json');
  });
});

describe('haze findings circular after a finding is closed', () => {
  test('a finding rechecked and closed is shown as rectified, with no deadline', () => {
    const { run } = workspace();
    const list = parse(run('findings', 'list', '--format', 'csv').stdout, { columns: true }) as { id: string; credit_code: string }[];
    const taihe = list.find((f) => f.credit_code === TAIHE)!;
    expect(run('findings', 'close', taihe.id, '--note', '已公示，复查合格', '--at', '2019-12-10 09:00').status).toBe(0);
    const r = run('findings', 'circular', '--format', 'csv');
    const rows = parse(r.stdout, { columns: true }) as Row[];
    expect(rows.find((x) => x.credit_code === TAIHE)).toMatchObject({ found: 'true', finding_status: 'closed', rectify_by: '' });
    expect(rows.find((x) => x.credit_code === TAIHE)!.message).toContain('经镇复查已整改到位');
    expect(rows.find((x) => x.credit_code === ZHENHUA)).toMatchObject({ finding_status: 'open', rectify_by: '2019-12-13' });
    const text = run('findings', 'circular').stdout;
    expect(text).toContain(`${nameOf(TAIHE)}（罗村村） 12月9日：一厂一策公示牌未公示当前预警级别【苏大气办〔2019〕13号】—— 已整改（2019-12-10 09:00 关闭）`);
  });
});
