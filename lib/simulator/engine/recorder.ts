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

/** An {@link EventRecorder} writing to a {@link Trace} with a fixed `source` component name. */
export class TraceRecorder implements EventRecorder {
  /**
   * The copies of the last involved and related object refs. A component records several events
   * about one object in a row (a pod's Scheduled/Started, a CronJob's every event), so an equal ref
   * reuses the previous copy: the trace keeps one object per run of equal refs instead of one per
   * event. Event refs are read-only data (JSON in the report), so sharing them changes nothing.
   */
  private lastObject: EventObjectRef | undefined;
  private lastRelated: EventRelatedRef | undefined;

  /**
   * @param trace where events go
   * @param source the component, e.g. `statefulset-controller`
   */
  public constructor(private readonly trace: Trace, public readonly source: string) {}

  /** @inheritdoc */
  public event(object: EventObjectRef, type: EventType, reason: string, message: string, related?: EventRelatedRef): void {
    let obj = this.lastObject;
    if (obj === undefined || obj.kind !== object.kind || obj.namespace !== object.namespace || obj.name !== object.name) {
      obj = this.lastObject = { kind: object.kind, namespace: object.namespace, name: object.name };
    }
    if (!related) {
      this.trace.record({ type, object: obj, reason, message, source: this.source });
      return;
    }
    let rel = this.lastRelated;
    if (rel === undefined || rel.kind !== related.kind || rel.name !== related.name) {
      rel = this.lastRelated = { kind: related.kind, name: related.name };
    }
    this.trace.record({ type, object: obj, reason, message, related: rel, source: this.source });
  }
}
