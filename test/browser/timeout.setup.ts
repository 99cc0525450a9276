// The browser suite's per-test timeout: a case launches Chromium pages and simulates through the
// CLI. Set here rather than as `testTimeout`, which jest reads from the top-level config only, so
// it would not apply when the browser suite runs as a project of jest.config.js.
jest.setTimeout(180_000);
