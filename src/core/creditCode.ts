/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character set,
 * the last one a check character over the first 17.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Each ASCII character's value in CHARSET, -1 for those outside it (a look-up per character: every row of a list is checked). */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i;

/** The check character the first 17 characters call for, or null when they hold a character outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = i < first17.length ? first17.charCodeAt(i) : 0x30; // a missing character counts as 0
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c]!;
}

export type CreditCodeFault = 'length' | 'charset' | 'check' | 'scientific';

/** Why a code is not a valid credit code, or null when it is. */
export function creditCodeFault(code: string): CreditCodeFault | null {
  // Excel turns an all-digit code into a number and shows it as 9.13204E+17: the digits are lost. (The
  // pattern is tried only on codes with an E in them: nearly every code of a list is checked.)
  if ((code.includes('E') || code.includes('e')) && /^\d+(\.\d+)?E\+?\d+$/i.test(code)) return 'scientific';
  if (code.length !== 18) return 'length';
  const check = creditCodeCheckChar(code); // it reads the first 17
  if (check === null || !CHARSET.includes(code[17]!)) return 'charset';
  return check === code[17] ? null : 'check';
}
