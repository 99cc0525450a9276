#!/usr/bin/env node
/**
 * The `cdk8s-workloads` command:
 *
 *   cdk8s-workloads simulate <manifest files or dirs…> [--scenario FILE] [--format text|json|html] [--out FILE]
 *                            [--history full|summary] [--keep-deleted N] [--max-events N] [--no-fast-forward]
 *                            [--kubernetes-version 1.N] [--feature-gates Name=true,...]
 *                            [--compare 1.M [--compare-feature-gates Name=true,...] [--fail-on-difference]]
 *   cdk8s-workloads schedule "<cron>" [--time-zone ZONE] [--from ISO] [--count N] [--json]
 *   cdk8s-workloads validate <manifest files, dirs or -> [--output text|json|yaml] [--namespace NS]
 *                            [--kubernetes-version 1.N] [--feature-gates Name=true,...]
 *
 * Exit codes: 0 ok, 1 invalid input (one message on stderr, nothing on stdout, never a stack
 * trace), 2 bad usage (unknown option, missing argument, a flag value out of range, an unsupported
 * Kubernetes version or feature gate), 3 a scenario `expect:` check failed (`simulate`, after
 * printing the report), 4 `simulate --compare --fail-on-difference` and the two runs differ.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { CliError, CliIO, processIO } from './io';
import { runSchedule, ScheduleCommandOptions } from './schedule-command';
import { runCompare } from './compare-command';
import { runSimulate, SimulateCommandOptions } from './simulate-command';
import { runValidate, ValidateCommandOptions } from './validate-command';
import { supportedVersionsText } from '../versions/kubernetes-version';

/**
 * Runs the CLI with `argv` (without the node and script entries) and returns the exit code.
 * Exported so tests can drive it in-process.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let exitCode = 0;
  const program = new Command('cdk8s-workloads')
    .description('Simulate Kubernetes workload controllers offline, and preview CronJob schedules as Kubernetes runs them.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program.version(packageVersion(), '-V, --version', 'print the cdk8s-workloads version');

  program.command('simulate')
    .description('replay what the StatefulSet, DaemonSet, Job and CronJob controllers do with the given manifests')
    .argument('<paths...>', 'manifest files (YAML or JSON) or directories of them')
    .option('--scenario <file>', 'scenario file (YAML or JSON): start, until, seed, cluster, pods, steps, expect')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
    .option('--out <file>', 'write the output to this file instead of stdout')
    .addOption(new Option('--history <mode>', 'keep whole deleted objects, or only what the report needs (long runs)').choices(['full', 'summary']).default('full'))
    .option('--keep-deleted <n>', 'list at most N deleted instances of each kind (the most recent); the rest are counted (default: all for 7 simulated days, then 100)')
    .option('--max-events <n>', 'keep only the newest N events; the rest are counted (default: all for 7 simulated days, then 1,000)')
    .option('--no-fast-forward', 'replay every event of a steady CronJob run (while the history is bounded, steady periods are skipped; same output)')
    .option('--kubernetes-version <version>', `Kubernetes version to admit and simulate as, 1.N or 1.N.P (default: 1.27; supported: ${supportedVersionsText()})`)
    .option('--feature-gates <gates>', 'feature-gate overrides as the components take them, e.g. JobPodReplacementPolicy=true,PodIndexLabel=false')
    .option('--compare <version>', 'upgrade preview: run the same scenario again under this version and print what differs (text or json)')
    .option('--compare-feature-gates <gates>', 'feature-gate overrides of the --compare run (--feature-gates sets the first run\'s)')
    .option('--fail-on-difference', 'with --compare: exit 4 when the two runs differ (default: exit 0 either way)')
    .addHelpText('after', '\nExit codes: 0 ok (with --compare: whether or not the runs differ), 1 invalid input, 2 bad usage,\n3 a scenario expect: check failed (under either version with --compare), 4 --fail-on-difference and the runs differ.')
    .option('--at <when>', 'print the kubectl get tables (pods -o wide, workloads, pvc, events) at this instant instead: a duration from the start (90s, 5m) or an RFC 3339 instant')
    .action(async (paths: string[], opts: SimulateCommandOptions) => {
      exitCode = opts.compare !== undefined ? await runCompare(paths, opts, io) : await runSimulate(paths, opts, io);
    });

  program.command('schedule')
    .description('validate a CronJob schedule as the Kubernetes 1.27 API server does and list its next run times')
    .argument('<cron>', 'the schedule, e.g. "0 9 * * 1-5" or "@daily"')
    .option('--time-zone <zone>', 'IANA time zone, as spec.timeZone (default: UTC, what a controller-manager in UTC uses)')
    .option('--from <iso>', 'list runs strictly after this instant (default: now)')
    .option('--count <n>', 'how many run times to list', '5')
    .option('--json', 'print {"ok":true,"next":[…]} or {"ok":false,"error":"…"}')
    .action(async (cron: string, opts: ScheduleCommandOptions) => {
      exitCode = await runSchedule(cron, opts, io);
    });

  program.command('validate')
    .description('validate manifests offline as `kubectl apply --dry-run=server` against a Kubernetes API server (default 1.27) would')
    .argument('<paths...>', 'manifest files (YAML or JSON), directories of them, or - for stdin')
    .addOption(new Option('-o, --output <format>', 'output format: kubectl-like lines, JSON result, or the admitted objects as YAML').choices(['text', 'json', 'yaml']).default('text'))
    .option('-n, --namespace <namespace>', 'namespace of namespaced objects without one', 'default')
    .option('--kubernetes-version <version>', `Kubernetes version to validate against, 1.N or 1.N.P (default: 1.27; supported: ${supportedVersionsText()})`)
    .option('--feature-gates <gates>', 'feature-gate overrides as kube-apiserver takes them, e.g. JobManagedBy=true,PodIndexLabel=false')
    .action(async (paths: string[], opts: ValidateCommandOptions) => {
      exitCode = await runValidate(paths, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has already printed its message (or the help or version text, exit code 0);
      // anything else it rejects is bad usage: exit 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof CliError) {
      io.stderr(`error: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/**
 * The version in this package's package.json (found upward from this file, so it works from the
 * sources and from build/).
 */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk8s-workloads' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (err) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
