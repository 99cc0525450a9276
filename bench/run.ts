/**
 * `npm run bench`: loads every compiled `bench/*.bench.js` next to this file, runs its
 * `run(): Promise<BenchResult[]>` and prints one JSON line per result on stdout, nothing else.
 * Anything a benchmark writes to stdout goes to stderr instead. Arguments filter the modules by
 * name: `node build/bench/run.js synth` runs only files whose name contains "synth".
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BenchResult } from './util';

interface BenchModule {
  run(): Promise<BenchResult[]>;
}

function isResult(r: unknown): r is BenchResult {
  const x = r as BenchResult;
  return typeof x === 'object' && x !== null && typeof x.name === 'string' && typeof x.ratio === 'number' && Number.isFinite(x.ratio)
    && typeof x.target === 'number' && x.unit === 'x' && typeof x.detail === 'string';
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  if (files.length === 0) throw new Error(`no bench/*.bench.js modules${filters.length ? ` matching ${filters.join(', ')}` : ''} in ${__dirname}; run \`npm run build\` first`);

  const stdoutWrite = process.stdout.write.bind(process.stdout);
  // Keep stdout for result lines: route everything else written there to stderr.
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => (process.stderr.write as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;
  try {
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(__dirname, file)) as Partial<BenchModule>;
      if (typeof mod.run !== 'function') throw new Error(`${file} does not export \`run(): Promise<BenchResult[]>\``);
      const results = await mod.run();
      for (const result of results) {
        if (!isResult(result)) throw new Error(`${file} returned a malformed result: ${JSON.stringify(result)}`);
        stdoutWrite(`${JSON.stringify({ name: result.name, ratio: result.ratio, target: result.target, unit: result.unit, detail: result.detail })}\n`);
      }
    }
  } finally {
    process.stdout.write = stdoutWrite;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
