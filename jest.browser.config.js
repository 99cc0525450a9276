/**
 * The browser suite: renders the HTML timelines in headless Chromium (scripts/ensure-chromium.sh
 * installs it). `npm test` runs it as a project of jest.config.js, in the same two workers as the
 * unit suite; `npm run test:browser` runs it alone. Each file drives one Chromium.
 * @type {import('jest').Config}
 */
const shared = require('./scripts/jest-project.js');

module.exports = {
  ...shared,
  displayName: 'browser',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  setupFilesAfterEnv: ['<rootDir>/test/browser/timeout.setup.ts'],
  maxWorkers: 2,
};
