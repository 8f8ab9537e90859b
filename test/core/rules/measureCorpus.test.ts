/**
 * The measure-text corpora (test/fixtures/measure-corpus*.tsv): every text read, few weaker than written,
 * most read exactly right. And the never-weaker property itself: a stop word with any noise around it is
 * still a stop.
 */
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeasureText } from '../../../src/core/rules/measureText.js';
import { actionOf, judge, readCorpus } from '../../fixtures/measureCorpus.js';

const FIXTURES = join(process.cwd(), 'test/fixtures');
/**
 * The figures each corpus is held to: the one the readers were built against; the dev corpora, written apart, then used to
 * find the general rules that were missing (dev … dev33); and the held-out ones (test …
 * test9), written apart and never looked at — their misses are not listed by the bench — whose figures say how
 * haze reads texts it has not met. The target there is 95 % right and nothing weaker (issue 14), not yet met: the
 * bounds below are a ratchet at today's figures, to be raised, never lowered.
 */
const corpora = [
  { name: 'measure-corpus.tsv', right: 0.99, weaker: 0.002 },
  { name: 'measure-corpus-dev.tsv', right: 1.0, weaker: 0.002 },
  { name: 'measure-corpus-dev2.tsv', right: 0.99, weaker: 0.003 },
  { name: 'measure-corpus-dev3.tsv', right: 0.97, weaker: 0.002 },
  { name: 'measure-corpus-dev4.tsv', right: 1.0, weaker: 0.002 },
  { name: 'measure-corpus-dev5.tsv', right: 0.98, weaker: 0.002 },
  { name: 'measure-corpus-dev6.tsv', right: 0.99, weaker: 0.004 },
  { name: 'measure-corpus-dev7.tsv', right: 0.99, weaker: 0.002 },
  { name: 'measure-corpus-dev8.tsv', right: 0.99, weaker: 0.002 },
  { name: 'measure-corpus-dev9.tsv', right: 0.99, weaker: 0.004 },
  { name: 'measure-corpus-dev10.tsv', right: 0.99, weaker: 0.002 },
  { name: 'measure-corpus-dev11.tsv', right: 0.98, weaker: 0.007 },
  { name: 'measure-corpus-dev12.tsv', right: 0.99, weaker: 0.002 },
  { name: 'measure-corpus-dev13.tsv', right: 0.99, weaker: 0.004 },
  { name: 'measure-corpus-dev14.tsv', right: 0.97, weaker: 0.002 },
  { name: 'measure-corpus-dev15.tsv', right: 0.98, weaker: 0.002 },
  { name: 'measure-corpus-dev16.tsv', right: 0.99, weaker: 0.004 },
  { name: 'measure-corpus-dev17.tsv', right: 0.98, weaker: 0.004 },
  { name: 'measure-corpus-dev18.tsv', right: 0.98, weaker: 0.002 },
  { name: 'measure-corpus-dev19.tsv', right: 0.98, weaker: 0.004 },
  { name: 'measure-corpus-dev20.tsv', right: 0.94, weaker: 0.012 },
  { name: 'measure-corpus-dev21.tsv', right: 0.98, weaker: 0.002 },
  { name: 'measure-corpus-dev22.tsv', right: 0.98, weaker: 0.002 },
  { name: 'measure-corpus-dev23.tsv', right: 0.99, weaker: 0.002 },
  { name: 'measure-corpus-dev24.tsv', right: 0.92, weaker: 0.012 },
  { name: 'measure-corpus-dev25.tsv', right: 0.93, weaker: 0.004 },
  { name: 'measure-corpus-dev26.tsv', right: 0.88, weaker: 0.002 },
  { name: 'measure-corpus-dev27.tsv', right: 0.97, weaker: 0.004 },
  { name: 'measure-corpus-dev28.tsv', right: 0.98, weaker: 0.002 },
  { name: 'measure-corpus-dev29.tsv', right: 0.94, weaker: 0.002 },
  { name: 'measure-corpus-dev30.tsv', right: 0.91, weaker: 0.012 },
  { name: 'measure-corpus-dev31.tsv', right: 0.96, weaker: 0.002 },
  { name: 'measure-corpus-dev32.tsv', right: 0.98, weaker: 0.008 },
  { name: 'measure-corpus-dev33.tsv', right: 0.75, weaker: 0.104 },
  { name: 'measure-corpus-test.tsv', right: 0.89, weaker: 0.029 },
  { name: 'measure-corpus-test2.tsv', right: 0.92, weaker: 0.027 },
  { name: 'measure-corpus-test3.tsv', right: 0.96, weaker: 0.01 },
  { name: 'measure-corpus-test4.tsv', right: 0.96, weaker: 0.014 },
  { name: 'measure-corpus-test5.tsv', right: 0.97, weaker: 0.014 },
  { name: 'measure-corpus-test6.tsv', right: 0.97, weaker: 0.007 },
  { name: 'measure-corpus-test7.tsv', right: 0.94, weaker: 0.014 },
  { name: 'measure-corpus-test8.tsv', right: 0.97, weaker: 0.01 },
  { name: 'measure-corpus-test9.tsv', right: 0.96, weaker: 0.014 },
]
  .map((c) => ({ ...c, file: join(FIXTURES, c.name) }))
  .filter((c) => existsSync(c.file));

describe.each(corpora)('$name', ({ file, right, weaker: weakerShare }) => {
  const corpus = readCorpus(file);
  const verdicts = corpus.map((c) => ({ c, v: judge(c, parseMeasureText(c.text, 'orange')) }));

  test('has the texts it promises, each with a reading', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const c of corpus) expect(['stop', 'stop_part', 'limit', 'self', 'exempt', 'none']).toContain(c.action);
  });

  test(`at most ${weakerShare * 100} % read weaker than written (a weaker action, a smaller share, a truck ban lost)`, () => {
    // The texts are listed by npm run bench:measures -- --dev3 --wrong (any corpus but the held-out ones).
    const weaker = verdicts.filter(({ v }) => v.weaker).map(({ c, v }) => `line ${c.line}: ${c.text} — ${v.why.join('; ')}`);
    expect(weaker.length).toBeLessThanOrEqual(Math.floor(corpus.length * weakerShare));
  });

  test(`at least ${right * 100} % read exactly right (action, share and truck ban)`, () => {
    const share = verdicts.filter(({ v }) => v.right).length / corpus.length;
    expect(share).toBeGreaterThanOrEqual(right);
  });
});

test('a stop word with noise around it is never read weaker than the stop word alone', () => {
  const alone = parseMeasureText('停产');
  expect([alone.action, alone.limitPct]).toEqual(['stop', 100]);
  // Noise: Chinese characters and letters that are not a negation (不/非/无/未 would change the words' meaning), nor
  // a word of running or closing units (开/关: "关1条" is a partial stop) or of normal production (正常).
  const noiseChar = fc.oneof(
    fc.constantFrom(
      ...'的一是在有和人这中大为上个我以要时来用们生到作地于出就分对成会可主发年动同工也能下过子说种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好它合还因由其些然前外天四日那社事平形相全表间样与各重新内数正心反明看原又么利比或但气第向道命此变条只没结解问意建月公系很情者最立代想已通并提直题程展五果料象员位入文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处府研'.split(
        '',
      ),
    ),
    fc.constantFrom(...'abcXYZ12'.split('')),
  );
  const noise = fc.array(noiseChar, { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
  // Not a space: between a letter and a Chinese word normalising drops it, and the noise becomes the stop's subject.
  const sep = fc.constantFrom('，', '；', '。', '、');
  fc.assert(
    fc.property(noise, noise, noise, sep, sep, fc.boolean(), (before, note, after, s1, s2, bracket) => {
      const stop = bracket && note !== '' ? `停产（${note}）` : '停产';
      const text = [before, stop, after].filter((x) => x !== '').join(before !== '' ? s1 : s2);
      const got = parseMeasureText(text);
      expect(actionOf(got)).toBe('stop');
      expect(got.limitPct).toBe(100);
    }),
    { numRuns: 400 },
  );
});
