/**
 * The province's covert-inspection findings (省级暗查) coming in: every row checked before anything is written —
 * the date, the enterprise (by its credit code, on the town's list), the problem and the notice that reported
 * it, and rows repeated inside the file. Pure: the list comes in as a lookup, "today" as a value.
 */
import { CODES } from '../errorCodes.js';
import { CODE, type ProblemCode, type Text, type Where } from '../errors.js';
import { codeAsNumber, creditCodeFault } from './creditCode.js';
import { readMangledCode } from './mangledCode.js';
import type { Enterprise } from './model.js';
import { newProblem, type Problem } from './problem.js';
import { parseDate } from './time.js';

/** One row of a findings file, as read (cells untrimmed: they are cleaned here). */
export interface FindingRow {
  where: Where;
  date: string;
  creditCode: string;
  name: string;
  problem: string;
  source: string;
}

/** What the province found, as every later step (the store, the circular) carries it. */
export interface FindingFacts {
  date: string;
  creditCode: string;
  /** The list's name for the enterprise (the code identifies it; the file's spelling may differ). */
  name: string;
  /** The name as the file (the province's notice) gives it, or null when the file left it empty. */
  bulletinName: string | null;
  problem: string;
  /** The notice that reported it (文号), as imported. */
  source: string;
}

/** A checked finding, ready to be written. */
export interface Finding extends FindingFacts {
  row: number | undefined;
}

export interface CheckedFindings {
  findings: Finding[];
  problems: Problem[];
}

/**
 * Text as stored: trimmed, runs of white space (line breaks inside an Excel cell) made one space, so the same
 * finding copied into two files is recognised as the same.
 */
export function findingText(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

/** A credit code as people type it: full-width characters made half-width, lower case made upper. */
function codeText(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Names compared loosely: full-width brackets and spaces are not a different company. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return norm(a) === norm(b);
}

/**
 * `named`: the list's enterprises of a name, for a code Excel turned into a number (mangledCode.ts); without
 * it such a code is refused with the Excel hint.
 */
export function checkFindingRows(
  rows: readonly FindingRow[],
  enterprise: (code: string) => Enterprise | undefined,
  today: string,
  named?: (name: string) => readonly Enterprise[],
): CheckedFindings {
  const problems: Problem[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, Where>();
  let errors = 0;
  const add = (severity: Problem['severity'], where: Where, code: ProblemCode, value: string, zh: string, en: string, hint?: Text) => {
    if (severity === 'error') errors++;
    problems.push(newProblem({ severity, code, where, value, message: { zh, en }, hint }));
  };

  for (const r of rows) {
    const before = errors;
    const rawDate = r.date.trim();
    const date = parseDate(rawDate);
    if (!date) {
      add(
        'error',
        { ...r.where, column: 'date' },
        CODE.HAZE_FINDING_DATE,
        rawDate,
        rawDate ? `日期无法识别："${rawDate}"` : '没有填写日期',
        rawDate ? `not a date: "${rawDate}"` : 'the date is missing',
      );
    } else if (date > today) {
      add(
        'error',
        { ...r.where, column: 'date' },
        CODE.HAZE_FINDING_DATE_FUTURE,
        rawDate,
        `日期 ${date} 晚于今天（${today}）`,
        `the date ${date} is after today (${today})`,
      );
    }

    const code = codeText(r.creditCode);
    const name = r.name.trim();
    let e = code ? enterprise(code) : undefined;
    const asNumber = code && !e && named ? codeAsNumber(r.creditCode) : null;
    if (asNumber) {
      // 9.13204E+17: the name beside it says which enterprise, when only one of that name shows as that number.
      const reading = readMangledCode(asNumber, name, name ? named!(name) : []);
      if (reading.enterprise) e = reading.enterprise;
      add(
        reading.enterprise ? 'warning' : 'error',
        { ...r.where, column: 'credit_code' },
        CODE.HAZE_FINDING_CODE_MANGLED,
        r.creditCode.trim(),
        reading.message.zh,
        reading.message.en,
        reading.enterprise ? undefined : reading.hint,
      );
    } else if (!code) {
      add(
        'error',
        { ...r.where, column: 'credit_code' },
        CODE.HAZE_FINDING_ENTERPRISE,
        '',
        `没有填写统一社会信用代码${name ? `（${name}）` : ''}`,
        `the credit code is missing${name ? ` (${name})` : ''}`,
        { zh: '按通报填写企业的 18 位统一社会信用代码', en: "fill in the enterprise's 18-character credit code from the notice" },
      );
    } else if (!e) {
      const fault = creditCodeFault(code);
      const hint =
        fault === 'scientific'
          ? CODES.HAZE_ROW_CODE_MANGLED.hint
          : fault
            ? { zh: '这不是有效的统一社会信用代码：核对每一位', en: 'this is not a valid credit code: check each character' }
            : {
                zh: '核对统一社会信用代码；不在本镇清单上的企业请转交所属镇街',
                en: "check the credit code; an enterprise not on this town's list belongs to another town",
              };
      add(
        'error',
        { ...r.where, column: 'credit_code' },
        CODE.HAZE_FINDING_ENTERPRISE,
        r.creditCode.trim(),
        `清单中没有这家企业：${code}${name ? ` ${name}` : ''}`,
        `no enterprise with this code on the list: ${code}${name ? ` ${name}` : ''}`,
        hint,
      );
    } else if (name && !sameName(name, e.name)) {
      add(
        'warning',
        { ...r.where, column: 'name' },
        CODE.HAZE_FINDING_NAME,
        name,
        `企业名称与清单不同：清单为"${e.name}"，按信用代码记录`,
        `the name differs from the list's "${e.name}"; recorded by the credit code`,
      );
    }

    const problem = findingText(r.problem);
    if (!problem) add('error', { ...r.where, column: 'problem' }, CODE.HAZE_FINDING_PROBLEM, '', '没有填写发现的问题', 'the problem found is missing');
    const source = findingText(r.source);
    if (!source)
      add(
        'error',
        { ...r.where, column: 'source' },
        CODE.HAZE_FINDING_SOURCE,
        '',
        '没有填写来源（通报文件）',
        'the source (the notice that reported it) is missing',
      );

    if (date && e && problem && source) {
      const key = `${date}\u0000${e.creditCode}\u0000${problem}\u0000${source}`;
      const first = seen.get(key);
      if (first) {
        add(
          'error',
          { ...r.where, column: 'problem' },
          CODE.HAZE_FINDING_DUPLICATE,
          problem,
          `与第 ${first.row} 行重复（同一日期、企业、问题和来源）`,
          `the same finding as row ${first.row} (date, enterprise, problem and source)`,
        );
      } else {
        seen.set(key, r.where);
      }
    }
    if (errors > before || !date || !e) continue;
    findings.push({ date, creditCode: e.creditCode, name: e.name, bulletinName: findingText(r.name) || null, problem, source, row: r.where.row });
  }
  return { findings, problems };
}
