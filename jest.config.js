/** Jest runs the TypeScript sources through ts-jest as ES modules (GUIDE §4). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    // ES-module-only packages that CommonJS dependencies require (cookie 2, under Fastify): see the transformer.
    '/node_modules/cookie/.+\\.js$': '<rootDir>/test/helpers/esmToCjs.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  testTimeout: 30000,
};
