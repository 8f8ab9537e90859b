/**
 * What keeps haze's start short (npm run bench:startup): main.ts and the commands' definitions import, before
 * any command runs, nothing but commander and a few light modules of their own — no reader, rule, store or
 * writer, no zod, yaml or SQLite; each action is imported when its command runs. Held on the sources' static
 * imports (`import type` and `import()` are not loaded up front). And the lazy actions still behave: a
 * HazeError thrown in one maps to its exit code, --version reads package.json.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { haze } from '../helpers/runHaze.js';

const SRC = resolve('src');

/** The modules loaded up front from `file`: its static imports, followed through haze's own files. */
function staticGraph(file: string): { own: Set<string>; packages: Set<string> } {
  const own = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (own.has(f)) return;
    own.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)(?!\s+type\b)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(f), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(file);
  return { own: new Set([...own].map((f) => relative(SRC, f))), packages };
}

describe('start-up', () => {
  test('before a command runs: commander and light modules only', () => {
    const { own, packages } = staticGraph(join(SRC, 'cli/main.ts'));
    expect([...packages]).toEqual(['commander']);
    const heavy = [...own].filter(
      (f) => /^(io|workflow|cli\/actions)\//.test(f) || ['cli/flags.ts', 'cli/globals.ts', 'cli/output.ts', 'cli/town.ts'].includes(f),
    );
    expect(heavy).toEqual([]);
    // Every command's definition is in the graph, so this holds for each of them.
    expect([...own].filter((f) => f.startsWith('cli/commands/')).length).toBe(14);
  });

  test("--version is package.json's", () => {
    const r = haze(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  test('a HazeError from a lazily loaded action keeps its exit code and message', () => {
    const r = haze(['measures', '--level', 'purple']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('--level 的值"purple"不是预警级别');
    expect(r.stderr).not.toMatch(/内部错误|\n\s+at /);
    const s = haze(['--lang', 'en', 'alert', 'lift', '--at', '2019-12-11 12:00']);
    expect(s.status).toBe(65);
    expect(s.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test('colour where it is forced: the labels in the 16-colour codes', () => {
    const r = haze(['measures'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('\u001b[33m注意\u001b[39m: ');
    const plain = haze(['measures']);
    expect(plain.stderr).toContain('注意: ');
    expect(plain.stderr).not.toContain('\u001b[');
  });
});
