/**
 * The `expect:` checks (README "Expectations"), each evaluated against a finished run. One
 * implementation serves the scenario's `expect:` block (CLI exit 3) and the Jest helpers
 * (`expectSimulation`). Every verdict says what was expected, what happened, and lists the pods,
 * Jobs or events it was decided on.
 */
import { formatDurationMs } from '../engine/duration';
import type { ReportEvent } from '../report/json';
import type { CronJobExpectation, EventExpectation, Expectation, JobExpectation, NoWarningsExpectation, PodsReadyExpectation } from '../scenario/expectations';
import { capped, concurrency, msOf, podsOwnedBy, readyIntervals, scheduledMsOf, when } from './objects';
import type { ExpectationResult, SimulationOutcome } from './outcome';

/** Evaluates one check. */
export function evaluateExpectation(e: Expectation, o: SimulationOutcome): ExpectationResult {
  switch (e.check) {
    case 'noWarnings': return { path: e.path, ...noWarnings(e, o) };
    case 'podsReady': return { path: e.path, ...podsReady(e, o) };
    case 'job': return { path: e.path, ...job(e, o) };
    case 'cronJob': return { path: e.path, ...cronJob(e, o) };
    case 'event': return { path: e.path, ...event(e, o) };
  }
}

/** Evaluates the scenario's `expect:` block, in order (empty when it has none). */
export function evaluateScenarioExpectations(o: SimulationOutcome): ExpectationResult[] {
  return (o.scenario.expect ?? []).map((e) => evaluateExpectation(e, o));
}

type Verdict = Omit<ExpectationResult, 'path'>;

function eventLine(e: ReportEvent): string {
  return `${e.time}  ${e.type.padEnd(7)}  ${e.object.kind}/${e.object.name}  ${e.reason}: ${e.message}`;
}

function bounds(min: number, max: number | undefined): string {
  if (max === undefined) return `at least ${min}`;
  if (min === max) return `exactly ${min}`;
  return min === 0 ? `at most ${max}` : `${min} to ${max}`;
}

/** Events of type `Warning` (`corev1.EventTypeWarning`, what `kubectl get events --field-selector type=Warning` lists). */
function noWarnings(e: NoWarningsExpectation, o: SimulationOutcome): Verdict {
  const warnings = o.report.events.filter((x) => x.type === 'Warning' && !e.except.includes(x.reason));
  const passed = warnings.length === 0;
  const reasons = [...new Set(warnings.map((w) => w.reason))];
  return {
    check: 'noWarnings', passed,
    expected: `no Warning events${e.except.length ? ` except ${e.except.join(', ')}` : ''}`,
    actual: passed ? 'none' : `${warnings.length} Warning event${warnings.length === 1 ? '' : 's'} (${reasons.join(', ')})`,
    message: passed ? 'no Warning events' : `${warnings.length} Warning event${warnings.length === 1 ? '' : 's'}: ${reasons.join(', ')}`,
    details: capped(warnings.map(eventLine)),
  };
}

function podsReady(e: PodsReadyExpectation, o: SimulationOutcome): Verdict {
  const owner = `${e.ownerKind}/${e.ownerName}`;
  const byMs = e.byMs ?? o.scenario.untilMs;
  const sims = o.simulation.state.history('Pod');
  const idx = podsOwnedBy(o, e.ownerKind, e.ownerName, e.namespace);
  const { max, reachedAtMs } = concurrency(idx.flatMap((i) => readyIntervals(sims[i])), e.count, byMs);
  const passed = reachedAtMs !== null && reachedAtMs <= byMs;
  const by = e.byMs === undefined ? `by the end, ${when(o, byMs)}` : `at or before ${when(o, byMs)}`;
  const actual = idx.length === 0 ? `no pods owned by ${owner}`
    : passed ? `${e.count} Ready at ${when(o, reachedAtMs)}`
      : `at most ${max} Ready at once by then${reachedAtMs !== null ? `; ${e.count} first at ${when(o, reachedAtMs)}` : ''}`;
  const details = capped(idx.map((i) => {
    const p = o.report.pods[i];
    return `${p.name}  ${p.phase}${p.ready ? ', Ready' : ''}  node ${p.node ?? '<none>'}  created ${p.created}  readyAt ${p.readyAt ?? '-'}${p.deleted ? `  deleted ${p.deleted}` : ''}`;
  }));
  return {
    check: 'podsReady', passed,
    expected: `${e.count} pod${e.count === 1 ? '' : 's'} of ${owner} Ready at once, ${by}`,
    actual,
    message: `${owner}: ${passed ? `${e.count} Ready at ${when(o, reachedAtMs!)}` : `${idx.length === 0 ? 'no pods' : `${max} of ${e.count} Ready`} ${e.byMs === undefined ? 'by the end' : `by ${formatDurationMs(byMs)}`}`}`,
    details: idx.length === 0 ? capped(o.report.pods.map((p) => `${p.name}  owner ${p.owner ? `${p.owner.kind}/${p.owner.name}` : '<none>'}`)) : details,
  };
}

/**
 * A Job's terminal condition is the report's `condition`: the `Complete` or `Failed` condition
 * with status True, as `getFinishedStatus` (pkg/controller/cronjob/utils.go) and `IsJobFinished`
 * read it; its time is `completionTime`, or the Failed condition's lastTransitionTime. Any
 * instance with the name counts (a Job deleted and created again appears twice).
 */
function job(e: JobExpectation, o: SimulationOutcome): Verdict {
  const withinMs = e.withinMs ?? o.scenario.untilMs;
  const sims = o.simulation.state.history('Job');
  const jobs = o.report.jobs.filter((j, i) => j.name === e.name && (e.namespace === undefined || sims[i]?.namespace === e.namespace));
  const hit = jobs.find((j) => j.condition === e.condition && (e.reason === undefined || j.reason === e.reason) && j.finished !== null && msOf(o, j.finished) <= withinMs);
  const passed = hit !== undefined;
  const want = `${e.condition}${e.reason ? ` (${e.reason})` : ''}`;
  const state = (j: typeof jobs[number]): string => (j.condition === null ? 'still active (no Complete or Failed condition)' : `${j.condition}${j.reason ? ` (${j.reason})` : ''} at ${when(o, msOf(o, j.finished!))}`);
  const actual = hit ? state(hit) : jobs.length === 0 ? `no Job named ${e.name}` : jobs.map(state).join('; ');
  return {
    check: 'job', passed,
    expected: `Job ${e.name} ${want} ${e.withinMs === undefined ? `by the end, ${when(o, withinMs)}` : `at or before ${when(o, withinMs)}`}`,
    actual,
    message: `Job ${e.name}: ${passed ? state(hit) : `expected ${want}${e.withinMs === undefined ? '' : ` within ${formatDurationMs(withinMs)}`}, ${actual}`}`,
    details: capped((jobs.length ? jobs : o.report.jobs).map((j) => `${j.name}  created ${j.created}  ${j.condition ?? 'active'}${j.reason ? ` ${j.reason}` : ''}  finished ${j.finished ?? '-'}  succeeded ${j.succeeded} failed ${j.failed}`)),
  };
}

/**
 * The Jobs whose controller owner is the CronJob, by distinct name: the name carries the
 * scheduled time (see `scheduledMsOf`), so a run that started late (Forbid, missed schedules)
 * counts for the time it was scheduled, and `[from, to)` windows never count one run twice.
 */
function cronJob(e: CronJobExpectation, o: SimulationOutcome): Verdict {
  const sims = o.simulation.state.history('Job');
  const created = o.report.jobs.filter((j, i) => j.owner?.kind === 'CronJob' && j.owner.name === e.name && (e.namespace === undefined || sims[i]?.namespace === e.namespace));
  const names = [...new Set(created.map((j) => j.name))];
  const inWindow = names.filter((n) => {
    const at = scheduledMsOf(o, e.name, n);
    return at !== undefined && at >= e.fromMs && (e.toMs === undefined || at < e.toMs);
  });
  const n = inWindow.length;
  const passed = n >= e.min && (e.max === undefined || n <= e.max);
  const window = `scheduled in [${when(o, e.fromMs)}, ${e.toMs === undefined ? 'the end' : when(o, e.toMs)})`;
  return {
    check: 'cronJob', passed,
    expected: `${bounds(e.min, e.max)} Job${e.max === 1 ? '' : 's'} of CronJob ${e.name} ${window}`,
    actual: `${n} run${n === 1 ? '' : 's'}${names.length !== n ? ` (${names.length} in the whole run)` : ''}`,
    message: `CronJob ${e.name}: ${n} run${n === 1 ? '' : 's'} ${passed ? '' : `(expected ${bounds(e.min, e.max)}) `}${window}`,
    details: capped(names.map((name) => {
      const at = scheduledMsOf(o, e.name, name);
      const j = created.find((x) => x.name === name)!;
      return `${name}  scheduled ${at === undefined ? '?' : when(o, at)}  ${inWindow.includes(name) ? 'in window' : 'outside'}  ${j.condition ?? 'active'}`;
    })),
  };
}

function event(e: EventExpectation, o: SimulationOutcome): Verdict {
  const matching = o.report.events.filter((x) => x.reason === e.reason && (e.objectKind === undefined || x.object.kind === e.objectKind)
    && (e.objectName === undefined || x.object.name === e.objectName) && (e.namespace === undefined || x.object.namespace === e.namespace)
    && (e.type === undefined || x.type === e.type));
  const n = matching.length;
  const passed = n >= e.min && (e.max === undefined || n <= e.max);
  const what = (plural: boolean): string => `${e.type ? `${e.type} ` : ''}${e.reason} event${plural ? 's' : ''}${e.objectKind ? ` on ${e.objectKind}/${e.objectName}` : ''}`;
  const expected = e.max === 0 ? `no ${what(false)}` : `${bounds(e.min, e.max)} ${what(!(e.min === 1 && e.max === undefined) && !(e.min === 1 && e.max === 1))}`;
  return {
    check: 'event', passed, expected,
    actual: `${n} such event${n === 1 ? '' : 's'}`,
    message: `${n} ${what(n !== 1)}${passed ? '' : ` (expected ${e.max === 0 ? 'none' : bounds(e.min, e.max)})`}`,
    details: capped(matching.map(eventLine)),
  };
}
