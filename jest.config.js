/**
 * `npx jest` (and `npm test`): the unit suite and the browser suite (jest.browser.config.js) as
 * two projects of one run, so both share the two workers and a slow browser file starts early
 * instead of after the unit suite.
 * @type {import('jest').Config}
 */
const shared = require('./scripts/jest-project.js');
// maxWorkers is an option of the whole run, not of a project.
const { maxWorkers: _browserWorkers, ...browserProject } = require('./jest.browser.config.js');

module.exports = {
  // Two workers on the 2-core machines: jest's default (cores - 1) runs the suite in one process.
  maxWorkers: 2,
  // Slowest files first, also on a fresh clone where jest has no timings yet (see the file).
  testSequencer: '<rootDir>/scripts/jest-slow-first.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
    },
    browserProject,
  ],
};
