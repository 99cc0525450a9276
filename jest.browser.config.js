/**
 * The browser suite (npm run test:browser): renders the HTML timelines in headless Chromium.
 * Separate from the fast unit suite (jest.config.js ignores test/browser/); one worker, since each
 * file drives one Chromium and the machines have 2 cores.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
  maxWorkers: 1,
};
