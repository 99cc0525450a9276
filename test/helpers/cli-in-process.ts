/**
 * Runs the CLI in-process through `main()` (the function the bin calls) with captured output, so a
 * test pays for no Node start-up and module loading; the spawned-process tests keep what only a
 * real process shows (exit status, real stdin, no stack trace, commander's own help/version output).
 */
import { main } from '../../lib/cli/cli';
import { CliIO } from '../../lib/cli/io';
import { ROOT } from './built-cli';

/** What a CLI run produced. */
export interface CliRun { code: number | null; stdout: string; stderr: string }

/** Options of {@link runCliInProcess}. */
export interface InProcessOptions {
  /** Text `-` reads as standard input. @default - no stdin: `-` is a usage error, as in main() */
  stdin?: string;
  /**
   * Working directory during the run (relative manifest paths resolve against the process's cwd,
   * as for the spawned CLI, whose tests run it with `cwd: ROOT`). @default ROOT
   */
  cwd?: string;
}

/** Runs `cdk8s-workloads <args…>` in-process and returns its exit code and captured output. */
export async function runCliInProcess(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    ...(options.stdin !== undefined ? { stdin: async () => options.stdin as string } : {}),
  };
  const previous = process.cwd();
  const cwd = options.cwd ?? ROOT;
  if (cwd !== previous) process.chdir(cwd);
  try {
    const code = await main(args, io);
    return { code, stdout, stderr };
  } finally {
    if (cwd !== previous) process.chdir(previous);
  }
}
