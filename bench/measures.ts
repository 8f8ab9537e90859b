/**
 * Measure texts read right: `npm run bench:measures`. Reads every text of a corpus (test/fixtures/measure-corpus*.tsv)
 * with parseMeasureText and prints the share read right (action, share and truck ban all as the corpus says), the
 * share read weaker than written, both by style of list, the texts read wrong (`--wrong`), and the time per 10,000
 * texts. `--all`: every corpus in one table, the held-out ones summed.
 */
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMeasureText } from '../src/core/rules/measureText.js';
import { judge, readCorpus } from '../test/fixtures/measureCorpus.js';

/**
 * The corpora: the one the readers were built against (default); `--dev` … `--dev33` (written apart, then used to
 * find what general rules were missing); `--test` … `--test9` (held out: written apart and never looked at, the
 * figure for texts haze has never seen; their texts read wrong are not listed, so that nobody tunes on them).
 */
const FILES = {
  built: 'measure-corpus.tsv',
  dev: 'measure-corpus-dev.tsv',
  dev2: 'measure-corpus-dev2.tsv',
  dev3: 'measure-corpus-dev3.tsv',
  dev4: 'measure-corpus-dev4.tsv',
  dev5: 'measure-corpus-dev5.tsv',
  dev6: 'measure-corpus-dev6.tsv',
  dev7: 'measure-corpus-dev7.tsv',
  dev8: 'measure-corpus-dev8.tsv',
  dev9: 'measure-corpus-dev9.tsv',
  dev10: 'measure-corpus-dev10.tsv',
  dev11: 'measure-corpus-dev11.tsv',
  dev12: 'measure-corpus-dev12.tsv',
  dev13: 'measure-corpus-dev13.tsv',
  dev14: 'measure-corpus-dev14.tsv',
  dev15: 'measure-corpus-dev15.tsv',
  dev16: 'measure-corpus-dev16.tsv',
  dev17: 'measure-corpus-dev17.tsv',
  dev18: 'measure-corpus-dev18.tsv',
  dev19: 'measure-corpus-dev19.tsv',
  dev20: 'measure-corpus-dev20.tsv',
  dev21: 'measure-corpus-dev21.tsv',
  dev22: 'measure-corpus-dev22.tsv',
  dev23: 'measure-corpus-dev23.tsv',
  dev24: 'measure-corpus-dev24.tsv',
  dev25: 'measure-corpus-dev25.tsv',
  dev26: 'measure-corpus-dev26.tsv',
  dev27: 'measure-corpus-dev27.tsv',
  dev28: 'measure-corpus-dev28.tsv',
  dev29: 'measure-corpus-dev29.tsv',
  dev30: 'measure-corpus-dev30.tsv',
  dev31: 'measure-corpus-dev31.tsv',
  dev32: 'measure-corpus-dev32.tsv',
  dev33: 'measure-corpus-dev33.tsv',
  test: 'measure-corpus-test.tsv',
  test2: 'measure-corpus-test2.tsv',
  test3: 'measure-corpus-test3.tsv',
  test4: 'measure-corpus-test4.tsv',
  test5: 'measure-corpus-test5.tsv',
  test6: 'measure-corpus-test6.tsv',
  test7: 'measure-corpus-test7.tsv',
  test8: 'measure-corpus-test8.tsv',
  test9: 'measure-corpus-test9.tsv',
} as const;
type Which = keyof typeof FILES;
interface Tally {
  n: number;
  right: number;
  weaker: number;
}
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
// The corpora stay in test/fixtures when the bench runs from dist-bench/.
const fileOf = (w: Which) => fileURLToPath(new URL(`../test/fixtures/${FILES[w]}`, import.meta.url)).replace(`${sep}dist-bench${sep}`, sep);

/** Every text of one corpus judged: by style, and the texts read wrong. */
function judgeCorpus(w: Which): { byStyle: Map<string, Tally>; all: Tally; wrong: string[]; texts: string[] } {
  const corpus = readCorpus(fileOf(w));
  const byStyle = new Map<string, Tally>();
  const wrong: string[] = [];
  for (const c of corpus) {
    const v = judge(c, parseMeasureText(c.text, 'orange'));
    const s = byStyle.get(c.style) ?? { n: 0, right: 0, weaker: 0 };
    s.n++;
    if (v.right) s.right++;
    if (v.weaker) s.weaker++;
    byStyle.set(c.style, s);
    if (!v.right) wrong.push(`${v.weaker ? 'WEAKER ' : ''}line ${c.line}: ${c.text} — ${v.why.join('; ')}`);
  }
  const all = [...byStyle.values()].reduce((a, s) => ({ n: a.n + s.n, right: a.right + s.right, weaker: a.weaker + s.weaker }), { n: 0, right: 0, weaker: 0 });
  return { byStyle, all, wrong, texts: corpus.map((c) => c.text) };
}

/** The time per 10,000 texts: the corpus over and over (the parser keeps no memo). */
function timePer10k(texts: readonly string[]): number {
  const N = 10_000;
  const started = performance.now();
  for (let i = 0; i < N; i++) parseMeasureText(texts[i % texts.length]!);
  return performance.now() - started;
}

console.log(`node ${process.version}\n`);
if (process.argv.includes('--all')) {
  // Every corpus in one table, the held-out ones summed at the end: the figures the README gives.
  const rows = (Object.keys(FILES) as Which[]).filter((w) => existsSync(fileOf(w))).map((w) => ({ w, ...judgeCorpus(w) }));
  console.log('| corpus | texts | read right | read weaker than written |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${FILES[r.w]} | ${r.all.n} | ${pct(r.all.right, r.all.n)} | ${r.all.weaker} |`);
  const held = rows
    .filter((r) => r.w.startsWith('test'))
    .reduce((a, r) => ({ n: a.n + r.all.n, right: a.right + r.all.right, weaker: a.weaker + r.all.weaker }), { n: 0, right: 0, weaker: 0 });
  console.log(`| held out, together | ${held.n} | ${pct(held.right, held.n)} | ${held.weaker} |`);
  console.log(`\n${timePer10k(rows.flatMap((r) => r.texts)).toFixed(0)} ms per 10,000 texts`);
} else {
  const which = (Object.keys(FILES) as Which[]).find((w) => process.argv.includes(`--${w}`)) ?? 'built';
  const { byStyle, all, wrong, texts } = judgeCorpus(which);
  console.log(`${FILES[which]}, ${all.n} texts\n`);
  console.log('| style | texts | read right | read weaker than written |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [style, s] of [...byStyle].sort()) console.log(`| ${style} | ${s.n} | ${pct(s.right, s.n)} | ${s.weaker} |`);
  console.log(`| all | ${all.n} | ${pct(all.right, all.n)} | ${all.weaker} |`);
  console.log(`\n${timePer10k(texts).toFixed(0)} ms per 10,000 texts\n`);
  // The held-out corpora's misses are never listed, so that nobody tunes on them.
  if (process.argv.includes('--wrong') && !which.startsWith('test')) for (const w of wrong) console.log(w);
}
