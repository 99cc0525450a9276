import type { PodSpec, Toleration } from '../../../lib/simulator/cluster/api-shapes';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import {
  addOrUpdateToleration, allowsSurge, compareDaemonPods, daemonPodSpec, daemonPodTolerations, FailedPodBackoff, isPodAvailable,
  isPodUpdated, nodeShouldRunDaemonPod, replaceNodeNameAffinity, rollingBudget, scaledValue, targetNodeName,
  templateGenerationOf,
} from '../../../lib/simulator/controllers/daemon-set-utils';
import { podTemplate } from '../../helpers/builders';

const node = (name: string, o: { labels?: Record<string, string>; taints?: Array<{ key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }> } = {}) => ({
  name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) }, taints: o.taints ?? [],
});

describe('daemon pod tolerations (§3.2 AddOrUpdateDaemonPodTolerations)', () => {
  test('every daemon pod tolerates not-ready/unreachable NoExecute and the pressure and unschedulable NoSchedule taints', () => {
    expect(daemonPodTolerations({})).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  test('network-unavailable is added only with hostNetwork', () => {
    const key = 'node.kubernetes.io/network-unavailable';
    expect(daemonPodTolerations({}).some((t) => t.key === key)).toBe(false);
    expect(daemonPodTolerations({ hostNetwork: false }).some((t) => t.key === key)).toBe(false);
    expect(daemonPodTolerations({ hostNetwork: true }).filter((t) => t.key === key)).toEqual([{ key, operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('the template tolerations come first; an identical one is not duplicated, a matching one with tolerationSeconds is replaced', () => {
    const own = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' as const };
    const withSeconds: Toleration = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
    const out = daemonPodTolerations({ tolerations: [own, withSeconds, { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(out[0]).toEqual(own);
    expect(out[1]).toEqual({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
    expect(out.filter((t) => t.key === 'node.kubernetes.io/unschedulable')).toHaveLength(1);
    expect(out).toHaveLength(7);
  });

  test('a toleration differing in operator is appended, not replaced (MatchToleration compares key, operator, value, effect)', () => {
    const equalOp = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' as const };
    expect(addOrUpdateToleration([equalOp], { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' })).toHaveLength(2);
  });
});

describe('NodeShouldRunDaemonPod (§3.1)', () => {
  const master = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' as const };
  const cases: Record<string, { template: Parameters<typeof podTemplate>[1]; node: ReturnType<typeof node>; shouldRun: boolean; shouldContinueRunning: boolean }> = {
    'plain node': { template: {}, node: node('worker1'), shouldRun: true, shouldContinueRunning: true },
    'master taint, not tolerated: no new pod, existing stays': { template: {}, node: node('manager', { taints: [master] }), shouldRun: false, shouldContinueRunning: true },
    'master taint tolerated (seed 001)': { template: { tolerations: [master] }, node: node('manager', { taints: [master] }), shouldRun: true, shouldContinueRunning: true },
    'NoExecute taint, not tolerated: existing pod goes': { template: {}, node: node('w', { taints: [{ key: 'maintenance', value: 'x', effect: 'NoExecute' }] }), shouldRun: false, shouldContinueRunning: false },
    'PreferNoSchedule is ignored': { template: {}, node: node('w', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }), shouldRun: true, shouldContinueRunning: true },
    'cordoned (unschedulable taint) still runs a daemon pod': { template: {}, node: node('w', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), shouldRun: true, shouldContinueRunning: true },
    'not-ready NoExecute tolerated by the added toleration': { template: {}, node: node('w', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }), shouldRun: true, shouldContinueRunning: true },
    'not-ready NoSchedule is not tolerated: no new pod': { template: {}, node: node('w', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }), shouldRun: false, shouldContinueRunning: true },
    'network-unavailable without hostNetwork: no new pod': { template: {}, node: node('w', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), shouldRun: false, shouldContinueRunning: true },
    'network-unavailable with hostNetwork': { template: { spec: { hostNetwork: true } }, node: node('w', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), shouldRun: true, shouldContinueRunning: true },
    'nodeSelector matches': { template: { nodeSelector: { role: 'gpu-node' } }, node: node('g', { labels: { role: 'gpu-node' } }), shouldRun: true, shouldContinueRunning: true },
    'nodeSelector does not match': { template: { nodeSelector: { role: 'gpu-node' } }, node: node('w'), shouldRun: false, shouldContinueRunning: false },
    'required affinity, terms ORed': {
      template: { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
        { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }, { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] },
      ] } } } } },
      node: node('g', { labels: { gpu: 'a100' } }), shouldRun: true, shouldContinueRunning: true,
    },
    'required affinity not matching': {
      template: { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } } } },
      node: node('w', { labels: { disk: 'hdd' } }), shouldRun: false, shouldContinueRunning: false,
    },
    'template nodeName names another node': { template: { spec: { nodeName: 'worker2' } }, node: node('worker1'), shouldRun: false, shouldContinueRunning: false },
  };
  test.each(Object.entries(cases))('%s', (_name, c) => {
    expect(nodeShouldRunDaemonPod(daemonPodSpec(podTemplate('ds', c.template)), c.node)).toEqual({ shouldRun: c.shouldRun, shouldContinueRunning: c.shouldContinueRunning });
  });
});

describe('node binding (§3.3)', () => {
  test('the required node affinity is replaced by matchFields metadata.name; preferred terms and pod affinity stay', () => {
    const affinity: NonNullable<PodSpec['affinity']> = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'role', operator: 'In', values: ['gpu-node'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } }],
      },
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] },
    };
    expect(replaceNodeNameAffinity(affinity, 'gpu1')).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gpu1'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: affinity.nodeAffinity!.preferredDuringSchedulingIgnoredDuringExecution,
      },
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] },
    });
    expect(replaceNodeNameAffinity(undefined, 'w1')).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1'] }] }] } },
    });
  });

  test('GetTargetNodeName: the bound node, else the matchFields value; none for several values', () => {
    const spec = { containers: [], affinity: replaceNodeNameAffinity(undefined, 'w2') };
    expect(targetNodeName({ nodeName: null, spec })).toBe('w2');
    expect(targetNodeName({ nodeName: 'w2', spec })).toBe('w2');
    expect(targetNodeName({ nodeName: null, spec: { containers: [], nodeName: 'w3' } })).toBe('w3');
    expect(targetNodeName({ nodeName: null, spec: { containers: [] } })).toBeUndefined();
    const two: PodSpec = { containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }] } } } };
    expect(targetNodeName({ nodeName: null, spec: two })).toBeUndefined();
  });
});

describe('revision hash and updated pods (§3.2, §3.6)', () => {
  test('a pod is updated when its hash or its pod-template-generation matches', () => {
    expect(isPodUpdated({ labels: { 'controller-revision-hash': 'abc' } }, 'abc', 2)).toBe(true);
    expect(isPodUpdated({ labels: { 'controller-revision-hash': 'old', 'pod-template-generation': '2' } }, 'abc', 2)).toBe(true);
    expect(isPodUpdated({ labels: { 'controller-revision-hash': 'old', 'pod-template-generation': '1' } }, 'abc', 2)).toBe(false);
    expect(isPodUpdated({ labels: {} }, '', undefined)).toBe(false);
  });

  test('the template generation is read from the deprecated annotation', () => {
    expect(templateGenerationOf({ annotations: {} })).toBeUndefined();
    expect(templateGenerationOf({ annotations: { 'deprecated.daemonset.template.generation': '7' } })).toBe(7);
    expect(templateGenerationOf({ annotations: { 'deprecated.daemonset.template.generation': 'x' } })).toBeUndefined();
  });
});

describe('availability and pod order', () => {
  test('available = Ready for at least minReadySeconds', () => {
    expect(isPodAvailable({ ready: false, readySinceMs: null }, 0, 10)).toBe(false);
    expect(isPodAvailable({ ready: true, readySinceMs: 5 }, 0, 5)).toBe(true);
    expect(isPodAvailable({ ready: true, readySinceMs: 5_000 }, 10_000, 14_999)).toBe(false);
    expect(isPodAvailable({ ready: true, readySinceMs: 5_000 }, 10_000, 15_000)).toBe(true);
  });

  test('podByCreationTimestampAndPhase: scheduled first, then oldest, then name', () => {
    const p = (name: string, createdMs: number, nodeName: string | null) => ({ name, createdMs, nodeName }) as SimPod;
    const sorted = [p('c', 1, null), p('b', 2, 'w'), p('a', 2, 'w'), p('d', 1, 'w')].sort(compareDaemonPods).map((x) => x.name);
    expect(sorted).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('rolling update budget (§3.6)', () => {
  const ds = (rollingUpdate: Record<string, unknown> | undefined, type: 'RollingUpdate' | 'OnDelete' = 'RollingUpdate') => ({
    spec: { updateStrategy: { type, ...(rollingUpdate ? { rollingUpdate } : {}) } },
  }) as never;
  test.each([
    ['maxUnavailable 1 (default)', { maxUnavailable: 1, maxSurge: 0 }, 4, { maxSurge: 0, maxUnavailable: 1 }],
    ['maxUnavailable 2 (seed 004)', { maxUnavailable: 2, maxSurge: 0 }, 4, { maxSurge: 0, maxUnavailable: 2 }],
    ['maxUnavailable 30% of 4 rounds up to 2', { maxUnavailable: '30%', maxSurge: 0 }, 4, { maxSurge: 0, maxUnavailable: 2 }],
    ['maxUnavailable 1% of 5000 is 50', { maxUnavailable: '1%', maxSurge: 0 }, 5000, { maxSurge: 0, maxUnavailable: 50 }],
    ['maxSurge 10% of 3 rounds up to 1', { maxUnavailable: 0, maxSurge: '10%' }, 3, { maxSurge: 1, maxUnavailable: 0 }],
    ['both 0 → maxUnavailable 1', { maxUnavailable: 0, maxSurge: 0 }, 3, { maxSurge: 0, maxUnavailable: 1 }],
    ['both 0% → maxUnavailable 1', { maxUnavailable: '0%', maxSurge: '0%' }, 3, { maxSurge: 0, maxUnavailable: 1 }],
    ['nothing desired keeps 0', { maxUnavailable: '10%', maxSurge: 0 }, 0, { maxSurge: 0, maxUnavailable: 0 }],
  ])('%s', (_name, ru, desired, budget) => {
    expect(rollingBudget(ds(ru), desired)).toEqual(budget);
  });

  test('OnDelete has no budget and no surge', () => {
    expect(rollingBudget(ds(undefined, 'OnDelete'), 4)).toEqual({ maxSurge: 0, maxUnavailable: 0 });
    expect(allowsSurge(ds(undefined, 'OnDelete'))).toBe(false);
  });

  test('AllowsSurge scales maxSurge against 1', () => {
    expect(allowsSurge(ds({ maxSurge: '1%', maxUnavailable: 0 }))).toBe(true);
    expect(allowsSurge(ds({ maxSurge: 0, maxUnavailable: 1 }))).toBe(false);
  });

  test('fails when a value is not an integer or a percentage', () => {
    expect(scaledValue('2', 4, true)).toBeUndefined();
    expect(scaledValue('x%', 4, true)).toBeUndefined();
    expect(rollingBudget(ds({ maxUnavailable: 'two', maxSurge: 0 }), 4)).toBeUndefined();
  });
});

describe('failed-pod back-off (§3.4: 1 s doubling to 15 min)', () => {
  test('delays double from 1 s, cap at 15 min, and restart after 30 min without failures', () => {
    const b = new FailedPodBackoff();
    const key = 'uid/1/worker1';
    expect(b.inBackoffSinceUpdate(key, 0)).toBe(false);
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 12; i++) {
      expect(b.delayAfterNext(key, t)).toBe(Math.min(1000 * 2 ** i, 900_000));
      b.next(key, t);
      delays.push(b.delayMs(key));
      expect(b.inBackoffSinceUpdate(key, t + b.delayMs(key) - 1)).toBe(true);
      t += b.delayMs(key);
      expect(b.inBackoffSinceUpdate(key, t)).toBe(false);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900].map((s) => s * 1000));
    // Stable for more than twice the maximum: the entry expires and starts over at 1 s.
    b.next(key, t + 2 * 900_000 + 1);
    expect(b.delayMs(key)).toBe(1000);
  });
});
