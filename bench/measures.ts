/**
 * Measure texts read right: `npm run bench:measures`. Reads every text of the corpus
 * (test/fixtures/measure-corpus.tsv) with parseMeasureText and prints the share read right (action, share and
 * truck ban all as the corpus says), the share read weaker than written, both by style of list, the texts
 * read wrong (`--wrong`), and the time per 10,000 texts (the corpus over and over, the parser's memo not
 * involved).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseMeasureText } from '../src/core/rules/measureText.js';
import { judge, readCorpus } from '../test/fixtures/measureCorpus.js';

/**
 * Which corpus: the one the readers were built against (default), `--dev` (written apart, then used to find
 * what general rules were missing), or `--test` (written last and never looked at: the figure for texts
 * haze has never seen; its texts read wrong are not listed, so that nobody tunes on them).
 */
const FILES = {
  built: 'measure-corpus.tsv',
  dev: 'measure-corpus-dev.tsv',
  dev2: 'measure-corpus-dev2.tsv',
  dev3: 'measure-corpus-dev3.tsv',
  test: 'measure-corpus-test.tsv',
  test2: 'measure-corpus-test2.tsv',
  dev4: 'measure-corpus-dev4.tsv',
  dev5: 'measure-corpus-dev5.tsv',
  dev6: 'measure-corpus-dev6.tsv',
  dev7: 'measure-corpus-dev7.tsv',
  dev8: 'measure-corpus-dev8.tsv',
  dev9: 'measure-corpus-dev9.tsv',
  dev10: 'measure-corpus-dev10.tsv',
  dev11: 'measure-corpus-dev11.tsv',
  dev12: 'measure-corpus-dev12.tsv',
  test4: 'measure-corpus-test4.tsv',
  test3: 'measure-corpus-test3.tsv',
} as const;
const which = (Object.keys(FILES) as (keyof typeof FILES)[]).find((w) => process.argv.includes(`--${w}`)) ?? 'built';
const corpus = readCorpus(fileURLToPath(new URL(`../test/fixtures/${FILES[which]}`, import.meta.url)));
const byStyle = new Map<string, { n: number; right: number; weaker: number }>();
const wrong: string[] = [];
for (const c of corpus) {
  const v = judge(c, parseMeasureText(c.text));
  const s = byStyle.get(c.style) ?? { n: 0, right: 0, weaker: 0 };
  s.n++;
  if (v.right) s.right++;
  if (v.weaker) s.weaker++;
  byStyle.set(c.style, s);
  if (!v.right) wrong.push(`${v.weaker ? 'WEAKER ' : ''}line ${c.line}: ${c.text} — ${v.why.join('; ')}`);
}

const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
const all = [...byStyle.values()].reduce((a, s) => ({ n: a.n + s.n, right: a.right + s.right, weaker: a.weaker + s.weaker }), { n: 0, right: 0, weaker: 0 });

const N = 10_000;
const started = performance.now();
for (let i = 0; i < N; i++) parseMeasureText(corpus[i % corpus.length]!.text);
const ms = performance.now() - started;

console.log(`node ${process.version}; ${FILES[which]}, ${corpus.length} texts\n`);
console.log('| style | texts | read right | read weaker than written |');
console.log('| --- | ---: | ---: | ---: |');
for (const [style, s] of [...byStyle].sort()) console.log(`| ${style} | ${s.n} | ${pct(s.right, s.n)} | ${s.weaker} |`);
console.log(`| all | ${all.n} | ${pct(all.right, all.n)} | ${all.weaker} |`);
console.log(`\n${ms.toFixed(0)} ms per ${N.toLocaleString('en-US')} texts\n`);
if (process.argv.includes('--wrong') && !which.startsWith('test')) for (const w of wrong) console.log(w);
