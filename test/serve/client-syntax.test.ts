/**
 * The inspector page's scripts run in WeChat's built-in browser, whose engine may be years behind Chrome: they
 * must be written in syntax Chrome 61 parses. esbuild, asked for that target, must neither throw nor rewrite a
 * thing (its output the same as for the newest target, no helper functions, no warnings): `?.`, `??`, class
 * fields, top-level await, `catch {}` without its binding and the like fail here.
 */
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/runHaze.js';

const OLD = 'chrome61';
// esbuild writes template literals as "".concat() for Chrome below 62 (for speed, not because 61 lacks them).
const SUPPORTED = { 'template-literal': true };
const CLIENT = join(REPO, 'src/serve/inspector/client');

/** Why `code` would not run as written at OLD, or null: esbuild's error, a rewrite, a helper, a warning. */
function tooNew(code: string): string | null {
  let old;
  try {
    old = transformSync(code, { target: OLD, supported: SUPPORTED, loader: 'js', logLevel: 'silent' });
  } catch (err) {
    return `esbuild at ${OLD}: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`;
  }
  if (old.warnings.length > 0) return `warnings at ${OLD}: ${old.warnings.map((w) => w.text).join('; ')}`;
  const helper = /\b__(async|spreadValues|spreadProps|publicField|privateIn|objRest|defProp|await|asyncGenerator|forAwait|template)\b/.exec(old.code);
  if (helper) return `needs esbuild's helper ${helper[0]} at ${OLD}`;
  const now = transformSync(code, { target: 'esnext', loader: 'js', logLevel: 'silent' });
  if (old.code !== now.code) {
    const a = old.code.split('\n');
    const b = now.code.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    return `rewritten for ${OLD} near line ${i + 1}: ${JSON.stringify(b[i])} → ${JSON.stringify(a[i])}`;
  }
  return null;
}

test.each(['inspector.js', 'sw.js'])(`%s is written in syntax ${OLD} parses, unchanged`, (file) => {
  expect(tooNew(readFileSync(join(CLIENT, file), 'utf8'))).toBeNull();
});

test.each([
  ['optional chaining', 'var a = {}; console.log(a?.b);'],
  ['nullish coalescing', 'var a = null; console.log(a ?? 1);'],
  ['a class field', 'class A { x = 1; }\nnew A();'],
  ['top-level await', 'await Promise.resolve(1);'],
  ['catch without its binding', 'try { f(); } catch { g(); }'],
  ['an async generator', 'async function* g() { yield 1; }\ng();'],
  ['a regex named group', 'console.log(/(?<y>\\d{4})/.exec("2019"));'],
])('the check fails on %s', (_what, code) => {
  expect(tooNew(code)).not.toBeNull();
});

test('the check passes what Chrome 61 has: async functions, object spread, template strings, arrows', () => {
  expect(tooNew('async function f(o) { var p = { ...o, a: `x${1}` }; await f(p); return [1].map((x) => x * 2); }\nf({});')).toBeNull();
});
