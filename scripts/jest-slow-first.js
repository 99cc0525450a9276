/**
 * jest's test sequencer, with a head start for a fresh clone. jest runs the files it has timings
 * for slowest first (from its cache of the last run); without a cache it orders them by file size,
 * which put the slowest files of this suite (a simulated year, the package install) last, where
 * one worker finished them alone while the other idled. Here a file without a cached timing takes
 * its estimate from ESTIMATES (seconds, measured on the 2-core machine), so the longest files start
 * first on every run; files with neither keep jest's order by size, after the estimated ones.
 * Failed files still run first, as in jest's own sequencer.
 */
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

/** Relative path → seconds: the files that take a second or more (measured in a cold `npm test`, load-scaled). */
const ESTIMATES = {
  'test/package/install-recipe.test.ts': 17,
  'test/browser/examples.browser.test.ts': 15,
  'test/cli/version-flags.test.ts': 15,
  'test/cli/compare-command.test.ts': 13,
  'test/cli/validate-command.test.ts': 12,
  'test/apiserver/throughput/equality.test.ts': 11,
  'test/simulator/fast-forward/fast-forward.test.ts': 10,
  'test/package/ci-recipe.test.ts': 10,
  'test/simulator/fast-forward/property.test.ts': 9,
  'test/browser/timeline.browser.test.ts': 8,
  'test/simulator/report/state-at-cli.test.ts': 8,
  'test/cli/kubernetes-version-behaviour.test.ts': 8,
  'test/apiserver/throughput/yaml-fast-decode.test.ts': 6,
  'test/cli/schedule-command.test.ts': 6,
  'test/simulator/fast-forward/divergence.test.ts': 5,
  'test/schedule/schedule.oracle.test.ts': 3.5,
  'test/simulator/expect/cli-exit-codes.test.ts': 3.5,
  'test/simulator/report/workloads.test.ts': 2.5,
  'test/cli/simulate-command.test.ts': 2.5,
  'test/constructs/stateful-database/stateful-database.test.ts': 2,
  'test/constructs/node-agent/node-agent.test.ts': 2,
  'test/simulator/cron-job.test.ts': 2,
  'test/apiserver/fuzz.test.ts': 2,
  'test/apiserver/schema-equivalence/schema-equivalence.test.ts': 1.5,
  'test/apiserver/versions/examples-by-version.test.ts': 1.5,
  'test/apiserver/upstream/battery.test.ts': 1.5,
  'test/simulator/cluster/summary.test.ts': 1,
  'test/schedule/zone.test.ts': 1,
  'test/simulator/index.test.ts': 1,
};

const ROOT = path.join(__dirname, '..');

class SlowFirstSequencer extends Sequencer {
  /** The cached duration (ms) of the last run, else the estimate, else undefined. */
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const estimate = ESTIMATES[path.relative(ROOT, test.path).split(path.sep).join('/')];
    return estimate === undefined ? undefined : estimate * 1000;
  }

  /** Failed first; then by duration, longest first; then files without one, largest first. */
  sort(tests) {
    const size = (t) => t.context.hasteFS.getSize(t.path) ?? 0;
    const keyed = tests.map((t) => ({ t, failed: this.hasFailed(t), ms: this.time(t) }));
    keyed.sort((a, b) => {
      if (a.failed !== b.failed) return a.failed ? -1 : 1;
      if ((a.ms == null) !== (b.ms == null)) return a.ms == null ? 1 : -1;
      if (a.ms != null && a.ms !== b.ms) return b.ms - a.ms;
      return size(b.t) - size(a.t);
    });
    return keyed.map(({ t, ms }) => Object.assign(t, { duration: ms }));
  }
}

module.exports = SlowFirstSequencer;
