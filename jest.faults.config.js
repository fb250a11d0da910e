/**
 * `npm run test:faults`: the fault tests (test/faults/*.fault.ts). Each starts the real server as a
 * child process and breaks something under it (a hard kill, PostgreSQL going away, a failing disk).
 * Same transform and global setup (the test cluster) as the normal suite, which never runs these:
 * its testMatch is *.test.ts only.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.fault.ts'],
  // Every file runs servers, publishes and Chromium: one file at a time on a small machine.
  maxWorkers: 1,
  testTimeout: 900000,
};
