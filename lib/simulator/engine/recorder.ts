/**
 * `record.EventRecorder` for the simulation: components record Kubernetes-style events through
 * this interface (tests can pass a fake); the cluster-backed one appends to the {@link Trace}.
 */
import type { EventObjectRef, EventRelatedRef, EventType, Trace } from './trace';

/** Records events about objects. */
export interface EventRecorder {
  /**
   * Records one event.
   *
   * @param object the involved object (kind, namespace, name)
   * @param type `Normal` or `Warning`
   * @param reason CamelCase reason, as the real component spells it
   * @param message the message, as the real component words it
   * @param related a second object the event mentions
   */
  event(object: EventObjectRef, type: EventType, reason: string, message: string, related?: EventRelatedRef): void;
}

/** Past this many names a ref cache starts again (a bound on what it holds, not a correctness limit). */
const REF_CACHE_SIZE = 256;

/**
 * Copies of recent event refs by object name, shared by every recorder: several components record
 * events about one object (the scheduler and the kubelet about a pod; the Job controller names a
 * pod it created, the CronJob controller a Job it created, saw finish and deleted), so an equal ref
 * is one object in the trace rather than one per component. Refs are read-only data.
 */
const OBJECT_REFS = new Map<string, EventObjectRef>();
const RELATED_REFS = new Map<string, EventRelatedRef>();

function sharedObjectRef(object: EventObjectRef): EventObjectRef {
  let ref = OBJECT_REFS.get(object.name);
  if (ref === undefined || ref.kind !== object.kind || ref.namespace !== object.namespace) {
    if (OBJECT_REFS.size >= REF_CACHE_SIZE) OBJECT_REFS.clear();
    ref = { kind: object.kind, namespace: object.namespace, name: object.name };
    OBJECT_REFS.set(object.name, ref);
  }
  return ref;
}

function sharedRelatedRef(related: EventRelatedRef): EventRelatedRef {
  let ref = RELATED_REFS.get(related.name);
  if (ref === undefined || ref.kind !== related.kind) {
    if (RELATED_REFS.size >= REF_CACHE_SIZE) RELATED_REFS.clear();
    ref = { kind: related.kind, name: related.name };
    RELATED_REFS.set(related.name, ref);
  }
  return ref;
}

/** An {@link EventRecorder} writing to a {@link Trace} with a fixed `source` component name. */
export class TraceRecorder implements EventRecorder {
  /**
   * @param trace where events go
   * @param source the component, e.g. `statefulset-controller`
   */
  public constructor(private readonly trace: Trace, public readonly source: string) {}

  /** @inheritdoc */
  public event(object: EventObjectRef, type: EventType, reason: string, message: string, related?: EventRelatedRef): void {
    const obj = sharedObjectRef(object);
    this.trace.record(related
      ? { type, object: obj, reason, message, related: sharedRelatedRef(related), source: this.source }
      : { type, object: obj, reason, message, source: this.source });
  }
}
