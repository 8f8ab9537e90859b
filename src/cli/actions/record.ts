/**
 * haze record: filled-in checklists into the store. Everything is checked before anything is written; one
 * file is one transaction; the same file twice records nothing new; a changed result needs --replace, and
 * the old one is kept.
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { visitItems } from '../../core/checklist.js';
import { recordedClues } from '../../workflow/dayClues.js';
import { countOf, verbFor } from '../../core/plural.js';
import { hasErrors } from '../../core/problem.js';
import type { AlertLevel } from '../../core/model.js';
import { problemsByKind } from '../../core/problemGroups.js';
import { readResult, type CheckedRecords, type RecordedVisit, type ResultRow } from '../../core/records.js';
import { requiredMeasure } from '../../core/rules/requiredMeasure.js';
import { formatWallTime, fromInstant, parseWallTime, type WallTime } from '../../core/time.js';
import { CODE, HazeError } from '../../errors.js';
import { cellOf, readImportTable } from '../../io/read/importTable.js';
import { readingInput } from '../../io/read/missingInput.js';
import { importResults, type ImportOutcome } from '../../io/store/records.js';
import { alertTimeline } from '../../workflow/alertInForce.js';
import { checkResults } from '../../workflow/recordResults.js';
import { dayPlanFor } from '../../workflow/dayVisits.js';
import { writeStore } from '../../workflow/storeDoor.js';
import type { Town } from '../../workflow/town.js';
import { now, nowInstant } from '../clock.js';
import { parseDateFlag, parseLevelFlag } from '../flags.js';
import { readGlobals, usage } from '../globals.js';
import { openTownWithEvidence } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

/** The checklist CSV's columns, by English key and the Chinese labels of --excel. */
export const RESULT_COLUMNS = {
  date: ['日期'],
  group: ['组', '巡查组'],
  seq: ['序', '序号'],
  credit_code: ['统一社会信用代码', '信用代码'],
  name: ['企业名称'],
  item_id: ['检查项编号'],
  item: ['检查项'],
  result: ['结果（合格/不合格/不适用）', '结果', '检查结果'],
  note: ['备注', '说明'],
  inspectors: ['检查人', '检查人员'],
  checked_at: ['检查时间', '时间'],
} as const;

export interface RecordOpts {
  inspectors?: string;
  checkedAt?: string;
  replace?: boolean;
  interactive?: boolean;
  date?: string;
  group?: string;
  seq?: string;
  level?: string;
}

function report(voice: CliVoice, outcome: ImportOutcome, file: string, dbFile: string): void {
  switch (outcome.kind) {
    case 'already':
      const at = formatWallTime(fromInstant(Date.parse(outcome.importedAt)));
      voice.say({ zh: `${file} 已于 ${at} 导入过：没有新内容，未做改动`, en: `${file} was already imported at ${at}: nothing new, nothing changed` });
      return;
    case 'conflicts':
      for (const c of outcome.conflicts) {
        process.stderr.write(
          `${file}${c.row !== undefined ? `:${c.row}` : ''}: ${voice.t({ zh: `与已记录的结果不同：${c.date} 第 ${c.groupId} 组 ${c.name} ${c.itemId}：已记录 ${c.was}，本文件 ${c.now}`, en: `differs from the recorded result: ${c.date} group ${c.groupId} ${c.name} ${c.itemId}: recorded ${c.was}, this file ${c.now}` })}\n`,
        );
      }
      throw new HazeError(CODE.HAZE_RECORD_CONFLICT, {
        where: { file },
        message: {
          zh: `${outcome.conflicts.length} 个结果与已记录的不同，整个文件未导入`,
          en: `${countOf(outcome.conflicts.length, 'result differs', 'results differ')} from those recorded; nothing from the file was imported`,
        },
      });
    case 'done': {
      const { newVisits, newResults, unchanged, replaced, findingsClosed } = outcome;
      if (newVisits + newResults + replaced === 0) {
        voice.say({
          zh: `${file}：${unchanged} 个结果都已记录过，没有新内容`,
          en: `${file}: ${unchanged === 1 ? 'the result was' : `all ${unchanged} results were`} recorded already; nothing new`,
        });
      } else {
        voice.say({
          zh: `已记录到 ${dbFile}：${newVisits} 次检查，${newResults} 个新结果，${replaced} 个更正，${unchanged} 个未变${findingsClosed ? `；${findingsClosed} 条省级暗查问题因复查合格关闭` : ''}`,
          en: `recorded in ${dbFile}: ${countOf(newVisits, 'visit')}, ${countOf(newResults, 'new result')}, ${replaced} corrected, ${unchanged} unchanged${findingsClosed ? `; ${countOf(findingsClosed, 'provincial finding')} closed by a clean re-check` : ''}`,
        });
      }
    }
  }
}

function store(voice: CliVoice, town: Town, file: string, sha256: string, visits: RecordedVisit[], replace: boolean): void {
  const outcome = writeStore(town.ws, (db) =>
    importResults(db, {
      fileName: file,
      sha256,
      visits,
      replace,
      recordedAt: new Date().toISOString(),
      // Test hook for crash safety: stop inside the transaction, after the rows are written, until killed.
      ...(process.env.HAZE_TEST_HOLD_IMPORT ? { afterWrite: holdUntilKilled } : {}),
    }),
  );
  report(voice, outcome, file, town.ws.dbFile);
}

function holdUntilKilled(): void {
  process.stderr.write('HAZE_TEST_HOLD\n');
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(wait, 0, 0, 1000);
}

/**
 * --checked-at as each row reads it: a moment, or a time of day (or month and day) taken on the row's own
 * date. Refused here, once, when it is none of these — not once per row.
 */
function checkCheckedAtFlag(raw: string | undefined): void {
  // Any date stands in for the rows' dates: the form is what is checked.
  if (raw === undefined || raw === '' || parseWallTime(raw, '2000-01-01') !== null) return;
  throw usage(
    {
      zh: `--checked-at 的值"${raw}"不是时间；可用：2019-12-08 17:00、2019/12/8 17:00、2019年12月8日17时，或只写钟点 17:00、17时（按每行的日期）`,
      en: `--checked-at: "${raw}" is not a time; accepted: 2019-12-08 17:00, 2019/12/8 17:00, 2019年12月8日17时, or a time of day alone, 17:00 or 17时 (on each row's date)`,
    },
    { zh: '按北京时间填写，24 小时制', en: 'Beijing time, 24-hour clock' },
  );
}

async function importFile(g: ReturnType<typeof readGlobals>, voice: CliVoice, file: string, opts: RecordOpts): Promise<void> {
  const level = opts.level === undefined ? undefined : parseLevelFlag(opts.level);
  checkCheckedAtFlag(opts.checkedAt);
  const town = await openTownWithEvidence(g, voice, null);
  const table = await readingInput('results', file, () => readImportTable(file, RESULT_COLUMNS, ['date', 'group', 'credit_code', 'item_id', 'result']));
  voice.problems(table.warnings);
  const cell = (cells: string[], key: keyof typeof RESULT_COLUMNS) => cellOf(table, cells, key);
  const rows: ResultRow[] = table.rows.map((r) => ({
    where: { file: table.file, row: r.row },
    date: cell(r.cells, 'date'),
    group: cell(r.cells, 'group'),
    seq: cell(r.cells, 'seq'),
    creditCode: cell(r.cells, 'credit_code'),
    name: cell(r.cells, 'name'),
    itemId: cell(r.cells, 'item_id'),
    item: cell(r.cells, 'item'),
    result: cell(r.cells, 'result'),
    note: cell(r.cells, 'note'),
    inspectors: cell(r.cells, 'inspectors'),
    checkedAt: cell(r.cells, 'checked_at'),
  }));
  const checked = check(voice, town, rows, opts, level);
  if (checked.visits.length === 0) {
    voice.say({
      zh: `${table.file}：没有填写任何结果（${checked.blank} 行结果为空），未做改动`,
      en: `${table.file}: no results filled in (${countOf(checked.blank, 'row')} with an empty result); nothing changed`,
    });
    return;
  }
  if (checked.blank > 0)
    voice.say({
      zh: `${checked.blank} 行结果为空，未记录`,
      en: `${countOf(checked.blank, 'row has', 'rows have')} no result and ${verbFor(checked.blank, 'is', 'are')} not recorded`,
    });
  store(voice, town, table.file, table.sha256, checked.visits, opts.replace === true);
}

function check(voice: CliVoice, town: Town, rows: ResultRow[], opts: RecordOpts, level: AlertLevel | undefined): CheckedRecords {
  const checked = checkResults(
    town,
    rows,
    { ...(opts.inspectors ? { inspectors: opts.inspectors } : {}), ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}) },
    level,
    nowInstant(),
  );
  // The same problem on many rows is said once, with the rows (a column of times Excel wrote: one line, not 69).
  voice.problems(problemsByKind(checked.problems));
  if (hasErrors(checked.problems)) {
    const n = checked.problems.filter((p) => p.severity === 'error').length;
    throw new HazeError(CODE.HAZE_RECORD_INVALID, {
      where: { file: rows[0]?.where.file ?? '' },
      message: { zh: `${n} 处错误，整个文件未导入`, en: `${countOf(n, 'error')}; nothing from the file was imported` },
    });
  }
  return checked;
}

/** One visit's items at a terminal, for an officer entering results by hand. */
async function interactive(g: ReturnType<typeof readGlobals>, voice: CliVoice, opts: RecordOpts): Promise<void> {
  if (!opts.date || !opts.group)
    throw usage(
      { zh: '--interactive 需要 --date 和 --group', en: '--interactive needs --date and --group' },
      { zh: '例如 haze record --interactive --date 2019-12-08 --group 1 --seq 2', en: 'e.g. haze record --interactive --date 2019-12-08 --group 1 --seq 2' },
    );
  const date = parseDateFlag(opts.date);
  const fixedLevel = opts.level === undefined ? undefined : parseLevelFlag(opts.level);
  const town = await openTownWithEvidence(g, voice, null);
  const timeline = alertTimeline(town.ws, fixedLevel);
  const level = timeline.levelAt({ date, minutes: 24 * 60 - 1 });
  if (!level) throw usage({ zh: `${date} 没有正在执行的预警`, en: `no alert is in force on ${date}` }, { zh: '用 --level 指定', en: 'give --level' });
  // The list shown is the day's plan of record (shown on screen, it is fixed like printed paper).
  const plan = dayPlanFor(town, timeline, date, 'day', { fix: true, now: nowInstant() }, voice);
  const visits = (plan?.routes ?? []).filter((r) => r.date === date && r.groupId === opts.group).flatMap((r) => r.visits);
  plan?.commit();
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
  // Lines are read through the interface's iterator, which buffers them: answers piped in all at once
  // (a script, a test) are not lost between two questions, as they would be with rl.question.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (q: string) => {
    process.stderr.write(q);
    const next = await lines.next();
    if (next.done) throw usage({ zh: '输入已结束，未保存', en: 'input ended; nothing saved' });
    return next.value.trim();
  };
  try {
    for (const v of visits) process.stderr.write(`  ${v.seq}. ${town.list.enterprises.find((e) => e.creditCode === v.creditCode)?.name ?? v.creditCode}\n`);
    const seqText = opts.seq ?? (await ask(voice.t({ zh: '序号或统一社会信用代码：', en: 'seq or credit code: ' })));
    const code = visits.find((v) => String(v.seq) === seqText)?.creditCode ?? seqText.toUpperCase();
    const e = town.list.enterprises.find((x) => x.creditCode === code);
    if (!e) throw usage({ zh: `找不到企业：${seqText}`, en: `no such enterprise: ${seqText}` });
    const items = visitItems(e, requiredMeasure(e, level, town.rules), recordedClues(town)(date).byCode.get(e.creditCode) ?? []);
    process.stderr.write(`${e.name}（${e.creditCode}）\n`);
    const rows: ResultRow[] = [];
    for (const [i, item] of items.entries()) {
      let result: string | null = null;
      while (result === null) {
        const a = await ask(
          `[${i + 1}/${items.length}] ${item.text}\n  ${voice.t({ zh: '1 合格 / 2 不合格 / 3 不适用（回车跳过）：', en: '1 ok / 2 violation / 3 n/a (Enter skips): ' })}`,
        );
        result = a === '' ? '' : a === '1' ? 'ok' : a === '2' ? 'violation' : a === '3' ? 'na' : (readResult(a) ?? null);
        if (result === null) process.stderr.write(voice.t({ zh: '  请输入 1、2 或 3\n', en: '  type 1, 2 or 3\n' }));
      }
      const note = result === 'violation' ? await ask(voice.t({ zh: '  问题说明：', en: '  what was wrong: ' })) : '';
      rows.push({
        where: { file: '<interactive>' },
        date,
        group: opts.group,
        seq: '',
        creditCode: e.creditCode,
        name: e.name,
        itemId: item.id,
        item: item.text,
        result,
        note,
        inspectors: '',
        checkedAt: '',
      });
    }
    const inspectors = opts.inspectors ?? (await ask(voice.t({ zh: '检查人（逗号分隔）：', en: 'inspectors (comma-separated): ' })));
    const nowText =
      opts.checkedAt ?? (await ask(voice.t({ zh: `检查时间（回车为 ${formatWallTime(now())}）：`, en: `checked at (Enter for ${formatWallTime(now())}): ` })));
    const checkedAt: WallTime | null = nowText ? parseWallTime(nowText, date) : now();
    if (!checkedAt) throw usage({ zh: `无法识别的时间"${nowText}"`, en: `not a time: "${nowText}"` });
    const filled = rows.map((r) => ({ ...r, inspectors, checkedAt: formatWallTime(checkedAt) }));
    const checked = check(voice, town, filled, opts, fixedLevel);
    if (checked.visits.length === 0) {
      voice.say({ zh: '没有填写任何结果，未记录', en: 'no results entered; nothing recorded' });
      return;
    }
    const ok = await ask(voice.t({ zh: '保存？(y/n)：', en: 'save? (y/n): ' }));
    if (!/^(y|yes|是|好)$/i.test(ok)) {
      voice.say({ zh: '未保存', en: 'not saved' });
      return;
    }
    const sha = createHash('sha256').update(JSON.stringify(filled)).digest('hex');
    store(voice, town, '<interactive>', sha, checked.visits, opts.replace === true);
  } finally {
    rl.close();
  }
}

/** The action of `haze record` (its options and help: ../commands/record.ts). */
export async function recordAction(file: string | undefined, opts: RecordOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  if (opts.interactive) return interactive(g, voice, opts);
  if (!file) {
    c.outputHelp({ error: true });
    throw usage({ zh: '请给出要导入的文件，或用 --interactive', en: 'give the file to import, or use --interactive' });
  }
  return importFile(g, voice, file, opts);
}
