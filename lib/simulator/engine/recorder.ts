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
   * @param trace where events go
   * @param source the component, e.g. `statefulset-controller`
   */
  public constructor(private readonly trace: Trace, public readonly source: string) {}

  /** @inheritdoc */
  public event(object: EventObjectRef, type: EventType, reason: string, message: string, related?: EventRelatedRef): void {
    const obj = { kind: object.kind, namespace: object.namespace, name: object.name };
    this.trace.record(related
      ? { type, object: obj, reason, message, related: { kind: related.kind, name: related.name }, source: this.source }
      : { type, object: obj, reason, message, source: this.source });
  }
}
