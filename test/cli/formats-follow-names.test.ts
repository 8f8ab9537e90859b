/**
 * A file is what its name says (issue 15, item 2): an -o ending a command cannot write is refused with 64 before
 * any work, naming what it can write; --format against the name is refused; `-o x.csv` is CSV; a PDF is never
 * written to a terminal (run under util-linux `script`, which gives the command a terminal) but goes into a pipe.
 */
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, HAZE, tempDir } from '../helpers/runHaze.js';

const DATE = ['--date', '2019-12-08'];
const COMMANDS: Record<string, { args: string[]; writes: string }> = {
  measures: { args: ['measures'], writes: '.txt（table）、.csv（csv）、.json（json）' },
  report: { args: ['report'], writes: '.txt（table）、.csv（csv）、.json（json）、.md（md）、.html（html）' },
  plan: {
    args: ['plan', ...DATE, '--days', '1'],
    writes: '.txt（table）、.csv（csv）、.json（json）、.geojson（geojson）、.gpx（gpx）、.html（html）、.pdf（pdf）',
  },
  checklist: { args: ['checklist', ...DATE, '--group', '1'], writes: '.txt（text）、.md（md）、.csv（csv）、.html（html）、.pdf（pdf）' },
};

describe('-o with an ending the command cannot write: 64, nothing written', () => {
  test.each(
    Object.keys(COMMANDS).flatMap((c) => [
      [c, '.xlsx'],
      [c, '.docx'],
    ]),
  )('%s -o 输出%s', (command, ext) => {
    const dir = tempDir();
    const { args, writes } = COMMANDS[command]!;
    const r = haze([...args, '-o', `输出${ext}`], { cwd: dir });
    expect(r.status).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`haze: -o 输出${ext}：haze 不能写 ${ext} 文件；此命令可写 ${writes}`);
    if (ext === '.xlsx') expect(r.stderr).toContain('提示: haze 不生成 Excel 工作簿；用 --excel -o 输出.csv');
    else if (command === 'measures') expect(r.stderr).toContain('提示: haze 不生成 Word/WPS 文档；此命令的表格用 --excel -o 输出.csv 写出');
    else expect(r.stderr).toContain(`提示: haze 不生成 Word/WPS 文档；改用 -o 输出.${command === 'report' ? 'html 或 -o 输出.md' : 'pdf'}`);
    // Refused before any work: no file, no store.
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a format of haze that the command lacks: measures -o 措施.md', () => {
    const r = haze(['measures', '-o', '措施.md']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('haze 不能写 .md 文件');
  });

  test('--format against the name, and --excel against it: 64', () => {
    const a = haze(['measures', '--format', 'json', '-o', '措施.csv']);
    expect([a.status, a.stderr.includes('--format json 与 -o 措施.csv 不符')]).toEqual([64, true]);
    const b = haze(['measures', '--excel', '-o', '措施.json']);
    expect([b.status, b.stderr.includes('--excel 与 -o 措施.json 不符')]).toEqual([64, true]);
  });

  test('English messages with --lang en', () => {
    const r = haze(['--lang', 'en', 'measures', '-o', 'measures.xlsx']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('haze: -o measures.xlsx: haze cannot write a .xlsx file; this command writes .txt (table), .csv (csv), .json (json)');
  });
});

describe('-o with an ending the command writes', () => {
  test('measures -o 措施.csv is CSV with the stable keys', () => {
    const dir = tempDir();
    const r = haze(['measures', '-o', '措施.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('已写入 措施.csv');
    const rows = parse(readFileSync(join(dir, '措施.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(100);
    expect(Object.keys(rows[0]!).slice(0, 2)).toEqual(['credit_code', 'name']);
  });

  test('report -o 报告.md is Markdown; plan -o 计划.json is JSON', () => {
    const dir = tempDir();
    expect(haze(['report', '-o', '报告.md'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, '报告.md'), 'utf8')).toMatch(/^# /);
    expect(haze(['plan', ...DATE, '--days', '1', '-o', '计划.json'], { cwd: dir }).status).toBe(0);
    expect(Array.isArray(JSON.parse(readFileSync(join(dir, '计划.json'), 'utf8')))).toBe(true);
  });
});

// util-linux `script` runs the command on a pseudo-terminal: stdout is a TTY, as at the officer's keyboard.
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

describe('a PDF is not written to a terminal', () => {
  (SCRIPT ? test : test.skip)('checklist --format pdf on a terminal: 64 with the hint, no bytes', () => {
    if (!SCRIPT) console.log('util-linux script is missing: the terminal case is not run (the rule itself is in outputFormat.test.ts)');
    const cmd = `"${process.execPath}" "${HAZE}" checklist --date 2019-12-08 --group 1 --format pdf`;
    const r = spawnSync(SCRIPT!, ['-qec', cmd, '/dev/null'], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: '/tmp' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(64);
    expect(r.stdout).toContain('PDF 是二进制文件，不能直接显示在终端上');
    expect(r.stdout).toContain('用 -o 文件名.pdf 写入文件');
    expect(r.stdout).not.toContain('%PDF');
  });

  test('plan --format pdf on a terminal is refused too (under script)', () => {
    if (!SCRIPT) return;
    const cmd = `"${process.execPath}" "${HAZE}" plan --date 2019-12-08 --days 1 --format pdf`;
    const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: '/tmp' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(64);
    expect(r.stdout).toContain('PDF 是二进制文件');
  });

  test('into a pipe it is not refused as a terminal', () => {
    // Without a browser the command stops at 69 (no Chromium), with one it writes the PDF: never the 64 above.
    const r = haze(['checklist', ...DATE, '--group', '1', '--format', 'pdf']);
    expect(r.stderr).not.toContain('二进制');
    if (existsSync('/usr/bin/chromium')) {
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith('%PDF')).toBe(true);
    } else {
      expect(r.status).toBe(69);
    }
  });
});
