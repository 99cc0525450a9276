import { CliError, CliIO } from './io';

/** Options of `cdk8s-workloads schedule`. */
export interface ScheduleCommandOptions {
  /** IANA time zone. */
  readonly timeZone?: string;
  /** ISO instant to list runs after. */
  readonly from?: string;
  /** How many runs to list, as typed. */
  readonly count?: string;
  /** Print JSON. */
  readonly json?: boolean;
}

/** Runs `schedule`; returns the exit code. */
export async function runSchedule(_cron: string, _opts: ScheduleCommandOptions, _io: CliIO): Promise<number> {
  throw new CliError('schedule: not built yet');
}
