/**
 * English counts said right: "1 day", "2 days", "1 enterprise is not", "2 are not". Chinese has no plural,
 * so only the English side of a message needs this; one place, so no message says "1 days".
 */
const RULES = new Intl.PluralRules('en');

const isOne = (n: number): boolean => RULES.select(n) === 'one';

/** "1 day" / "3 days"; give the plural when it is not the noun + s ("1 enterprise's", "2 enterprises'"). */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n} ${isOne(n) ? one : other}`;
}

/** The noun alone, for "the enterprise" / "the enterprises" after a count given elsewhere. */
export function nounFor(n: number, one: string, other = `${one}s`): string {
  return isOne(n) ? one : other;
}

/** "is" / "are", "needs" / "need": the verb agreeing with a count. */
export function verbFor(n: number, one: string, other: string): string {
  return isOne(n) ? one : other;
}
