/**
 * Cell values that common readers take for a missing value, in lower case (agate/csvkit ignores case; pandas
 * and R read NA, N/A, NULL, NaN, None, nan, …). haze's own words must be none of them (src/core/vocabulary.ts).
 */
export const READ_AS_MISSING: ReadonlySet<string> = new Set([
  'na',
  'n/a',
  'nan',
  'none',
  'null',
  'nil',
  '.',
  '#n/a',
  '#na',
  '<na>',
  '-nan',
  '1.#qnan',
  '-1.#ind',
]);

export const readAsMissing = (value: string): boolean => READ_AS_MISSING.has(value.trim().toLowerCase());
