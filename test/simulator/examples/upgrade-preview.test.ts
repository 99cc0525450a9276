/**
 * examples/upgrade-preview: the Indexed BatchJob whose podFailurePolicy fails it when shard 0
 * exits 42. Construct → synth → compareVersions 1.27 → 1.36: the Job is Failed 31 s later on 1.36
 * (1.31's delayTerminalCondition, kubernetes#125510: FailureTarget first, Failed once the deleted
 * shards 1–2 are gone after their 30 s grace), and nothing else about the pods changes.
 */
import { compareVersions } from '../../../lib';
import { exampleScenario, synthExample } from '../../helpers/examples';

const preview = compareVersions(synthExample('upgrade-preview'), exampleScenario('upgrade-preview'), { from: '1.27', to: '1.36' });

test('upgrade-preview: the Job finishes at +6 s on 1.27 and at +37 s on 1.36, Failed by PodFailurePolicy on both', () => {
  const jobs = preview.differences.filter((d) => d.section === 'job');
  expect(jobs.map((d) => ({ subject: d.subject, fields: d.fields }))).toEqual([
    { subject: 'Job shard', fields: [{ field: 'finished', from: '2024-01-01T00:00:06Z', to: '2024-01-01T00:00:37Z' }] },
  ]);
  for (const r of [preview.fromResult, preview.toResult]) {
    expect(r.report.jobs).toEqual([expect.objectContaining({ name: 'shard', condition: 'Failed', reason: 'PodFailurePolicy', failed: 3 })]);
  }
});

test('upgrade-preview: the pods behave the same under both versions (same timelines)', () => {
  expect(preview.differences.filter((d) => d.section === 'pod')).toEqual([]);
  expect(preview.fromResult.report.pods.map((p) => p.finished)).toEqual(preview.toResult.report.pods.map((p) => p.finished));
});
