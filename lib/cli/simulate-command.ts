import { CliError, CliIO } from './io';

/** Options of `cdk8s-workloads simulate`. */
export interface SimulateCommandOptions {
  /** Scenario file path. */
  readonly scenario?: string;
  /** Output format. */
  readonly format: 'text' | 'json' | 'html';
  /** Output file path. */
  readonly out?: string;
}

/** Runs `simulate`; returns the exit code. */
export async function runSimulate(_paths: string[], _opts: SimulateCommandOptions, _io: CliIO): Promise<number> {
  throw new CliError('simulate: not built yet');
}
