/**
 * The enterprise a points or gate row names: by its credit code, or by its name when the code is missing,
 * and a code Excel turned into a number by the name beside it (mangledCode.ts), as results and findings are
 * matched.
 */
import { CODE } from '../../../errors.js';
import type { Enterprise } from '../../../core/model.js';
import { codeAsNumber } from '../../../core/creditCode.js';
import { enterprisesByName, readMangledCode } from '../../../core/mangledCode.js';
import type { EvidenceProblems } from './evidenceProblems.js';

export type EnterpriseOf = (row: number, code: string, name: string, codeColumn: string, nameColumn: string) => Enterprise | null;

export function enterpriseLookup(enterprises: readonly Enterprise[], problems: EvidenceProblems): EnterpriseOf {
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  const named = enterprisesByName(enterprises);
  return (row, codeCell, nameCell, codeColumn, nameColumn) => {
    const code = codeCell.trim().toUpperCase();
    const name = nameCell.trim();
    if (code !== '') {
      const e = byCode.get(code);
      if (e) return e;
      const asNumber = codeAsNumber(code);
      if (asNumber) {
        const reading = readMangledCode(asNumber, name, name ? named(name) : []);
        const where = { row, column: codeColumn };
        if (reading.enterprise) problems.warning(CODE.HAZE_EVIDENCE_CODE_MANGLED, where, reading.message, code);
        else problems.error(CODE.HAZE_EVIDENCE_CODE_MANGLED, where, reading.message, code, reading.hint);
        return reading.enterprise;
      }
      problems.error(
        CODE.HAZE_EVIDENCE_ENTERPRISE,
        { row, column: codeColumn },
        { zh: `清单中没有这家企业：${code} ${name}`.trim(), en: `no enterprise with this code on the list: ${code} ${name}`.trim() },
        code,
      );
      return null;
    }
    const found = name ? named(name) : [];
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      problems.error(
        CODE.HAZE_EVIDENCE_ENTERPRISE,
        { row, column: nameColumn },
        {
          zh: `清单中有 ${found.length} 家企业名为"${name}"，请写统一社会信用代码`,
          en: `${found.length} enterprises on the list are named "${name}": give the credit code`,
        },
        name,
      );
      return null;
    }
    problems.error(
      name ? CODE.HAZE_EVIDENCE_ENTERPRISE : CODE.HAZE_EVIDENCE_CELL_MISSING,
      { row, column: name ? nameColumn : codeColumn },
      name
        ? { zh: `清单中没有名为"${name}"的企业`, en: `no enterprise on the list is named "${name}"` }
        : { zh: '没有写统一社会信用代码或企业名称', en: 'neither a credit code nor an enterprise name is given' },
      name || undefined,
    );
    return null;
  };
}
