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

/**
 * What Excel left of an all-digit code it took for a number: the number it shows (9.13204E+17, or in full
 * with 15 significant digits, 913204137876638000) and how many leading digits survive. Null when the text is
 * not such a number (a real code, or one wrong some other way).
 */
export interface CodeAsNumber {
  /** The text as found. */
  text: string;
  /** The significant digits kept (6 in 9.13204E+17, 15 in 913204137876638000). */
  digits: number;
  /** Whether an 18-digit code would show as this number (its leading digits, rounded as Excel rounds). */
  fits(code: string): boolean;
}

export function codeAsNumber(text: string): CodeAsNumber | null {
  const s = text.trim();
  const sci = /^(\d)(?:\.(\d+))?E\+?(\d{1,2})$/i.exec(s);
  let value: bigint;
  let digits: number;
  if (sci) {
    const mantissa = sci[1]! + (sci[2] ?? '');
    digits = mantissa.length;
    const exp = Number(sci[3]) - (digits - 1);
    if (exp < 0) return null;
    value = BigInt(mantissa) * 10n ** BigInt(exp);
  } else if (/^\d{15}000$/.test(s) && creditCodeFault(s) === 'check') {
    digits = 15; // Excel keeps 15 significant digits of any number
    value = BigInt(s);
  } else return null;
  return {
    text: s,
    digits,
    fits(code) {
      if (!/^\d{18}$/.test(code)) return false;
      const unit = 10n ** BigInt(18 - digits);
      const n = BigInt(code);
      const rounded = ((n + unit / 2n) / unit) * unit; // half up, as Excel shows it
      return rounded === value;
    },
  };
}
