/**
 * Validation of the post-1.27 Job fields (lib/apiserver/validation/job-versioned.ts), ported from
 * pkg/apis/batch/validation/validation.go `validateJobSpec` and its helpers: one "fails when" row
 * per rule, and the valid shapes that must pass.
 */
import { indexesFormatError, validateVersionedJobSpec, versionedJobSpecUpdateErrors } from '../../lib/apiserver/validation/job-versioned';
import { semanticIssues } from '../../lib/apiserver/validation';

function errorsOf(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  validateVersionedJobSpec(spec, 'spec', (_code, _path, message) => out.push(message));
  return out;
}

const indexed = { completionMode: 'Indexed', completions: 5, parallelism: 2 };
const neverTemplate = { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } };

describe('valid post-1.27 Job specs pass', () => {
  test.each<[string, Record<string, unknown>]>([
    ['backoffLimitPerIndex and maxFailedIndexes on an Indexed Job', { ...indexed, backoffLimitPerIndex: 1, maxFailedIndexes: 5 }],
    ['FailIndex with backoffLimitPerIndex', { ...indexed, backoffLimitPerIndex: 1, podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] } }],
    ['podReplacementPolicy Failed with a podFailurePolicy', { podReplacementPolicy: 'Failed', podFailurePolicy: { rules: [] } }],
    ['podReplacementPolicy TerminatingOrFailed without one', { podReplacementPolicy: 'TerminatingOrFailed' }],
    ['successPolicy with indexes and a count', { ...indexed, successPolicy: { rules: [{ succeededIndexes: '0-2,4', succeededCount: 3 }, { succeededCount: 5 }] } }],
    ['managedBy the built-in controller', { managedBy: 'kubernetes.io/job-controller' }],
    ['managedBy another one', { managedBy: 'kueue.x-k8s.io/multikueue' }],
    ['none of the fields', { completions: 3 }],
  ])('%s', (_n, spec) => {
    expect(errorsOf(spec)).toEqual([]);
  });
});

describe('fails when', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['backoffLimitPerIndex is negative', { ...indexed, backoffLimitPerIndex: -1 }, 'spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0'],
    ['maxFailedIndexes is negative', { ...indexed, backoffLimitPerIndex: 1, maxFailedIndexes: -1 }, 'spec.maxFailedIndexes: Invalid value: -1: must be greater than or equal to 0'],
    ['maxFailedIndexes without backoffLimitPerIndex', { ...indexed, maxFailedIndexes: 1 }, 'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified'],
    ['maxFailedIndexes exceeds completions', { ...indexed, backoffLimitPerIndex: 1, maxFailedIndexes: 6 }, 'spec.maxFailedIndexes: Invalid value: 6: must be less than or equal to completions'],
    ['maxFailedIndexes exceeds 100000', { completionMode: 'Indexed', completions: 200000, parallelism: 1, backoffLimitPerIndex: 1, maxFailedIndexes: 100001 }, 'spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000'],
    ['completions above 100000 with backoffLimitPerIndex and no maxFailedIndexes', { completionMode: 'Indexed', completions: 100001, parallelism: 1, backoffLimitPerIndex: 1 }, 'spec.maxFailedIndexes: Required value: must be specified when completions is above 100000'],
    ['completions above 100000 with backoffLimitPerIndex and parallelism above 10000', { completionMode: 'Indexed', completions: 100001, parallelism: 10001, backoffLimitPerIndex: 1, maxFailedIndexes: 1 }, 'spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index'],
    ['completions above 100000 with backoffLimitPerIndex and maxFailedIndexes above 10000', { completionMode: 'Indexed', completions: 100001, parallelism: 1, backoffLimitPerIndex: 1, maxFailedIndexes: 10001 }, 'spec.maxFailedIndexes: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index'],
    ['backoffLimitPerIndex on a NonIndexed Job', { completions: 5, backoffLimitPerIndex: 1 }, 'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'],
    ['maxFailedIndexes on a NonIndexed Job', { completions: 5, backoffLimitPerIndex: 1, maxFailedIndexes: 1 }, 'spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode'],
    ['a FailIndex rule without backoffLimitPerIndex', { ...indexed, podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] } }, 'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set'],
    ['podReplacementPolicy TerminatingOrFailed with a podFailurePolicy', { podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [] } }, 'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'],
    ['podReplacementPolicy is not a known value', { podReplacementPolicy: 'Never' }, 'spec.podReplacementPolicy: Unsupported value: "Never": supported values: "Failed", "TerminatingOrFailed"'],
    ['successPolicy on a NonIndexed Job', { completions: 5, successPolicy: { rules: [{ succeededCount: 1 }] } }, 'spec.successPolicy: Invalid value: {"rules":[{"succeededCount":1}]}: requires indexed completion mode'],
    ['successPolicy has no rules', { ...indexed, successPolicy: { rules: [] } }, 'spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified'],
    ['successPolicy has more than 20 rules', { ...indexed, successPolicy: { rules: new Array(21).fill({ succeededCount: 1 }) } }, 'spec.successPolicy.rules: Too many: 21: must have at most 20 items'],
    ['a successPolicy rule sets neither field', { ...indexed, successPolicy: { rules: [{}] } }, 'spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified'],
    ['succeededIndexes is out of order', { ...indexed, successPolicy: { rules: [{ succeededIndexes: '3,1' }] } }, 'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "3,1": error parsing succeededIndexes: non-increasing order, previous: 3, current: 1'],
    ['succeededIndexes names an index ≥ completions', { ...indexed, successPolicy: { rules: [{ succeededIndexes: '0-5' }] } }, 'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-5": error parsing succeededIndexes: too large index: "5"'],
    ['succeededIndexes is not a number', { ...indexed, successPolicy: { rules: [{ succeededIndexes: 'a' }] } }, 'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "a": error parsing succeededIndexes: cannot convert string to integer for index: "a"'],
    ['succeededCount is negative', { ...indexed, successPolicy: { rules: [{ succeededCount: -1 }] } }, 'spec.successPolicy.rules[0].succeededCount: Invalid value: -1: must be greater than or equal to 0'],
    ['succeededCount exceeds completions', { ...indexed, successPolicy: { rules: [{ succeededCount: 6 }] } }, 'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)'],
    ['succeededCount exceeds its succeededIndexes', { ...indexed, successPolicy: { rules: [{ succeededIndexes: '0-1', succeededCount: 3 }] } }, 'spec.successPolicy.rules[0].succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)'],
    ['managedBy is empty', { managedBy: '' }, 'spec.managedBy: Required value'],
    ['managedBy has no path', { managedBy: 'example.com' }, 'spec.managedBy: Invalid value: "example.com": must be a domain-prefixed path (such as "acme.io/foo")'],
    ['managedBy has an invalid domain', { managedBy: 'Example_Com/x' }, 'spec.managedBy: Invalid value: "Example_Com":'],
    ['managedBy has an invalid path', { managedBy: 'example.com/a b' }, `spec.managedBy: Invalid value: "a b": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')`],
    ['managedBy is longer than 63 bytes', { managedBy: `example.com/${'x'.repeat(60)}` }, 'spec.managedBy: Too long: may not be more than 63 bytes'],
  ])('%s', (_n, spec, want) => {
    const errors = errorsOf(spec);
    expect(errors.some((e) => e.startsWith(want))).toBe(true);
    for (const e of errors) expect(e).toMatch(/^spec\./); // every message names its field
  });
});

describe('validateIndexesFormat', () => {
  test.each<[string, number, number]>([['', 0, 5], ['0', 1, 5], ['0-2,4', 4, 5], ['1,3-4', 3, 5]])('%j has %d indexes', (text, total, completions) => {
    expect(indexesFormatError(text, completions)).toEqual({ total });
  });
  test.each<[string, string]>([
    ['1-2-3', `the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'`],
    ['2-2', 'non-increasing order, previous: 2, current: 2'],
    ['0-2,2', 'non-increasing order, previous: 2, current: 2'],
  ])('fails when %j', (text, error) => {
    expect(indexesFormatError(text, 5).error).toBe(error);
  });
});

describe('updates (ValidateJobSpecUpdate)', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    ['fails when managedBy changes', { managedBy: 'a.io/x' }, { managedBy: 'b.io/x' }, ['spec.managedBy: Invalid value: "b.io/x": field is immutable']],
    ['fails when managedBy is added', {}, { managedBy: 'b.io/x' }, ['spec.managedBy: Invalid value: "b.io/x": field is immutable']],
    ['fails when backoffLimitPerIndex changes', { backoffLimitPerIndex: 1 }, { backoffLimitPerIndex: 2 }, ['spec.backoffLimitPerIndex: Invalid value: 2: field is immutable']],
    ['fails when successPolicy changes', { successPolicy: { rules: [{ succeededCount: 1 }] } }, { successPolicy: { rules: [{ succeededCount: 2 }] } }, ['spec.successPolicy: Invalid value: {"rules":[{"succeededCount":2}]}: field is immutable']],
    ['maxFailedIndexes may change', { backoffLimitPerIndex: 1, maxFailedIndexes: 1 }, { backoffLimitPerIndex: 1, maxFailedIndexes: 2 }, []],
    ['podReplacementPolicy is not checked here', { podReplacementPolicy: 'Failed' }, { podReplacementPolicy: 'TerminatingOrFailed' }, []],
  ])('%s', (_n, before, after, want) => {
    expect(versionedJobSpecUpdateErrors(before, after)).toEqual(want);
  });
});

describe('hooked into semanticIssues (lib/apiserver/validation.ts job())', () => {
  test('a Job and a CronJob job template report the rule at their own path', () => {
    const job = semanticIssues({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { ...neverTemplate, completions: 2, backoffLimitPerIndex: 1 } } as never);
    expect(job.issues.map((i) => i.path)).toContain('spec.backoffLimitPerIndex');
    const cron = semanticIssues({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { ...neverTemplate, podReplacementPolicy: 'Sometimes' } } },
    } as never);
    expect(cron.issues.map((i) => i.message)).toContain(
      'spec.jobTemplate.spec.podReplacementPolicy: Unsupported value: "Sometimes": supported values: "Failed", "TerminatingOrFailed"',
    );
  });

  test('a 1.27 Job without the fields gets no new issue', () => {
    const r = semanticIssues({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { ...neverTemplate, completions: 2, completionMode: 'Indexed' } } as never);
    expect(r.issues).toEqual([]);
  });
});
