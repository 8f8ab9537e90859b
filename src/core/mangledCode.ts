/**
 * A credit code Excel turned into a number (9.13204E+17) names no enterprise by itself: the name beside it
 * does, when it is the only one of that name on the list and its code is one that shows as that number. The
 * results a group enters (record) and the province's findings (findings import) are matched here alike.
 */
import type { CodeAsNumber } from './creditCode.js';
import type { Enterprise } from './model.js';
import type { Text } from '../errors.js';
import { CODES } from '../errorCodes.js';

/** A name as two spellings of it compare: full-width forms folded (（）→ ()), spaces dropped. */
export function enterpriseNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** The enterprises of a list by name, compared as enterpriseNameKey compares them. */
export function enterprisesByName(enterprises: readonly Enterprise[]): (name: string) => readonly Enterprise[] {
  const byName = new Map<string, Enterprise[]>();
  for (const e of enterprises) {
    const key = enterpriseNameKey(e.name);
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  return (name) => byName.get(enterpriseNameKey(name)) ?? [];
}

/** The enterprise a mangled code and a name give (a warning says how), or why none (an error). */
export type MangledCodeReading = { enterprise: Enterprise; message: Text } | { enterprise: null; message: Text; hint?: Text };

const CAUSE: Text = { zh: '统一社会信用代码被 Excel 转成了数字', en: 'Excel turned the credit code into a number' };

export function readMangledCode(asNumber: CodeAsNumber, name: string, named: readonly Enterprise[]): MangledCodeReading {
  if (named.length === 1 && asNumber.fits(named[0]!.creditCode)) {
    const found = named[0]!;
    return {
      enterprise: found,
      message: {
        zh: `${CAUSE.zh}：按企业名称认作 ${found.name}（${found.creditCode}）`,
        en: `${CAUSE.en}: taken by its name to be ${found.name} (${found.creditCode})`,
      },
    };
  }
  if (named.length === 0)
    return {
      enterprise: null,
      message: name
        ? { zh: `${CAUSE.zh}，清单中也没有名为"${name}"的企业`, en: `${CAUSE.en}, and no enterprise on the list is named "${name}"` }
        : { zh: `${CAUSE.zh}，又没有写企业名称`, en: `${CAUSE.en}, and the name is missing` },
    };
  if (named.length > 1) {
    const codes = named.map((x) => x.creditCode);
    const hint = CODES.HAZE_ROW_CODE_MANGLED.hint;
    return {
      enterprise: null,
      message: {
        zh: `${CAUSE.zh}，清单中有 ${named.length} 家企业名为"${name}"，无法确定是哪一家`,
        en: `${CAUSE.en}, and ${named.length} enterprises on the list are named "${name}": which one cannot be told`,
      },
      hint: { zh: `${hint.zh}；同名企业的代码：${codes.join('、')}`, en: `${hint.en}; the codes of those so named: ${codes.join(', ')}` },
    };
  }
  return {
    enterprise: null,
    message: {
      zh: `${CAUSE.zh}，而清单中"${name}"的代码 ${named[0]!.creditCode} 不会显示成这个数`,
      en: `${CAUSE.en}, and the code of "${name}" on the list, ${named[0]!.creditCode}, would not show as that number`,
    },
  };
}
