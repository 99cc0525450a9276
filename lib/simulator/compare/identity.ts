/**
 * How a record of one run's JSON report is recognised in the other run's: each record gets an
 * identity key, an instance number (the n-th record with that key, in report order) and the
 * workload it belongs to. Names the API server generated are replaced by `<prefix>*` plus their
 * place among the owner's pods, so two runs whose random suffixes differ still line up.
 */
import { NAME_SUFFIX_ALPHABET } from '../engine/rng';
import type { ReportClaim, ReportEvent, ReportJob, ReportObjectRef, ReportPod, SimulationReport } from '../report/json';
import type { DifferenceSection, ReportRecord } from './types';

/** A record with what matching and grouping need. */
export interface IdentifiedRecord<R extends ReportRecord = ReportRecord> {
  /** Which list. */
  readonly section: DifferenceSection;
  /** Identity within the list (instances share it). */
  readonly key: string;
  /** 1-based occurrence of {@link key}. */
  readonly instance: number;
  /** Human-readable identity (`Pod web-0`, `Pod pi-*`). */
  readonly subject: string;
  /** The workload it belongs to. */
  readonly workload: ReportObjectRef;
  /** The earliest time of the record (RFC 3339), for ordering. */
  readonly time: string;
  /** The record. */
  readonly record: R;
  /** The record's message with generated names and uids masked (events only), for comparing. */
  readonly canonicalMessage?: string;
}

/** `names.SimpleNameGenerator`'s 5 characters, the suffix `generateName` appends (engine/rng.ts). */
const GENERATED_SUFFIX = new RegExp(`^[${NAME_SUFFIX_ALPHABET}]{5}$`);
/** Store uids (`uid-000042`) depend on how many objects were created before: masked in messages. */
const STORE_UID = /\buid-\d+\b/g;
/** A DNS-1123 name inside a message. */
const NAME_TOKEN = /[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?/g;

/**
 * The `generateName` prefix of a pod whose name was generated from its controller's name
 * (`<job>-`, `<job>-<index>-`, `<daemonset>-`; StatefulSet pods have fixed names), else undefined.
 */
export function generatedPrefix(pod: Pick<ReportPod, 'name' | 'owner'>): string | undefined {
  if (!pod.owner || pod.owner.kind === 'StatefulSet' || pod.name.length <= 5) return undefined;
  const prefix = pod.name.slice(0, -5);
  if (!GENERATED_SUFFIX.test(pod.name.slice(-5))) return undefined;
  // The prefix is the owner's name (cut to fit 58 characters), then `-` or `-<index>-`.
  const owner = pod.owner.name.slice(0, Math.max(0, Math.min(pod.owner.name.length, prefix.length - 1)));
  return prefix.startsWith(owner) && /(^|-)$/.test(prefix) ? prefix : undefined;
}

/** Numbers the keys in order: the n-th occurrence of a key gets n. */
function numbered<T>(items: readonly T[], keyOf: (t: T) => string): Array<{ item: T; key: string; instance: number }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = keyOf(item);
    const instance = (seen.get(key) ?? 0) + 1;
    seen.set(key, instance);
    return { item, key, instance };
  });
}

/** The identified records of one report, and the canonical pod names events are compared with. */
export interface IdentifiedReport {
  /** Jobs, pods, claims and events, each in report order. */
  readonly records: readonly IdentifiedRecord[];
}

/**
 * Identifies every job, pod, claim and event of `report`.
 *
 * @param report one run's JSON report
 */
export function identifyRecords(report: SimulationReport): IdentifiedReport {
  const jobOwner = new Map<string, ReportJob['owner']>();
  for (const j of report.jobs) jobOwner.set(j.name, j.owner);
  const jobNamespace = new Map<string, string>();
  for (const p of report.pods) if (p.owner?.kind === 'Job' && !jobNamespace.has(p.owner.name)) jobNamespace.set(p.owner.name, p.namespace);
  for (const e of report.events) if (e.object.kind === 'Job' && !jobNamespace.has(e.object.name)) jobNamespace.set(e.object.name, e.object.namespace);
  const claimOwner = new Map<string, ReportObjectRef>();
  for (const e of report.events) {
    if (e.related?.kind === 'PersistentVolumeClaim' && !claimOwner.has(e.related.name)) claimOwner.set(e.related.name, e.object);
  }

  const jobWorkload = (name: string, owner: ReportJob['owner']): ReportObjectRef => {
    const namespace = jobNamespace.get(name) ?? '';
    return owner ? { kind: owner.kind, namespace, name: owner.name } : { kind: 'Job', namespace, name };
  };
  const podWorkload = (p: ReportPod): ReportObjectRef => {
    if (!p.owner) return { kind: 'Pod', namespace: p.namespace, name: p.name };
    if (p.owner.kind === 'Job') return { ...jobWorkload(p.owner.name, jobOwner.get(p.owner.name) ?? null), namespace: p.namespace };
    return { kind: p.owner.kind, namespace: p.namespace, name: p.owner.name };
  };

  // Pods: `ns/name`, or `ns/<prefix>*` among the owner's pods for generated names.
  const podKey = (p: ReportPod): string => {
    const prefix = generatedPrefix(p);
    return prefix === undefined ? `${p.namespace}/${p.name}` : `${p.namespace}/${p.owner!.kind}/${p.owner!.name}/${prefix}*`;
  };
  const pods = numbered(report.pods, podKey).map(({ item, key, instance }): IdentifiedRecord<ReportPod> => {
    const prefix = generatedPrefix(item);
    return { section: 'pod', key, instance, subject: `Pod ${prefix === undefined ? item.name : `${prefix}*`}`, workload: podWorkload(item), time: item.created, record: item };
  });
  // A generated name stands for `<prefix>*#n` in events, so event messages line up across runs.
  const canonicalPod = new Map<string, string>();
  for (const p of pods) if (p.key.endsWith('*')) canonicalPod.set(p.record.name, `${p.subject.slice(4)}#${p.instance}`);
  const podByName = new Map<string, IdentifiedRecord<ReportPod>>();
  for (const p of pods) podByName.set(`${p.record.namespace}/${p.record.name}`, p);
  const canon = (name: string): string => canonicalPod.get(name) ?? name;
  const canonMessage = (message: string): string => message.replace(STORE_UID, 'uid-*').replace(NAME_TOKEN, (t) => canon(t));

  const jobs = numbered(report.jobs, (j) => j.name).map(({ item, key, instance }): IdentifiedRecord<ReportJob> => ({
    section: 'job', key, instance, subject: `Job ${item.name}`, workload: jobWorkload(item.name, item.owner), time: item.created, record: item,
  }));
  const claims = numbered(report.persistentVolumeClaims, (c) => c.name).map(({ item, key, instance }): IdentifiedRecord<ReportClaim> => ({
    section: 'claim', key, instance, subject: `PersistentVolumeClaim ${item.name}`,
    workload: claimOwner.get(item.name) ?? { kind: 'PersistentVolumeClaim', namespace: '', name: item.name }, time: item.created, record: item,
  }));

  const eventWorkload = (e: ReportEvent): ReportObjectRef => {
    if (e.object.kind === 'Pod') return podByName.get(`${e.object.namespace}/${e.object.name}`)?.workload ?? e.object;
    if (e.object.kind === 'Job') return { ...jobWorkload(e.object.name, jobOwner.get(e.object.name) ?? null), namespace: e.object.namespace };
    return e.object;
  };
  const eventKey = (e: ReportEvent): string => {
    const related = e.related ? ` ${e.related.kind}/${canon(e.related.name)}` : '';
    return `${e.type} ${e.reason} ${e.object.kind}/${e.object.namespace}/${canon(e.object.name)}${related}`;
  };
  const events = numbered(report.events, eventKey).map(({ item, key, instance }): IdentifiedRecord<ReportEvent> => ({
    section: 'event', key, instance,
    subject: `Event ${item.type} ${item.reason} ${item.object.kind}/${canon(item.object.name)}${item.related ? ` (${item.related.kind} ${canon(item.related.name)})` : ''}`,
    workload: eventWorkload(item), time: item.time, record: item, canonicalMessage: canonMessage(item.message),
  }));
  return { records: [...jobs, ...pods, ...claims, ...events] };
}
