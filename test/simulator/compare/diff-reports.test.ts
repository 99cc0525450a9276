/**
 * `diffReports` on synthetic JSON reports: each row changes one thing between the `from` and
 * `to` report and pins the difference it must produce (or that it must produce none).
 */
import { diffReports, generatedPrefix } from '../../../lib/simulator/compare';
import type { ReportDifference } from '../../../lib/simulator/compare';
import type { ReportEvent, SimulationReport } from '../../../lib/simulator/report/json';
import { at, claim, event, job, JOB_PI, pod, report, SS_WEB } from './reports';

const CRON = { kind: 'CronJob', namespace: 'default', name: 'backup' } as const;

/** A StatefulSet with two pods and claims, a Job with one pod, a CronJob's Job with one pod. */
function base(): SimulationReport {
  return report({
    events: [
      event('SuccessfulCreate', SS_WEB, { message: 'create Claim www-web-0 Pod web-0 in StatefulSet web success', related: { kind: 'PersistentVolumeClaim', name: 'www-web-0' } }),
      event('SuccessfulCreate', SS_WEB, { message: 'create Pod web-0 in StatefulSet web successful', related: { kind: 'Pod', name: 'web-0' } }),
      event('SuccessfulCreate', SS_WEB, { time: at(5), message: 'create Claim www-web-1 Pod web-1 in StatefulSet web success', related: { kind: 'PersistentVolumeClaim', name: 'www-web-1' } }),
      event('SuccessfulCreate', SS_WEB, { time: at(5), message: 'create Pod web-1 in StatefulSet web successful', related: { kind: 'Pod', name: 'web-1' } }),
      event('SuccessfulCreate', JOB_PI, { message: 'Created pod: pi-x7k2p', related: { kind: 'Pod', name: 'pi-x7k2p' } }),
      event('Completed', JOB_PI, { time: at(12), message: 'Job completed' }),
      event('SuccessfulCreate', CRON, { time: at(60), message: 'Created job backup-28391', related: { kind: 'Job', name: 'backup-28391' } }),
      event('SuccessfulCreate', { kind: 'Job', namespace: 'default', name: 'backup-28391' }, { time: at(60), message: 'Created pod: backup-28391-b4c5d', related: { kind: 'Pod', name: 'backup-28391-b4c5d' } }),
    ],
    pods: [
      pod('web-0'),
      pod('web-1', { created: at(5), started: at(6), readyAt: at(10) }),
      pod('pi-x7k2p', { owner: { kind: 'Job', name: 'pi' }, phase: 'Succeeded', ready: false, finished: at(11) }),
      pod('backup-28391-b4c5d', { owner: { kind: 'Job', name: 'backup-28391' }, created: at(60), started: at(61), readyAt: at(65), phase: 'Succeeded', ready: false, finished: at(71) }),
    ],
    persistentVolumeClaims: [claim('www-web-0'), claim('www-web-1', { created: at(5) })],
    jobs: [job('pi'), job('backup-28391', { owner: { kind: 'CronJob', name: 'backup' }, created: at(60), finished: at(72) })],
  });
}

/** `base()` with `edit` applied to a deep copy. */
function edited(edit: (r: { -readonly [K in keyof SimulationReport]: SimulationReport[K] }) => void): SimulationReport {
  const r = JSON.parse(JSON.stringify(base()));
  edit(r);
  return r;
}

/** The parts of a difference a row pins. */
function brief(d: ReportDifference) {
  return { section: d.section, change: d.change, workload: `${d.workload.kind}/${d.workload.name}`, subject: d.subject, instance: d.instance, fields: d.fields };
}

test('identical reports: no differences, zero counts', () => {
  const d = diffReports(base(), base());
  expect(d).toEqual({
    identical: true,
    summary: { events: { added: 0, removed: 0, changed: 0 }, pods: { added: 0, removed: 0, changed: 0 }, jobs: { added: 0, removed: 0, changed: 0 }, persistentVolumeClaims: { added: 0, removed: 0, changed: 0 } },
    differences: [],
  });
});

describe('one change between the runs → the difference it produces', () => {
  test.each<[string, SimulationReport, ReturnType<typeof brief>[]]>([
    ['an event only in the second run (a Warning the newer controller records)',
      edited((r) => r.events.push(event('BackoffLimitExceeded', JOB_PI, { time: at(12), type: 'Warning', message: 'Job has reached the specified backoff limit' }))),
      [{ section: 'event', change: 'added', workload: 'Job/pi', subject: 'Event Warning BackoffLimitExceeded Job/pi', instance: 1, fields: [] }]],
    ['an event only in the first run',
      edited((r) => r.events.splice(5, 1)),
      [{ section: 'event', change: 'removed', workload: 'Job/pi', subject: 'Event Normal Completed Job/pi', instance: 1, fields: [] }]],
    ['an event recorded later',
      edited((r) => { r.events[5] = { ...r.events[5], time: at(40) }; }),
      [{ section: 'event', change: 'changed', workload: 'Job/pi', subject: 'Event Normal Completed Job/pi', instance: 1, fields: [{ field: 'time', from: at(12), to: at(40) }] }]],
    ['a Job whose outcome changes (Complete → Failed, later)',
      edited((r) => { r.jobs[0] = { ...r.jobs[0], condition: 'Failed', reason: 'BackoffLimitExceeded', succeeded: 0, failed: 7, finished: at(300) }; }),
      [{ section: 'job', change: 'changed', workload: 'Job/pi', subject: 'Job pi', instance: 1, fields: [
        { field: 'condition', from: 'Complete', to: 'Failed' }, { field: 'reason', from: null, to: 'BackoffLimitExceeded' },
        { field: 'succeeded', from: 1, to: 0 }, { field: 'failed', from: 0, to: 7 }, { field: 'finished', from: at(12), to: at(300) }] }]],
    ['a CronJob\'s Job finishing later is grouped under the CronJob',
      edited((r) => { r.jobs[1] = { ...r.jobs[1], finished: at(90) }; }),
      [{ section: 'job', change: 'changed', workload: 'CronJob/backup', subject: 'Job backup-28391', instance: 1, fields: [{ field: 'finished', from: at(72), to: at(90) }] }]],
    ['a pod that exists only in the second run (web-1 recreated: its second instance)',
      edited((r) => { r.pods[1] = { ...r.pods[1], deleting: at(100), deleted: at(101) }; r.pods.push(pod('web-1', { created: at(101), started: at(102), readyAt: at(106) })); }),
      [
        { section: 'pod', change: 'changed', workload: 'StatefulSet/web', subject: 'Pod web-1', instance: 1, fields: [{ field: 'deleting', from: null, to: at(100) }, { field: 'deleted', from: null, to: at(101) }] },
        { section: 'pod', change: 'added', workload: 'StatefulSet/web', subject: 'Pod web-1', instance: 2, fields: [] },
      ]],
    ['a pod that exists only in the first run (and the event of its creation)',
      edited((r) => { r.pods.splice(2, 1); r.events.splice(4, 1); }),
      [
        { section: 'pod', change: 'removed', workload: 'Job/pi', subject: 'Pod pi-*', instance: 1, fields: [] },
        { section: 'event', change: 'removed', workload: 'Job/pi', subject: 'Event Normal SuccessfulCreate Job/pi (Pod pi-*#1)', instance: 1, fields: [] },
      ]],
    ['a pod timeline shifts (started and Ready later)',
      edited((r) => { r.pods[0] = { ...r.pods[0], started: at(3), readyAt: at(9) }; }),
      [{ section: 'pod', change: 'changed', workload: 'StatefulSet/web', subject: 'Pod web-0', instance: 1, fields: [{ field: 'started', from: at(1), to: at(3) }, { field: 'readyAt', from: at(5), to: at(9) }] }]],
    ['a claim deleted with its pod (StatefulSetAutoDeletePVC-like) is grouped under the StatefulSet',
      edited((r) => { r.persistentVolumeClaims[1] = { ...r.persistentVolumeClaims[1], deleted: at(200) }; }),
      [{ section: 'claim', change: 'changed', workload: 'StatefulSet/web', subject: 'PersistentVolumeClaim www-web-1', instance: 1, fields: [{ field: 'deleted', from: null, to: at(200) }] }]],
    ['a different message of the same event',
      edited((r) => { r.events[5] = { ...r.events[5], message: 'Job completed after 2 retries' }; }),
      [{ section: 'event', change: 'changed', workload: 'Job/pi', subject: 'Event Normal Completed Job/pi', instance: 1, fields: [{ field: 'message', from: 'Job completed', to: 'Job completed after 2 retries' }] }]],
  ])('%s', (_name, to, expected) => {
    const d = diffReports(base(), to);
    expect(d.differences.map(brief)).toEqual(expected);
    expect(d.identical).toBe(false);
  });
});

describe('what is not a difference', () => {
  test('generated pod names that differ only in their random suffix (and the events naming them)', () => {
    const to = edited((r) => {
      r.pods[2] = { ...r.pods[2], name: 'pi-q9z4m' };
      r.events[4] = { ...r.events[4], message: 'Created pod: pi-q9z4m', related: { kind: 'Pod', name: 'pi-q9z4m' } };
    });
    expect(diffReports(base(), to).differences).toEqual([]);
  });

  test('store uids in messages (uid-000012 counts objects created before)', () => {
    const backOff = (uid: string) => event('BackOff', { kind: 'Pod', namespace: 'default', name: 'web-0' }, { type: 'Warning', message: `Back-off restarting failed container c in pod web-0_default(${uid})` });
    const a = edited((r) => r.events.push(backOff('uid-000012')));
    const b = edited((r) => r.events.push(backOff('uid-000014')));
    expect(diffReports(a, b).identical).toBe(true);
  });

  test('the IP and image of a pod are not compared', () => {
    expect(diffReports(base(), edited((r) => { r.pods[0] = { ...r.pods[0], ip: '10.244.2.9' }; })).identical).toBe(true);
  });
});

test('a third pod of a Job in one run is the third instance of `pi-*`; the events about it line up by instance', () => {
  const to = edited((r) => {
    r.pods.push(pod('pi-m2n4p', { owner: { kind: 'Job', name: 'pi' }, created: at(20), started: null, readyAt: null, phase: 'Pending', ready: false }));
    r.pods.push(pod('pi-w4x5z', { owner: { kind: 'Job', name: 'pi' }, created: at(30), started: null, readyAt: null, phase: 'Pending', ready: false }));
  });
  const from = edited((r) => {
    r.pods.push(pod('pi-b6c7d', { owner: { kind: 'Job', name: 'pi' }, created: at(20), started: null, readyAt: null, phase: 'Pending', ready: false }));
  });
  expect(diffReports(from, to).differences.map(brief)).toEqual([
    { section: 'pod', change: 'added', workload: 'Job/pi', subject: 'Pod pi-*', instance: 3, fields: [] },
  ]);
});

describe('instances of one identity are aligned as a sequence diff, not by position', () => {
  const WEB0 = { kind: 'Pod', namespace: 'default', name: 'web-0' } as const;
  const backOffs = (...seconds: number[]) => edited((r) => {
    for (const s of seconds) r.events.push(event('BackOff', WEB0, { time: at(s), type: 'Warning', message: 'Back-off restarting failed container c in pod web-0_default(uid-000003)' }));
  });

  test('one more restart in the middle is one added event (the later ones still match)', () => {
    expect(diffReports(backOffs(10, 20, 40), backOffs(10, 20, 30, 40)).differences.map((d) => ({ change: d.change, instance: d.instance, time: (d.to as ReportEvent).time })))
      .toEqual([{ change: 'added', instance: 3, time: at(30) }]);
  });

  test('one fewer in the middle is one removed event', () => {
    expect(diffReports(backOffs(10, 20, 30, 40), backOffs(10, 20, 40)).differences.map((d) => `${d.change} #${d.instance}`)).toEqual(['removed #3']);
  });

  test('a shifted instance between two that match is changed, in place', () => {
    expect(diffReports(backOffs(10, 20, 40), backOffs(10, 25, 40)).differences.map((d) => ({ change: d.change, instance: d.instance, fields: d.fields })))
      .toEqual([{ change: 'changed', instance: 2, fields: [{ field: 'time', from: at(20), to: at(25) }] }]);
  });
});

test('ordering: by workload (namespace, kind, name), then job, pod, claim, event, then time — the same whichever run is first', () => {
  const to = edited((r) => {
    r.events.push(event('BackoffLimitExceeded', JOB_PI, { time: at(12), type: 'Warning' }));
    r.events[0] = { ...r.events[0], time: at(2) };
    r.jobs[1] = { ...r.jobs[1], finished: at(90) };
    r.pods[1] = { ...r.pods[1], readyAt: at(20) };
    r.pods[0] = { ...r.pods[0], readyAt: at(21) };
    r.jobs[0] = { ...r.jobs[0], failed: 1 };
  });
  const forward = diffReports(base(), to).differences.map((d) => `${d.workload.kind}/${d.workload.name} ${d.section} ${d.change} ${d.subject}`);
  expect(forward).toEqual([
    'CronJob/backup job changed Job backup-28391',
    'Job/pi job changed Job pi',
    'Job/pi event added Event Warning BackoffLimitExceeded Job/pi',
    'StatefulSet/web pod changed Pod web-0',
    'StatefulSet/web pod changed Pod web-1',
    'StatefulSet/web event changed Event Normal SuccessfulCreate StatefulSet/web (PersistentVolumeClaim www-web-0)',
  ]);
  const mirrored = { added: 'removed', removed: 'added', changed: 'changed' } as const;
  const backward = diffReports(to, base());
  expect(backward.differences.map((d) => `${d.workload.kind}/${d.workload.name} ${d.section} ${mirrored[d.change]} ${d.subject}`)).toEqual(forward);
  expect(backward.differences.map((d) => ({ from: d.to, to: d.from, fields: d.fields.map((f) => ({ field: f.field, from: f.to, to: f.from })) })))
    .toEqual(diffReports(base(), to).differences.map((d) => ({ from: d.from, to: d.to, fields: d.fields })));
  // The same inputs give the same output, byte for byte.
  expect(JSON.stringify(diffReports(base(), to))).toBe(JSON.stringify(diffReports(base(), to)));
});

test('ordering by time is by instant, not by text (2024-…:01Z before 2024-…:01.500Z)', () => {
  const to = edited((r) => {
    r.events.push(event('Late', JOB_PI, { time: '2024-01-01T00:00:01.500Z' }));
    r.events.push(event('Early', JOB_PI, { time: '2024-01-01T00:00:01Z' }));
  });
  expect(diffReports(base(), to).differences.map((d) => d.subject)).toEqual(['Event Normal Early Job/pi', 'Event Normal Late Job/pi']);
});

test('records of different identities listed in another order give the same differences', () => {
  const to = edited((r) => { r.events.push(event('BackoffLimitExceeded', JOB_PI, { time: at(12), type: 'Warning' })); r.jobs[0] = { ...r.jobs[0], failed: 1 }; });
  const shuffled = { ...to, events: [...to.events].reverse(), jobs: [...to.jobs].reverse(), pods: [...to.pods].reverse() };
  expect(diffReports(base(), shuffled)).toEqual(diffReports(base(), to));
});

test('counts per list', () => {
  const to = edited((r) => {
    r.events.push(event('BackoffLimitExceeded', JOB_PI, { time: at(12), type: 'Warning' }));
    r.events[5] = { ...r.events[5], time: at(13) };
    r.pods.splice(0, 1);
    r.jobs[0] = { ...r.jobs[0], failed: 1 };
  });
  expect(diffReports(base(), to).summary).toEqual({
    events: { added: 1, removed: 0, changed: 1 }, pods: { added: 0, removed: 1, changed: 0 }, jobs: { added: 0, removed: 0, changed: 1 }, persistentVolumeClaims: { added: 0, removed: 0, changed: 0 },
  });
});

describe('generatedPrefix: which pod names the API server generated (names.SimpleNameGenerator, 5 characters)', () => {
  test.each([
    ['pi-x7k2p', { kind: 'Job', name: 'pi' }, 'pi-'],
    ['pi-3-x7k2p', { kind: 'Job', name: 'pi' }, 'pi-3-'], // podGenerateNameWithIndex: <job>-<index>-
    ['fluentd-b4c5d', { kind: 'DaemonSet', name: 'fluentd' }, 'fluentd-'],
    ['web-0', { kind: 'StatefulSet', name: 'web' }, undefined], // fixed names
    ['pi-aeiou', { kind: 'Job', name: 'pi' }, undefined], // vowels are not in the alphabet
    ['other-x7k2p', { kind: 'Job', name: 'pi' }, undefined], // not the owner's prefix
    ['lonely-x7k2p', null, undefined], // no controller: the user named it
  ])('%s owned by %j → %j', (name, owner, prefix) => {
    expect(generatedPrefix({ name, owner })).toBe(prefix);
  });
});
