/**
 * The compiled CLI that the spawned-process tests run, and a `beforeAll` that rebuilds it when any
 * source under lib/ is newer than its output (so a stale build/ never hides a change).
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LIB, libFiles } from '../architecture/import-graph';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'build', 'lib', 'cli', 'cli.js');

function staleSources(): string[] {
  return libFiles().filter((f) => {
    const out = path.join(ROOT, 'build', 'lib', f.replace(/\.ts$/, '.js'));
    return !fs.existsSync(out) || fs.statSync(out).mtimeMs < fs.statSync(path.join(LIB, f)).mtimeMs;
  });
}

/** Registers a `beforeAll` that builds the project when build/lib is missing or older than lib/. */
export function ensureBuiltCli(): void {
  beforeAll(() => {
    if (staleSources().length > 0) {
      try {
        execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
      } catch {
        // tsc emits even when another part of the tree has type errors; the check below decides.
      }
    }
    const still = staleSources();
    if (still.length > 0) throw new Error(`build/ is missing or stale for ${still.map((f) => `lib/${f}`).join(', ')}: run npm run build`);
  }, 180_000);
}
