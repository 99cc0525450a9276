/**
 * The browser suite (npm run test:browser): renders the HTML timelines in headless Chromium.
 * Separate from the fast unit suite (jest.config.js ignores test/browser/); two workers, one per
 * file (each drives one Chromium), on the 2-core machines.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
  maxWorkers: 2,
};
