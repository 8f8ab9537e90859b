/**
 * The bundled build (`npm run build`, after tsc): dist/cli/main.js and everything it imports, haze's own
 * modules and its dependencies, into a few files in dist/bundle/ — bin/haze.js runs dist/bundle/main.js.
 * One file read and compiled where there were a hundred and fifty modules to find, read and link: that is
 * most of a command's start (npm run bench:startup). Each command's action stays a chunk of its own, loaded
 * when the command runs (src/cli/main.ts).
 *
 * Kept out: better-sqlite3 (a native addon, loaded from node_modules), Fastify with its plugins and qrcode
 * (haze serve's, loaded when it runs), and what haze's modules load on demand
 * with createRequire (iconv-lite, cli-table3, @date-fns/tz), which esbuild leaves alone.
 *
 * import.meta.url: a module that finds its files from its own location (src/io/read/workspace.ts: data/ is
 * three levels up) would find them from the bundle's instead. So each module's `import.meta.url` is rewritten
 * to the URL that module has in dist/, computed from the bundle's own URL — a bundled module sees itself
 * where tsc put it, whatever chunk it lands in (the chunks are all in dist/bundle/).
 */
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

/** `import.meta.url` in haze's modules (dist/, outside the bundle): the module's own URL in dist/. */
const ownUrl = {
  name: 'haze-own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(`${dist}${path.sep}`) || args.path.startsWith(`${outdir}${path.sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = path.relative(outdir, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// Written over the last build, not after deleting it: a haze already running from it (a test, a colleague's
// command in the same tree) still finds its chunks — unchanged modules keep their names — and only files
// this build did not write are removed afterwards.
const result = await build({
  absWorkingDir: root,
  entryPoints: [path.join(dist, 'cli/main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The web server (haze serve) and its plugins load their own parts at run time: kept as the packages they are.
  external: ['better-sqlite3', 'pg-native', 'fastify', '@fastify/*', 'qrcode'],
  // The CommonJS dependencies bundled (commander's core, yauzl) require Node's own modules: give them require.
  banner: { js: "import { createRequire as __hazeCreateRequire } from 'node:module';\nconst require = __hazeCreateRequire(import.meta.url);" },
  plugins: [ownUrl],
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
const written = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
for (const f of readdirSync(outdir)) if (!written.has(path.join(outdir, f))) rmSync(path.join(outdir, f), { force: true });
