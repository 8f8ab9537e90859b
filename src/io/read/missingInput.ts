/**
 * A missing input, said for the file it is: the list, groups.yaml, a rule file, a results file, a findings
 * file — which one, the folder haze looked in, and a hint for that file (where its path is given, what makes
 * one). The readers below only know "a file"; the one who asked for the file knows which, and wraps the read
 * in `readingInput`, so every command that reads the list says the same.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CODE, HazeError, type Text } from '../../errors.js';

export type InputRole = 'list' | 'groups' | 'rules' | 'results' | 'findings' | 'evidence';

const ROLES: Record<InputRole, { what: Text; hint: Text }> = {
  list: {
    what: { zh: '企业清单', en: 'the enterprise list' },
    hint: {
      zh: '清单的路径用 --list 给出（相对当前文件夹），或写在 haze.yaml 的 list:（相对 haze.yaml 所在文件夹）；清单可以是 CSV 或 .xlsx，haze init 会生成一份空白清单',
      en: "give the list's path with --list (from the current folder) or in haze.yaml's list: (from haze.yaml's folder); a list is CSV or .xlsx, and haze init writes an empty one",
    },
  },
  groups: {
    what: { zh: '巡查组配置', en: 'the groups file' },
    hint: {
      zh: '巡查组配置的路径用 --groups 给出，或写在 haze.yaml 的 groups:（默认 groups.yaml，与 haze.yaml 在同一文件夹）；haze init 会生成一份模板',
      en: "give the groups file with --groups or in haze.yaml's groups: (by default groups.yaml beside haze.yaml); haze init writes a template",
    },
  },
  rules: {
    what: { zh: '规则文件', en: 'the rule file' },
    hint: {
      zh: '本镇规则文件用 --rules 给出，或列在 haze.yaml 的 rules: 中；路径写错了就改正，不再使用就删去这一项',
      en: "town rule files are given with --rules or listed in haze.yaml's rules:; correct the path, or remove the entry if the file is no longer used",
    },
  },
  results: {
    what: { zh: '检查结果文件', en: 'the results file' },
    hint: {
      zh: '给出填好的检查清单的路径（CSV 或 .xlsx：用 haze checklist --format csv 生成，现场填好后导入）',
      en: 'give the path of a filled-in checklist (CSV or .xlsx: made by haze checklist --format csv, filled in on site)',
    },
  },
  findings: {
    what: { zh: '省级暗查问题文件', en: 'the findings file' },
    hint: {
      zh: '给出省级暗查问题清单的路径（CSV 或 .xlsx，列：日期、统一社会信用代码、问题、来源）',
      en: "give the path of the province's findings (CSV or .xlsx with the columns date, credit code, problem, source)",
    },
  },
  evidence: {
    what: { zh: '证据文件', en: 'the evidence file' },
    hint: {
      zh: '给出分表计电点位、读数或门禁台账文件的路径（CSV 或 .xlsx）',
      en: 'give the path of a meter points, readings or gate ledger file (CSV or .xlsx)',
    },
  },
};

/** The message for a missing input of a role: which file, and the folder haze looked in. */
export function missingInput(role: InputRole, file: string): HazeError {
  const path = resolve(file);
  const folder = dirname(path);
  const { what, hint } = ROLES[role];
  const looked = existsSync(folder)
    ? { zh: `文件夹 ${folder} 中没有 ${basename(path)}`, en: `there is no ${basename(path)} in the folder ${folder}` }
    : { zh: `文件夹 ${folder} 不存在`, en: `the folder ${folder} does not exist` };
  return new HazeError(CODE.HAZE_INPUT_MISSING, {
    where: { file: path },
    message: { zh: `找不到${what.zh}：${looked.zh}`, en: `${what.en} is missing: ${looked.en}` },
    hint,
  });
}

/** Run a read of the input of a role; a missing file is reported as that input's. */
export function readingInput<T>(role: InputRole, file: string, read: () => T): T {
  try {
    const out = read();
    if (out instanceof Promise) return out.catch((err: unknown) => Promise.reject(asRole(role, file, err))) as T;
    return out;
  } catch (err) {
    throw asRole(role, file, err);
  }
}

function asRole(role: InputRole, file: string, err: unknown): unknown {
  return err instanceof HazeError && err.code === CODE.HAZE_INPUT_MISSING && file !== '-' ? missingInput(role, file) : err;
}
