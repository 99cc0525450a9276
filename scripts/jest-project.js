/**
 * The options both jest projects share (the unit suite of jest.config.js and the browser suite of
 * jest.browser.config.js): TypeScript through ts-jest with tsconfig.dev.json (scripts/jest-transform.js
 * says what it adds), Node environment. tsconfig.json sets `isolatedModules`, so ts-jest
 * transpiles each file on its own without type-checking it (`npm run typecheck` type-checks the
 * tests).
 */
module.exports = {
  rootDir: require('path').join(__dirname, '..'),
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['<rootDir>/scripts/jest-transform.js', { tsconfig: 'tsconfig.dev.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
