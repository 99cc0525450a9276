/** Where a CLI command writes; injected so tests can capture output without spawning. */
export interface CliIO {
  /** Writes to standard output (a trailing newline is not added). */
  stdout(text: string): void;
  /** Writes to standard error (a trailing newline is not added). */
  stderr(text: string): void;
  /**
   * Reads standard input to the end (for the `-` argument).
   * @default - standard input is not available: `-` is a usage error
   */
  stdin?: () => Promise<string>;
}

/**
 * A user-facing CLI failure: the message is printed as is (no stack trace) and the process exits
 * with `exitCode`.
 */
export class CliError extends Error {
  /** The process exit code. */
  public readonly exitCode: number;

  /**
   * @param message what went wrong, naming the file, document, field and fix where they apply
   * @param exitCode process exit code
   */
  public constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The process's real streams. */
export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  }),
};
