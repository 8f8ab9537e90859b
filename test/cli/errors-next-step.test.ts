/**
 * Errors say what to do next (issue 15, item 4): a mistyped option or command is one line — what was wrong,
 * commander's suggestion, the command's --help — and exit 64, not the help dumped under it; a missing file
 * says which file it is and where haze looked, with a hint for that file; a system or library failure is said
 * in our words, never in the library's English inside a Chinese sentence.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, tempDir } from '../helpers/runHaze.js';

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('a slip on the command line: one line, a suggestion, the --help to read, exit 64', () => {
  const cases: { args: string[]; zh: string; en: string }[] = [
    {
      args: ['plan', '--dat', '2019-12-08'],
      zh: 'haze: plan 没有选项 --dat；是否要用 --date？用法见 haze plan --help',
      en: 'haze: plan has no option --dat; did you mean --date? See haze plan --help',
    },
    { args: ['pln'], zh: 'haze: 没有命令 pln；是否要用 plan？用法见 haze --help', en: 'haze: no command pln; did you mean plan? See haze --help' },
    {
      args: ['db', 'bakup', 'x.db'],
      zh: 'haze: db 没有命令 bakup；是否要用 backup？用法见 haze db --help',
      en: 'haze: db has no command bakup; did you mean backup? See haze db --help',
    },
    {
      args: ['measures', '--zzz'],
      zh: 'haze: measures 没有选项 --zzz；用法见 haze measures --help',
      en: 'haze: measures has no option --zzz; see haze measures --help',
    },
    { args: ['plan', '--date'], zh: 'haze: 选项 --date 后面缺少值；用法见 haze plan --help', en: 'haze: --date needs a value; see haze plan --help' },
    {
      args: ['plan', '2019-12-08'],
      zh: 'haze: plan 多了参数：应为 0 个，给了 1 个（值含空格时请加引号）；用法见 haze plan --help',
      en: 'haze: plan takes 0 arguments, got 1 (quote a value with spaces); see haze plan --help',
    },
  ];
  for (const c of cases) {
    test(`haze ${c.args.join(' ')}`, () => {
      const zh = haze(c.args);
      expect([zh.status, zh.stdout, lines(zh.stderr)]).toEqual([64, '', [c.zh]]);
      const en = haze(['--lang', 'en', ...c.args]);
      expect([en.status, en.stdout, lines(en.stderr)]).toEqual([64, '', [c.en]]);
      expect(en.stderr).not.toMatch(CJK);
    });
  }

  test("a value outside the choices: our words, not commander's English", () => {
    const r = haze(['measures', '--lang', 'fr']);
    expect([r.status, lines(r.stderr)]).toEqual([64, ['haze: --lang 只能是 zh、en，而不是"fr"；用法见 haze --help']]);
  });

  test('--help and --version still print to stdout and exit 0', () => {
    const help = haze(['plan', '--help']);
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('--date');
    expect(haze(['--version']).status).toBe(0);
  });
});

describe('a missing file says which file and where haze looked', () => {
  const dir = tempDir();
  const run = (args: string[]) => haze(args, { cwd: dir });
  const cases: { name: string; args: string[]; file: string; zh: string }[] = [
    { name: 'the list', args: ['measures', '--list', 'nope.csv'], file: join(dir, 'nope.csv'), zh: `找不到企业清单：文件夹 ${dir} 中没有 nope.csv` },
    {
      name: 'groups.yaml',
      args: ['plan', '--groups', 'gone/groups.yaml'],
      file: join(dir, 'gone/groups.yaml'),
      zh: `找不到巡查组配置：文件夹 ${join(dir, 'gone')} 不存在`,
    },
    {
      name: 'a rule file',
      args: ['measures', '--rules', 'town-rules.yaml'],
      file: join(dir, 'town-rules.yaml'),
      zh: `找不到规则文件：文件夹 ${dir} 中没有 town-rules.yaml`,
    },
    { name: 'a results file', args: ['record', 'filled.csv'], file: join(dir, 'filled.csv'), zh: `找不到检查结果文件：文件夹 ${dir} 中没有 filled.csv` },
    {
      name: 'a findings file',
      args: ['findings', 'import', 'province.xlsx'],
      file: join(dir, 'province.xlsx'),
      zh: `找不到省级暗查问题文件：文件夹 ${dir} 中没有 province.xlsx`,
    },
  ];
  const hints = new Set<string>();
  for (const c of cases) {
    test(`${c.name}: named, with its path and a hint of its own, exit 66`, () => {
      const r = run(c.args);
      expect(r.status).toBe(66);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`haze: ${c.file}: ${c.zh}\n`);
      const hint = lines(r.stderr).find((l) => l.startsWith('提示: '))!;
      expect(hint).toBeDefined();
      hints.add(hint);
    });
  }
  test('every kind of file has its own hint', () => {
    expect(hints.size).toBe(cases.length);
  });

  test('the list named in haze.yaml: the folder of haze.yaml is where haze looked', () => {
    const ws = tempDir();
    expect(haze(['init'], { cwd: ws }).status).toBe(0);
    writeFileSync(join(ws, 'haze.yaml'), 'list: 清单/应急减排清单.csv\n');
    const r = haze(['measures'], { cwd: ws });
    expect(r.status).toBe(66);
    expect(r.stderr).toContain(`找不到企业清单：文件夹 ${join(ws, '清单')} 不存在`);
    expect(r.stderr).toContain('haze.yaml 的 list:');
  });

  test('in English', () => {
    const r = run(['--lang', 'en', 'measures', '--list', 'nope.csv']);
    expect(r.stderr).toContain(`the enterprise list is missing: there is no nope.csv in the folder ${dir}`);
    expect(r.stderr).not.toMatch(CJK);
  });
});

describe("a library's failure in our words", () => {
  const dir = tempDir();
  expect(haze(['init'], { cwd: dir }).status).toBe(0);
  expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir }).status).toBe(0);

  test('db backup into a folder that does not exist: Chinese only, the folder named, how to go on', () => {
    const r = haze(['db', 'backup', 'backups/haze-1208.db'], { cwd: dir });
    expect(r.status).toBe(73);
    const folder = join(dir, 'backups');
    expect(lines(r.stderr)).toEqual([
      `haze: ${folder}/haze-1208.db: 无法写入备份 ${folder}/haze-1208.db：文件夹 ${folder} 不存在`,
      `提示: 先建好文件夹 ${folder}（或写一个已有文件夹中的文件名），再运行 haze db backup`,
    ]);
    // Nothing English but the paths and the command.
    const words = r.stderr
      .replaceAll(`${folder}/haze-1208.db`, '')
      .replaceAll(folder, '')
      .replaceAll('haze db backup', '')
      .replace(/^haze: /gm, '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
  });

  test("the same in English: no Chinese, and not better-sqlite3's sentence", () => {
    const r = haze(['--lang', 'en', 'db', 'backup', 'backups/haze-1208.db'], { cwd: dir });
    expect(r.status).toBe(73);
    expect(r.stderr).toContain(`cannot write the backup ${join(dir, 'backups')}/haze-1208.db: the folder ${join(dir, 'backups')} does not exist`);
    expect(r.stderr).not.toContain('Cannot save backup');
    expect(r.stderr).not.toMatch(CJK);
  });

  test('a backup into a folder that exists still works', () => {
    mkdirSync(join(dir, 'ok'));
    expect(haze(['db', 'backup', 'ok/haze.db'], { cwd: dir }).status).toBe(0);
  });
});
