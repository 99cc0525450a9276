#!/usr/bin/env node
/**
 * Runs several npm scripts at once and fails when any of them fails (exit code 1, after all have
 * finished). `npm test` uses it for the steps that do not depend on each other — the checked build
 * (`build:checked`: one tsc program over lib, examples, bench and test that type-checks them all and
 * emits build/, instead of one tsc for the build and a second for the type-check) and the API.md
 * check are each one single-threaded process, so on a 2-core machine running them side by side
 * takes about half the time of running them in a row.
 *
 * Each script's output is buffered and printed in one block when it ends (stdout and stderr
 * interleaved as written), so the logs stay readable.
 *
 * Usage: node scripts/parallel.js SCRIPT [SCRIPT ...]
 */
'use strict';
const { spawn } = require('child_process');

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/parallel.js SCRIPT [SCRIPT ...]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const failed = [];
let running = scripts.length;

for (const script of scripts) {
  const started = Date.now();
  const child = spawn(npm, ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const chunks = [];
  child.stdout.on('data', (c) => chunks.push(c));
  child.stderr.on('data', (c) => chunks.push(c));
  child.on('close', (code, signal) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const ok = code === 0;
    if (!ok) failed.push(script);
    process.stdout.write(`\n> ${script} (${ok ? 'ok' : signal ? `killed by ${signal}` : `exit ${code}`}, ${seconds} s)\n`);
    process.stdout.write(Buffer.concat(chunks));
    if (--running === 0) {
      if (failed.length > 0) {
        console.error(`\nparallel: failed: ${failed.join(', ')}`);
        process.exit(1);
      }
    }
  });
}
