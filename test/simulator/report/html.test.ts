import type { SimulationResult } from '../../../lib/simulator';
import { cronJobTimeZones, formatDuration, HtmlTimelineOptions, renderHtmlTimeline, timelineOptionsFor } from '../../../lib/simulator/report/html';
import {
  bigStatefulSet, cronJobRuns, min, mixedReport, ReportBuilder, sec, statefulSetRollout,
} from '../../helpers/timeline-reports';

interface ParsedLane {
  readonly kind: string;
  readonly pods: number;
  readonly jobs: number;
  readonly label: string;
  readonly body: string;
}

/** Lanes in document order: kind, counts, visible label and inner markup. */
function lanes(html: string): ParsedLane[] {
  const re = /<g class="lane lane-([a-z-]+)" data-lane="\d+" data-pods="(\d+)" data-jobs="(\d+)">(.*?)<\/g>(?=<g class="lane |\n|$)/gs;
  const out: ParsedLane[] = [];
  for (const m of html.matchAll(re)) {
    const label = /<text class="lane-label"[^>]*><title>[^<]*<\/title>([^<]*)<\/text>/.exec(m[4]);
    out.push({ kind: m[1], pods: Number(m[2]), jobs: Number(m[3]), label: label ? unescape(label[1]) : '', body: m[4] });
  }
  return out;
}

/** Group headings in document order. */
function groups(html: string): string[] {
  return [...html.matchAll(/<g class="group" data-kind="([^"]*)" data-name="([^"]*)"/g)].map((m) => `${m[1]}/${unescape(m[2])}`);
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Phase rects of the pod bars in `markup`: [class, x, width, height]. */
function phaseRects(markup: string): [string, number, number, number][] {
  return [...markup.matchAll(/<rect class="(ph-[a-z]+)(?: tail)?" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"\/>/g)]
    .map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4])]);
}

function count(html: string, needle: string | RegExp): number {
  return typeof needle === 'string' ? html.split(needle).length - 1 : [...html.matchAll(needle)].length;
}

describe('renderHtmlTimeline', () => {
  describe('document', () => {
    test('is one self-contained page: no script, no external resource, a CSP that forbids fetching', () => {
      const html = renderHtmlTimeline(mixedReport());
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
      expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\s(src|href)=/);
      expect(html).not.toMatch(/@import|url\((?!#hatch\))/);
      // The only URL is the SVG namespace, which is an identifier, not a fetch.
      expect(html.match(/https?:\/\/[^"\s]*/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
    });

    test('is deterministic: the same report and options give the same bytes', () => {
      const opts = { steps: [{ atMs: min(4), label: 'deletePod fluentd-k9z7q' }], timeZones: { 'default/report': 'Asia/Seoul' } };
      expect(renderHtmlTimeline(mixedReport(), opts)).toBe(renderHtmlTimeline(mixedReport(), opts));
      expect(renderHtmlTimeline(cronJobRuns(50), opts)).toBe(renderHtmlTimeline(cronJobRuns(50), opts));
    });

    test('escapes pod names, event messages and titles', () => {
      const html = renderHtmlTimeline(mixedReport(), { title: 'a <b> & "c"', steps: [{ atMs: 0, label: '<img src=x onerror=alert(1)>' }] });
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).toContain('Readiness probe failed: &quot;&lt;b&gt;&amp;nope&lt;/b&gt;&quot;');
      expect(html).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    test('an empty run renders a page that says so', () => {
      const html = renderHtmlTimeline(new ReportBuilder().build());
      expect(lanes(html)).toEqual([]);
      expect(html).toContain('No pods, jobs or events in this run.');
      expect(html).toContain('<body data-lanes="0" data-pods="0" data-jobs="0">');
    });

    test('fails when the report has an invalid time', () => {
      const r = { ...mixedReport(), start: 'yesterday' };
      expect(() => renderHtmlTimeline(r)).toThrow('renderHtmlTimeline: start must be an RFC 3339 time, got "yesterday"');
    });
  });

  describe('lanes and grouping', () => {
    test('StatefulSet pods get one lane per pod name in ordinal order; a recreated pod continues its lane', () => {
      const b = new ReportBuilder();
      const sts = { kind: 'StatefulSet', name: 'web' };
      for (const i of [10, 2, 0, 1]) b.pod({ name: `web-${i}`, owner: sts, created: sec(i), started: sec(i + 1), readyAt: sec(i + 5), deleting: i === 2 ? min(4) : null, deleted: i === 2 ? min(4) + sec(1) : null });
      b.pod({ name: 'web-2', owner: sts, created: min(5), started: min(5) + sec(1), readyAt: min(5) + sec(5) });
      const html = renderHtmlTimeline(b.build());
      expect(lanes(html).map((l) => [l.label, l.pods])).toEqual([['web-0', 1], ['web-1', 1], ['web-2 ×2', 2], ['web-10', 1]]);
      expect(groups(html)).toEqual(['StatefulSet/web']);
    });

    test('DaemonSet pods are grouped by node in natural order, unscheduled pods last', () => {
      const html = renderHtmlTimeline(mixedReport());
      const ds = lanes(html).filter((l) => l.body.includes('DaemonSet/fluentd'));
      expect(ds.map((l) => [l.label, l.pods])).toEqual([['node worker2', 2], ['node worker10', 1], ['fluentd-q5w2h (unscheduled)', 1]]);
    });

    test('a standalone Job shows its pods on the Job lane, parallel pods on extra rows', () => {
      const html = renderHtmlTimeline(mixedReport());
      const job = lanes(html).filter((l) => l.kind === 'job');
      expect(job.map((l) => [l.label, l.pods, l.jobs])).toEqual([['migrate', 2, 1], ['migrate [2]', 1, 0]]);
      // migrate-aaaaa (failed at 1m20s) and migrate-ccccc (from 1m30s) share the first row.
      expect(job[0].body).toContain('data-pod="default/migrate-aaaaa"');
      expect(job[0].body).toContain('data-pod="default/migrate-ccccc"');
      expect(job[1].body).toContain('data-pod="default/migrate-bbbbb"');
      expect(html).toContain('>Complete · 3 pods: 2 succeeded, 1 failed</text>');
    });

    test('Jobs are drawn under their CronJob, one lane each in creation order', () => {
      const report = cronJobRuns(10);
      const html = renderHtmlTimeline(report);
      expect(groups(html)).toEqual(['CronJob/report']);
      const ls = lanes(html);
      expect(ls.map((l) => l.label)).toEqual(report.jobs.map((j) => j.name));
      expect(ls.every((l) => l.kind === 'job')).toBe(true);
      // Run 6 failed after a retry: two pods on its lane, and its Job line is red.
      const failed = ls.find((l) => l.label === report.jobs[6].name)!;
      expect(failed.pods).toBe(2);
      expect(failed.body).toContain('data-outcome="Failed"><title>Job default/report-27718620 (CronJob/report)\nFailed (BackoffLimitExceeded)');
      expect(failed.body).toMatch(/<rect class="ph-failed jobline"/);
      expect(failed.body).toMatch(/<rect class="ph-failed badge"/);
      expect(count(html, 'class="ph-succeeded badge"')).toBe(report.jobs.filter((j) => j.condition === 'Complete').length);
    });

    test('a CronJob with more Jobs than maxJobLanesPerCronJob is one aggregated lane with a tick per Job', () => {
      const report = cronJobRuns(1000);
      const html = renderHtmlTimeline(report);
      const ls = lanes(html);
      expect(ls).toHaveLength(1);
      expect(ls[0]).toMatchObject({ kind: 'cronjob-jobs', label: `${report.jobs.length} jobs`, jobs: report.jobs.length, pods: report.pods.length });
      expect(count(ls[0].body, '<g class="job" ')).toBe(report.jobs.length);
      const failed = report.jobs.filter((j) => j.condition === 'Failed').length;
      expect(failed).toBeGreaterThan(0);
      expect(count(ls[0].body, 'data-outcome="Failed"')).toBe(failed);
      expect(count(ls[0].body, 'data-outcome="Complete"')).toBe(report.jobs.length - failed);
      // Forbid: no two runs overlap, so one row of ticks.
      expect(ls[0].body).toContain('at most 1 at once shown as rows');
      // Not one lane per Job.
      expect(html).not.toContain('<g class="lane lane-job"');
    });

    test('maxJobLanesPerCronJob sets the aggregation threshold', () => {
      expect(lanes(renderHtmlTimeline(cronJobRuns(10), { maxJobLanesPerCronJob: 5 })).map((l) => l.kind)).toEqual(['cronjob-jobs']);
      expect(lanes(renderHtmlTimeline(cronJobRuns(10), { maxJobLanesPerCronJob: 10 }))).toHaveLength(cronJobRuns(10).jobs.length);
    });

    test('overlapping runs of an aggregated CronJob stack in rows, at most 4', () => {
      const b = new ReportBuilder('2024-01-01T00:00:00Z', min(200));
      const cj = { kind: 'CronJob', name: 'allow' };
      // Every minute a run of 6 minutes (concurrencyPolicy Allow): up to 6 at once.
      for (let i = 0; i < 40; i++) b.job({ name: `allow-${i}`, owner: cj, created: min(i), finished: min(i + 6), condition: 'Complete' });
      const [lane] = lanes(renderHtmlTimeline(b.build()));
      expect(lane.body).toContain('at most 4 at once shown as rows');
      expect(new Set([...lane.body.matchAll(/data-outcome="Complete"><title>[^<]*<\/title><rect class="ph-succeeded" x="[\d.]+" y="([\d.]+)"/g)].map((m) => m[1])).size).toBe(4);
    });

    test('every pod is counted in exactly one lane', () => {
      for (const report of [mixedReport(), statefulSetRollout(), cronJobRuns(10), cronJobRuns(1000), bigStatefulSet(200)]) {
        const html = renderHtmlTimeline(report);
        const ls = lanes(html);
        expect(ls.reduce((n, l) => n + l.pods, 0)).toBe(report.pods.length);
        expect(ls.reduce((n, l) => n + l.jobs, 0)).toBe(report.jobs.length);
        expect(html).toContain(`data-lanes="${ls.length}" data-pods="${report.pods.length}" data-jobs="${report.jobs.length}"`);
      }
    });

    test('200 pods of one StatefulSet are 200 lanes; above maxLanesPerGroup the rest folds into a "+N more" lane', () => {
      expect(lanes(renderHtmlTimeline(bigStatefulSet(200)))).toHaveLength(200);
      const folded = lanes(renderHtmlTimeline(bigStatefulSet(200), { maxLanesPerGroup: 50 }));
      expect(folded).toHaveLength(50);
      expect(folded[48].label).toBe('db-48');
      expect(folded[49]).toMatchObject({ kind: 'more', label: '+151 more pods', pods: 151 });
      expect(count(folded[49].body, '<g class="pod" ')).toBe(151);
    });

    test('groups are ordered by first activity; events of other objects go to a Cluster group first', () => {
      expect(groups(renderHtmlTimeline(mixedReport()))).toEqual(['Cluster/', 'DaemonSet/fluentd', 'Job/migrate', 'Pod/']);
    });

    test('a workload with events but no pods still gets a group with its events', () => {
      const b = new ReportBuilder();
      const name = 'a-very-long-statefulset-name-that-is-more-than-52-chars';
      b.event(0, 'Warning', { kind: 'StatefulSet', name }, 'FailedCreate', `create Pod ${name}-0 in StatefulSet ${name} failed error: Pod "${name}-0" is invalid`);
      const html = renderHtmlTimeline(b.build());
      expect(groups(html)).toEqual([`StatefulSet/${name}`]);
      expect(html).toContain('<g class="events-row" data-events="1">');
      expect(count(html, '<g class="marker warn-marker"')).toBe(2); // in the events row and in the warnings strip
    });

    test('a pod whose Job is not in the report is grouped under that Job', () => {
      const b = new ReportBuilder();
      b.pod({ name: 'orphan-abcde', owner: { kind: 'Job', name: 'orphan' }, created: 0, started: sec(1), finished: sec(10), phase: 'Succeeded' });
      const html = renderHtmlTimeline(b.build());
      expect(groups(html)).toEqual(['Job/orphan']);
      expect(lanes(html).map((l) => [l.kind, l.label])).toEqual([['pod', 'orphan-abcde']]);
    });
  });

  describe('phases', () => {
    // 1000 s on 1000 px: 1 px per second. The label column is the x of time 0.
    const opts = { plotWidth: 1000 };
    const build = (pod: Parameters<ReportBuilder['pod']>[0]): [string, number, number, number][] => {
      const b = new ReportBuilder('2024-01-01T00:00:00Z', sec(1000));
      b.pod(pod);
      const html = renderHtmlTimeline(b.build(), opts);
      const rects = phaseRects(lanes(html)[0].body);
      const x0 = rects[0][1];
      return rects.map(([c, x, w, h]) => [c, Math.round(x - x0), w, h]);
    };

    test('a pod that starts, becomes Ready and is deleted: Pending, Running, Ready, Terminating', () => {
      expect(build({ name: 'p', created: sec(100), started: sec(102), readyAt: sec(106), deleting: sec(500), deleted: sec(530) })).toEqual([
        ['ph-pending', 0, 2, 10], ['ph-running', 2, 4, 10], ['ph-ready', 6, 394, 10], ['ph-terminating', 400, 30, 10],
      ]);
    });

    test('a pod never scheduled stays Pending to the end', () => {
      expect(build({ name: 'p', node: null, created: sec(10), phase: 'Pending' })).toEqual([['ph-pending', 0, 990, 10]]);
    });

    test('a pod whose readiness never passes is Running, not ready, to the end', () => {
      expect(build({ name: 'p', created: 0, started: sec(1), readyAt: null })).toEqual([['ph-pending', 0, 1, 10], ['ph-running', 1, 999, 10]]);
    });

    test('a Job pod that succeeded is Succeeded (thin and pale) after its container ended', () => {
      expect(build({ name: 'p', created: 0, started: sec(1), readyAt: sec(2), finished: sec(30), phase: 'Succeeded' })).toEqual([
        ['ph-pending', 0, 1, 10], ['ph-running', 1, 1, 10], ['ph-ready', 2, 28, 10], ['ph-succeeded', 30, 970, 4],
      ]);
    });

    test('a failed pod that is then deleted: Failed until deletion, then Terminating', () => {
      expect(build({ name: 'p', created: 0, started: sec(1), finished: sec(20), deleting: sec(50), deleted: sec(51), phase: 'Failed' })).toEqual([
        ['ph-pending', 0, 1, 10], ['ph-running', 1, 19, 10], ['ph-failed', 20, 30, 4], ['ph-terminating', 50, 1, 10],
      ]);
    });

    test('a container restarted in place (pod still Running) is not drawn as finished', () => {
      expect(build({ name: 'p', created: 0, started: sec(1), readyAt: sec(5), finished: sec(60), phase: 'Running', restarts: 1 })).toEqual([
        ['ph-pending', 0, 1, 10], ['ph-running', 1, 4, 10], ['ph-ready', 5, 995, 10],
      ]);
    });

    test('each phase has its own colour, named in the legend', () => {
      const html = renderHtmlTimeline(mixedReport());
      const colours = Object.fromEntries([...html.matchAll(/\.(ph-[a-z]+)\{fill:([^}]+)\}/g)].map((m) => [m[1], m[2]]));
      expect(Object.keys(colours).sort()).toEqual(['ph-failed', 'ph-pending', 'ph-ready', 'ph-running', 'ph-succeeded', 'ph-terminating']);
      expect(new Set(Object.values(colours)).size).toBe(6);
      for (const label of ['Pending', 'Running, not ready', 'Ready', 'Succeeded', 'Failed', 'Terminating', 'Warning event', 'Scenario step']) {
        expect(html).toMatch(new RegExp(`<section class="legend"[^]*</svg>${label}</span>[^]*</section>`));
      }
    });

    test('bars name their image when an owner runs more than one (a rollout)', () => {
      const html = renderHtmlTimeline(statefulSetRollout());
      expect(count(html, '<text class="bar-text"')).toBe(5);
      expect(count(html, '>nginx:1.26</text>')).toBe(2);
      expect(renderHtmlTimeline(bigStatefulSet(3))).not.toContain('class="bar-text"');
    });
  });

  describe('markers and axis', () => {
    test('scenario steps are vertical markers with their labels, by atMs or time', () => {
      const report = statefulSetRollout();
      const html = renderHtmlTimeline(report, {
        plotWidth: 600,
        steps: [{ time: '2022-09-13T00:05:00Z', label: 'setImage StatefulSet/web nginx:1.26' }, { atMs: min(1), label: 'scale StatefulSet/web to 3' }],
      });
      const markers = [...html.matchAll(/<g class="step-marker" data-step="(\d)"><title>([^<]*)<\/title><line class="step" x1="([\d.]+)"/g)];
      expect(markers.map((m) => m[2])).toEqual([
        'step 1 at 00:01:00 (+1m): scale StatefulSet/web to 3',
        'step 2 at 00:05:00 (+5m): setImage StatefulSet/web nginx:1.26',
      ]);
      // 10 minutes on 600 px: 1 min = 60 px.
      expect(Number(markers[1][3]) - Number(markers[0][3])).toBeCloseTo(240, 0);
      expect(count(html, '<line class="step" data-step=')).toBe(2); // and through the lanes
    });

    test('fails when a step has neither atMs nor time', () => {
      expect(() => renderHtmlTimeline(statefulSetRollout(), { steps: [{ label: 'x' }] })).toThrow('renderHtmlTimeline: steps[0] needs atMs or time');
    });

    test('Warning events are marked on their pod lane and in the warnings strip, with the message as hover text', () => {
      const html = renderHtmlTimeline(mixedReport());
      const unscheduled = lanes(html).find((l) => l.label === 'fluentd-q5w2h (unscheduled)')!;
      expect(unscheduled.body).toContain('<g class="marker warn-marker" data-events="1"><title>00:00:00 (+0s) Warning FailedScheduling Pod/fluentd-q5w2h: 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 3 Insufficient cpu.</title>');
      const strip = /<g class="warning-strip">(.*?)<\/g><g class="axis-row"/s.exec(html)![1];
      expect(count(strip, 'class="marker warn-marker"')).toBe(2);
      expect(html).toContain('warnings (2)');
    });

    test('runs the CronJob did not start (JobAlreadyActive) are marked differently from other events', () => {
      const html = renderHtmlTimeline(cronJobRuns(30), { maxJobLanesPerCronJob: 100 });
      const row = /<g class="events-row" data-events="(\d+)">(.*?)<\/g>\n/s.exec(html)!;
      expect(count(row[2], 'class="marker skip-marker"')).toBe(2); // runs 12 and 25
      expect(row[2]).toContain('Normal JobAlreadyActive CronJob/report: Not starting job because prior execution is running and concurrency policy is Forbid');
    });

    test('the pod bar hover text lists the pod, its phases and its events', () => {
      const html = renderHtmlTimeline(statefulSetRollout());
      const title = /<g class="pod" data-pod="default\/web-2" data-phase="Running"><title>([^<]*)<\/title>/.exec(html)![1];
      expect(unescape(title).split('\n')).toEqual([
        'Pod default/web-2 (StatefulSet/web)',
        'node worker3 · ip 10.244.1.4 · image nginx:1.25',
        'final phase Running · restarts 0',
        'Pending: 00:00:10 (+10s) → 00:00:11 (+11s) (1s)',
        'Running, not ready: 00:00:11 (+11s) → 00:00:15 (+15s) (4s)',
        'Ready: 00:00:15 (+15s) → 00:05:00 (+5m) (4m45s)',
        'Terminating: 00:05:00 (+5m) → 00:05:01 (+5m1s) (1s)',
        'events:',
        '00:00:10 (+10s) Normal SuccessfulCreate StatefulSet/web: create Pod web-2 in StatefulSet web successful',
        '00:05:00 (+5m) Normal SuccessfulDelete StatefulSet/web: delete Pod web-2 in StatefulSet web successful',
      ]);
    });

    test('the axis is in UTC, with a row per CronJob time zone', () => {
      const html = renderHtmlTimeline(cronJobRuns(20), { timeZones: { 'default/report': 'Asia/Seoul' } });
      const utc = /<g class="axis-row" data-zone="UTC">(.*?)<\/g>/s.exec(html)![1];
      const seoul = /<g class="axis-row" data-zone="Asia\/Seoul">(.*?)<\/g>/s.exec(html)![1];
      const ticks = (row: string): string[] => [...row.matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(ticks(utc).slice(0, 3)).toEqual(['Mon 09-12 00:00', '00:30', '01:00']);
      expect(ticks(seoul).slice(0, 3)).toEqual(['Mon 09-12 09:00', '09:30', '10:00']);
      expect(seoul).toContain('>Asia/Seoul (+09:00)</text>');
      expect(html).toContain('CronJob default/report');
      expect(html).toContain('time zone Asia/Seoul');
    });

    test('a zone with daylight saving time is labelled with the wall clock of each tick', () => {
      const b = new ReportBuilder('2024-03-10T05:00:00Z', min(300));
      b.job({ name: 'ny-1', owner: { kind: 'CronJob', name: 'ny' }, created: 0, finished: min(1), condition: 'Complete' });
      const html = renderHtmlTimeline(b.build(), { timeZones: { ny: 'America/New_York' } });
      const row = /<g class="axis-row" data-zone="America\/New_York">(.*?)<\/g>/s.exec(html)![1];
      // 07:00Z is 03:00 EDT: the 02:00 hour does not exist that night.
      expect([...row.matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['Sun 03-10 00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30']);
    });

    test('fails when a time zone is unknown', () => {
      expect(() => renderHtmlTimeline(cronJobRuns(2), { timeZones: { report: 'Mars/Olympus' } })).toThrow('renderHtmlTimeline: unknown time zone "Mars/Olympus" in timeZones');
    });
  });

  describe('summary', () => {
    test('counts objects, pods created and deleted, jobs succeeded and failed, warnings', () => {
      const html = renderHtmlTimeline(mixedReport());
      const stat = (id: string): string => unescape(new RegExp(`<div class="stat" id="stat-${id}">(.*?)</div>`).exec(html)![1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
      expect(stat('objects')).toBe('Objects 3 1 DaemonSet, 1 Job, 1 Pod');
      expect(stat('pods')).toBe('Pods 8 created, 1 deleted');
      expect(stat('jobs')).toBe('Jobs 1 succeeded, 0 failed of 1');
      expect(stat('warnings')).toBe('Warnings 2 FailedScheduling ×1, Unhealthy ×1');
      const cron = renderHtmlTimeline(cronJobRuns(1000));
      expect(cron).toMatch(/id="stat-jobs"><dt>Jobs<\/dt><dd><span class="value">792 succeeded, 132 failed<\/span> <span class="detail">of 924<\/span>/);
    });

    test('objects come from the given manifest list when there is one', () => {
      const html = renderHtmlTimeline(statefulSetRollout(), {
        objects: [{ kind: 'StatefulSet', namespace: 'default', name: 'web' }, { kind: 'Service', namespace: 'default', name: 'nginx' }, { kind: 'Service', namespace: 'default', name: 'web' }],
      });
      expect(html).toContain('<span class="value">3</span> <span class="detail">2 Service, 1 StatefulSet</span>');
    });
  });
});

describe('timelineOptionsFor', () => {
  // Compile-time: a real SimulationResult fits the structural type.
  const fromResult = (r: SimulationResult): HtmlTimelineOptions => timelineOptionsFor(r);

  test('takes steps, CronJob zones, objects and pod state changes from a simulation result', () => {
    expect(typeof fromResult).toBe('function');
    const timeline = [{ atMs: 0, phase: 'Pending', ready: false, terminating: false }];
    const opts = timelineOptionsFor({
      scenario: { namespace: 'production', steps: [{ atMs: 120_000, label: 'scale StatefulSet/web to 5' }] },
      manifests: [
        { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'daily-report' }, spec: { timeZone: 'Asia/Seoul' } },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'web' } },
      ],
      simulation: { state: { history: () => [{ timeline }, { timeline: [] }] } },
    });
    expect(opts).toEqual({
      steps: [{ atMs: 120_000, label: 'scale StatefulSet/web to 5' }],
      timeZones: { 'production/daily-report': 'Asia/Seoul' },
      objects: [{ kind: 'CronJob', namespace: 'production', name: 'daily-report' }, { kind: 'Service', namespace: 'web', name: 'nginx' }],
      podTransitions: [timeline, []],
    });
  });
});

describe('cronJobTimeZones', () => {
  test('maps each CronJob with spec.timeZone to namespace/name', () => {
    expect(cronJobTimeZones([
      { kind: 'CronJob', metadata: { name: 'a', namespace: 'batch' }, spec: { timeZone: 'Asia/Seoul' } },
      { kind: 'CronJob', metadata: { name: 'b' }, spec: { timeZone: 'Europe/Berlin' } },
      { kind: 'CronJob', metadata: { name: 'c' }, spec: {} },
      { kind: 'Job', metadata: { name: 'd' }, spec: { timeZone: 'Asia/Seoul' } },
    ])).toEqual({ 'batch/a': 'Asia/Seoul', 'default/b': 'Europe/Berlin' });
  });
});

describe('formatDuration', () => {
  test.each([[0, '0s'], [250, '250ms'], [61_000, '1m1s'], [90 * 60_000, '1h30m'], [86_400_000 + 1000, '1d1s'], [-5000, '-5s']])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('renderHtmlTimeline with pod transitions', () => {
  test('readiness lost and regained (a restart in place) shows as Running between two Ready bars', () => {
    const b = new ReportBuilder('2024-01-01T00:00:00Z', sec(1000));
    b.pod({ name: 'p', created: 0, started: sec(1), readyAt: sec(5), restarts: 1 });
    const transitions = [
      { atMs: 0, phase: 'Pending', ready: false, terminating: false },
      { atMs: sec(1), phase: 'Running', ready: false, terminating: false },
      { atMs: sec(5), phase: 'Running', ready: true, terminating: false },
      { atMs: sec(300), phase: 'Running', ready: false, terminating: false },
      { atMs: sec(300), phase: 'Running', ready: false, terminating: false }, // restart: same state
      { atMs: sec(340), phase: 'Running', ready: true, terminating: false },
      { atMs: sec(900), phase: 'Running', ready: false, terminating: true },
    ];
    const html = renderHtmlTimeline(b.build(), { plotWidth: 1000, podTransitions: [transitions] });
    const rects = phaseRects(lanes(html)[0].body);
    const x0 = rects[0][1];
    expect(rects.map(([c, x, w]) => [c, Math.round(x - x0), w])).toEqual([
      ['ph-pending', 0, 1], ['ph-running', 1, 4], ['ph-ready', 5, 295], ['ph-running', 300, 40], ['ph-ready', 340, 560], ['ph-terminating', 900, 100],
    ]);
    expect(html).toContain('Running, not ready: 00:05:00 (+5m) → 00:05:40 (+5m40s) (40s)');
  });

  test('pods without transitions keep the bars derived from the report', () => {
    const report = statefulSetRollout();
    expect(renderHtmlTimeline(report, { podTransitions: [] })).toBe(renderHtmlTimeline(report));
  });
});

describe('renderHtmlTimeline with many Jobs without owner', () => {
  const report = (n: number) => {
    const b = new ReportBuilder('2024-01-01T00:00:00Z', min(n + 10));
    for (let i = 0; i < n; i++) {
      const name = `batch-${i}`;
      b.job({ name, created: min(i), finished: min(i) + sec(30), condition: i % 10 === 9 ? 'Failed' : 'Complete' });
      b.pod({ name: `${name}-xxxxx`, owner: { kind: 'Job', name }, created: min(i), started: min(i) + sec(1), finished: min(i) + sec(30), phase: i % 10 === 9 ? 'Failed' : 'Succeeded' });
      if (i % 10 === 9) b.event(min(i) + sec(30), 'Warning', { kind: 'Job', name }, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    }
    return b.build();
  };

  test('up to maxJobLanesPerCronJob they get a group each', () => {
    const html = renderHtmlTimeline(report(30));
    expect(groups(html)).toHaveLength(30);
    expect(html).toContain('<span class="value">30</span> <span class="detail">30 Job</span>');
  });

  test('above it they fold into one aggregated lane per namespace', () => {
    const r = report(1000);
    const html = renderHtmlTimeline(r);
    expect(groups(html)).toEqual(['Jobs/']);
    const ls = lanes(html);
    expect(ls).toHaveLength(1);
    expect(ls[0]).toMatchObject({ kind: 'jobs', label: '1000 jobs', jobs: 1000, pods: 1000 });
    expect(count(ls[0].body, 'data-outcome="Failed"')).toBe(100);
    expect(html).toContain('Jobs without owner · default');
    expect(html).toContain('<span class="value">1000</span> <span class="detail">1000 Job</span>');
    // The Jobs' own warnings are on the lane, not on a group of their own.
    expect(ls[0].body).toContain('Warning BackoffLimitExceeded Job/batch-9: Job has reached the specified backoff limit');
  });
});
