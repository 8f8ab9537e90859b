import { Command } from 'commander';
import { LEVEL_FORMS } from '../../src/core/alertLevel.js';
import { EXIT, HazeError } from '../../src/errors.js';
import { parseClockFlag, parseCountFlag, parseDateFlag, parseGroupFlag, parseLevelFlag, parseSeedFlag, parseTimeFlag } from '../../src/cli/flags.js';
import { dateOption, levelOption, seedOption } from '../../src/cli/options.js';

/** The HazeError `f` throws; fails when it throws none or something else. */
function refusal(f: () => unknown): HazeError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(HazeError);
    return err as HazeError;
  }
  throw new Error('expected a HazeError');
}

function expectUsage(err: HazeError, flag: string, value: string): void {
  expect(err.code).toBe('HAZE_USAGE');
  expect(err.exitCode).toBe(EXIT.usage);
  expect(err.exitCode).toBe(64);
  for (const lang of ['zh', 'en'] as const) {
    expect(err.text[lang]).toContain(flag);
    expect(err.text[lang]).toContain(`"${value}"`);
  }
  expect(err.hint?.zh).toBeTruthy();
  expect(err.hint?.en).toBeTruthy();
}

describe('parseLevelFlag', () => {
  test.each([
    ['orange', 'orange'],
    ['橙色', 'orange'],
    ['Ⅱ级响应', 'orange'],
    ['一级', 'red'],
    ['3级', 'yellow'],
  ])('%s → %s', (raw, level) => {
    expect(parseLevelFlag(raw)).toBe(level);
  });

  test.each(['purple', '', '四级', 'orange2'])('%j → exit 64 with the value and the forms in both languages', (raw) => {
    const err = refusal(() => parseLevelFlag(raw));
    expectUsage(err, '--level', raw);
    expect(err.text.zh).toContain(LEVEL_FORMS.zh);
    expect(err.text.en).toContain(LEVEL_FORMS.en);
  });

  test('names the flag it was given', () => {
    expectUsage(
      refusal(() => parseLevelFlag('x', '--to-level')),
      '--to-level',
      'x',
    );
  });
});

describe('parseDateFlag', () => {
  test.each([
    ['2019-12-08', '2019-12-08'],
    ['2019/12/8', '2019-12-08'],
    ['2019年12月8日', '2019-12-08'],
    [' 20191208 ', '2019-12-08'],
    ['２０１９－１２－０８', '2019-12-08'],
  ])('%s → %s', (raw, date) => {
    expect(parseDateFlag(raw)).toBe(date);
  });

  test.each(['', 'tomorrow', '2019-02-30', '2019-13-01', '12/8/2019'])('%j → exit 64 with the example forms', (raw) => {
    const err = refusal(() => parseDateFlag(raw));
    expectUsage(err, '--date', raw);
    for (const form of ['2019-12-08', '2019/12/8', '2019年12月8日']) {
      expect(err.text.zh).toContain(form);
      expect(err.text.en).toContain(form);
    }
  });

  test('names the flag it was given', () => {
    expectUsage(
      refusal(() => parseDateFlag('x', '--from')),
      '--from',
      'x',
    );
  });
});

describe('parseTimeFlag', () => {
  test.each([
    ['2019-12-08 14:00', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T14:30', { date: '2019-12-08', minutes: 870 }],
    ['2019-12-08T06:00:00Z', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T14:00+08:00', { date: '2019-12-08', minutes: 840 }],
    ['2019年12月8日14时', { date: '2019-12-08', minutes: 840 }],
    ['2019年12月8日14时30分', { date: '2019-12-08', minutes: 870 }],
    // the forms Excel and WPS show, and single digits (the one parser of times, core/time.ts)
    ['2019/12/8 14:05', { date: '2019-12-08', minutes: 845 }],
    ['2019-12-8 9:00', { date: '2019-12-08', minutes: 540 }],
    ['2019/12/8 14:05:00', { date: '2019-12-08', minutes: 845 }],
  ])('%s', (raw, t) => {
    expect(parseTimeFlag(raw, '--at')).toEqual(t);
  });

  test.each(['', 'now', '2019-12-08 25:00', '2019年12月32日14时'])('%j → exit 64 with the forms', (raw) => {
    const err = refusal(() => parseTimeFlag(raw, '--at'));
    expectUsage(err, '--at', raw);
    for (const form of ['2019-12-08 14:00', '2019-12-08T14:00+08:00', '2019年12月8日14时']) {
      expect(err.text.zh).toContain(form);
      expect(err.text.en).toContain(form);
    }
  });
});

describe('parseClockFlag', () => {
  test.each([
    ['08:30', 510],
    ['8:30', 510],
    ['00:00', 0],
    ['23:59', 1439],
    ['14时', 840],
    ['14点', 840],
    ['14时30分', 870],
    ['14时30', 870],
    ['１４：３０', 870],
    [' 9:05 ', 545],
    ['14:30:00', 870],
    ['下午2:30', 870],
  ])('%s → %d', (raw, minutes) => {
    expect(parseClockFlag(raw, '--start')).toBe(minutes);
  });

  test.each(['', '24:00', '8:60', '830', '14', 'noon', '25时'])('%j → exit 64', (raw) => {
    const err = refusal(() => parseClockFlag(raw, '--start'));
    expectUsage(err, '--start', raw);
    expect(err.text.zh).toContain('14时30分');
    expect(err.text.en).toContain('08:30');
  });
});

describe('parseGroupFlag', () => {
  const groups = [
    { id: '1', name: '第一组' },
    { id: '2', name: '第二组' },
    { id: '3', name: 'East team' },
  ];

  test.each([
    ['1', '1'],
    ['2', '2'],
    [' 2 ', '2'],
    ['２', '2'],
    ['第一组', '1'],
    [' 第二组 ', '2'],
    ['east team', '3'],
    ['ＥＡＳＴ ＴＥＡＭ', '3'],
  ])('%j → %s', (raw, id) => {
    expect(parseGroupFlag(raw, groups)).toBe(id);
  });

  test('an unknown group → exit 64 listing the groups', () => {
    const err = refusal(() => parseGroupFlag('9', groups));
    expectUsage(err, '--group', '9');
    expect(err.text.zh).toContain('1（第一组）、2（第二组）、3（East team）');
    expect(err.text.en).toContain('1 (第一组), 2 (第二组), 3 (East team)');
    expect(err.text.zh).not.toContain('all');
    expect(err.text.en).not.toContain('all');
  });

  test("'all' only when allowed, and then listed", () => {
    expect(parseGroupFlag('all', groups, { all: true })).toBe('all');
    expect(parseGroupFlag('ALL', groups, { all: true })).toBe('all');
    expect(parseGroupFlag('全部', groups, { all: true })).toBe('all');
    expectUsage(
      refusal(() => parseGroupFlag('all', groups)),
      '--group',
      'all',
    );
    const err = refusal(() => parseGroupFlag('第九组', groups, { all: true }));
    expect(err.text.zh).toContain('3（East team）、all');
    expect(err.text.en).toContain('all');
  });

  test('names the flag it was given', () => {
    expectUsage(
      refusal(() => parseGroupFlag('x', groups, { flag: '--to-group' })),
      '--to-group',
      'x',
    );
  });
});

describe('parseCountFlag and parseSeedFlag', () => {
  test.each([
    ['1', 1],
    ['366', 366],
    [' 7 ', 7],
    ['３', 3],
  ])('count %j → %d', (raw, n) => {
    expect(parseCountFlag(raw)).toBe(n);
  });

  test.each(['', '0', '367', '-1', '1.5', '1e2', '0x10', 'three'])('count %j → exit 64', (raw) => {
    expectUsage(
      refusal(() => parseCountFlag(raw)),
      '--days',
      raw,
    );
  });

  test.each([
    ['0', 0],
    ['1', 1],
    ['2147483648', 2 ** 31],
  ])('seed %j → %d', (raw, n) => {
    expect(parseSeedFlag(raw)).toBe(n);
  });

  test.each(['', '-1', '2147483649', '1.5', 'abc', '1e3'])('seed %j → exit 64', (raw) => {
    expectUsage(
      refusal(() => parseSeedFlag(raw)),
      '--seed',
      raw,
    );
  });
});

describe('option helpers', () => {
  test('register string options; the action parses them', async () => {
    let seen: unknown;
    const cmd = new Command('t').exitOverride();
    levelOption(cmd);
    dateOption(cmd);
    seedOption(cmd);
    cmd.action((opts: { level?: string; date?: string; seed: string }) => {
      seen = { level: opts.level && parseLevelFlag(opts.level), date: opts.date && parseDateFlag(opts.date), seed: parseSeedFlag(opts.seed) };
    });
    await cmd.parseAsync(['--level', '橙色', '--date', '2019年12月8日'], { from: 'user' });
    expect(seen).toEqual({ level: 'orange', date: '2019-12-08', seed: 1 });
  });

  test("a bad value reaches the caller as haze's own HazeError, not a CommanderError", async () => {
    const cmd = levelOption(new Command('t').exitOverride()).action((opts: { level: string }) => {
      parseLevelFlag(opts.level);
    });
    await expect(cmd.parseAsync(['--level', 'purple'], { from: 'user' })).rejects.toMatchObject({ code: 'HAZE_USAGE', exitCode: 64 });
  });
});

describe('dates outside 1900–2200 are refused (a typo, not an alert)', () => {
  test.each(['9999-12-31', '1899-12-31', '2201-01-01'])('%s → exit 64 naming the years', (raw) => {
    let err: unknown;
    try {
      parseDateFlag(raw);
    } catch (e) {
      err = e;
    }
    expect((err as { exitCode?: number }).exitCode).toBe(64);
    expect((err as { text: { zh: string; en: string } }).text.en).toContain('a date from 1900 to 2200');
  });
  test('the edges are dates', () => {
    expect(parseDateFlag('1900-01-01')).toBe('1900-01-01');
    expect(parseDateFlag('2200-12-31')).toBe('2200-12-31');
  });
});
