/**
 * Jest's transform for the few ES-module-only packages that CommonJS dependencies require: cookie 2, which
 * Fastify's inject (light-my-request) and @fastify/cookie require(). Node 20.19 loads them natively
 * (require(esm)); Jest's module runtime does so only on Node 24.9+, so here esbuild turns them into CommonJS.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, file) {
    const out = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: file, sourcemap: 'inline' });
    return { code: out.code };
  },
};
