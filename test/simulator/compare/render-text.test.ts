/**
 * The text form of a diff: the header, "no difference" when the runs match, and one line per
 * difference grouped by workload with times as offsets from the start.
 */
import { diffReports, renderDiffText } from '../../../lib/simulator/compare';
import { at, event, job, JOB_PI, pod, report, START } from './reports';

const header = { from: '1.27', to: '1.36', start: START, gateChanges: [] };

test('identical runs: the header and "no difference"', () => {
  const r = report({ jobs: [job('pi')] });
  expect(renderDiffText(diffReports(r, r), header)).toBe([
    'Kubernetes 1.27 → 1.36: the same manifests, scenario and seed, simulated under each',
    'feature gates: no modelled gate differs',
    'no difference: every event, pod timeline, Job outcome and claim is the same',
    '',
  ].join('\n'));
});

test('differences grouped by workload, + / - / ~ with the changed fields', () => {
  const from = report({
    jobs: [job('pi', { condition: 'Failed', reason: 'BackoffLimitExceeded', succeeded: 0, failed: 2, finished: at(70) })],
    pods: [pod('web-0'), pod('pi-x7k2p', { owner: { kind: 'Job', name: 'pi' }, phase: 'Failed', ready: false, readyAt: null, finished: at(11) })],
    events: [event('BackoffLimitExceeded', JOB_PI, { time: at(70), type: 'Warning', message: 'Job has reached the specified backoff limit' })],
  });
  const to = report({
    jobs: [job('pi', { condition: 'Failed', reason: 'BackoffLimitExceeded', succeeded: 0, failed: 2, finished: at(100) })],
    pods: [pod('web-0', { readyAt: at(9) }), pod('pi-q9z4m', { owner: { kind: 'Job', name: 'pi' }, phase: 'Failed', ready: false, readyAt: null, finished: at(41) })],
    events: [
      event('BackoffLimitExceeded', JOB_PI, { time: at(100), type: 'Warning', message: 'Job has reached the specified backoff limit' }),
      event('FailedScheduling', { kind: 'Pod', namespace: 'default', name: 'web-0' }, { time: at(2), type: 'Warning', message: '0/3 nodes are available' }),
    ],
  });
  const gateChanges = [{ gate: 'JobManagedBy', from: false, to: true }];
  expect(renderDiffText(diffReports(from, to), { ...header, gateChanges })).toBe([
    'Kubernetes 1.27 → 1.36: the same manifests, scenario and seed, simulated under each',
    'feature gates that differ: JobManagedBy false → true',
    'differences: events 1 added, 0 removed, 1 changed; pods 0 added, 0 removed, 2 changed; jobs 0 added, 0 removed, 1 changed; claims 0 added, 0 removed, 0 changed',
    '(+ only in 1.36, - only in 1.27, ~ in both but different; times from the scenario start)',
    '',
    'Job/pi',
    '  ~ Job pi: finished +1m10s → +1m40s',
    '  ~ Pod pi-* (pi-x7k2p / pi-q9z4m): finished +11s → +41s',
    '  ~ Event Warning BackoffLimitExceeded Job/pi: time +1m10s → +1m40s',
    '',
    'StatefulSet/web',
    '  ~ Pod web-0: readyAt +5s → +9s',
    '  + Event Warning FailedScheduling Pod/web-0 (only in 1.36) at +2s: 0/3 nodes are available',
    '',
  ].join('\n'));
});

test('a record in one run only lists what happened to it; a second instance is numbered', () => {
  const from = report({ pods: [pod('web-0', { deleting: at(30), deleted: at(31) })] });
  const to = report({ pods: [pod('web-0', { deleting: at(30), deleted: at(31) }), pod('web-0', { created: at(31), started: at(32), readyAt: null, phase: 'Running', ready: false, restarts: 2 })], jobs: [job('pi')] });
  expect(renderDiffText(diffReports(from, to), header).split('\n').slice(4)).toEqual([
    '',
    'Job/pi',
    '  + Job pi (only in 1.36) condition Complete, succeeded 1, failed 0, finished +12s',
    '',
    'StatefulSet/web',
    '  + Pod web-0 #2 (only in 1.36) web-0: created +31s, started +32s, phase Running, restarts 2',
    '',
  ]);
});
