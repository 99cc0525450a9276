import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { Simulation } from '../../../lib/simulator/simulation';
import { newPod, newService } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

function identity(name: string, subdomain: string) {
  return newPod(name, { labels: { app: 'nginx' }, spec: { hostname: name, subdomain } });
}

test('headless service: per-pod records and the service name resolve to ready pods only', () => {
  const sim = new Simulation({ controllers: [] });
  sim.apply([newService('nginx', { app: 'nginx' }, { headless: true })]);
  const pods = sim.apply([identity('web-0', 'nginx'), identity('web-1', 'nginx')]) as SimPod[];
  sim.runUntil(seconds(3));
  expect(sim.dns.records()).toEqual({});
  sim.runUntil(seconds(10));
  const [ip0, ip1] = pods.map((p) => p.ip!);
  expect(sim.dns.lookup('web-1.nginx')).toEqual([ip1]);
  expect(sim.dns.lookup('nginx.default.svc.cluster.local.')).toEqual([ip0, ip1].sort());
  expect(sim.dns.lookup('web-0.nginx', seconds(3))).toEqual([]);
  sim.at(seconds(20), 'delete', (a) => a.deletePods('web-0'));
  sim.runUntil(seconds(20));
  expect(sim.dns.lookup('nginx')).toEqual([ip1]);
  expect(sim.dns.lookup('nginx', seconds(15))).toEqual([ip0, ip1].sort());
});

test('publishNotReadyAddresses publishes pods that are not ready; ClusterIP services answer their virtual IP', () => {
  const sim = new Simulation({ controllers: [] });
  sim.apply([newService('peers', { app: 'nginx' }, { headless: true, publishNotReadyAddresses: true }), newService('front', { app: 'nginx' })]);
  const [pod] = sim.apply([identity('web-0', 'peers')]) as SimPod[];
  sim.runUntil(seconds(2));
  expect(sim.dns.records()).toEqual({
    'front.default.svc.cluster.local': ['10.96.0.11'],
    'peers.default.svc.cluster.local': [pod.ip],
    'web-0.peers.default.svc.cluster.local': [pod.ip],
  });
});

test('no per-pod record when the subdomain names another service', () => {
  const sim = new Simulation({ controllers: [] });
  sim.apply([newService('nginx', { app: 'nginx' }, { headless: true })]);
  sim.apply([identity('web-0', 'other')]);
  sim.runUntil(seconds(10));
  expect(Object.keys(sim.dns.records())).toEqual(['nginx.default.svc.cluster.local']);
});

test('a hostNetwork pod\'s records point at its node\'s InternalIP', () => {
  const sim = new Simulation({ controllers: [] });
  sim.apply([newService('agents', { app: 'nginx' }, { headless: true })]);
  const [pod] = sim.apply([newPod('agent-0', { labels: { app: 'nginx' }, spec: { hostname: 'agent-0', subdomain: 'agents', hostNetwork: true } })]) as SimPod[];
  sim.runUntil(seconds(10));
  const node = sim.state.get('Node', '', pod.nodeName!)!;
  expect(sim.dns.lookup('agent-0.agents')).toEqual([node.internalIP]);
  expect(sim.dns.lookup('agents')).toEqual([node.internalIP]);
});
