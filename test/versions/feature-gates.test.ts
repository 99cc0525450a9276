import { DEFAULT_FEATURE_GATES, FEATURE_GATES, FeatureGateName, featureGatesFor, gateStageAt } from '../../lib/versions/feature-gates';
import { KubernetesVersion, SUPPORTED_MINORS } from '../../lib/versions/kubernetes-version';
import { FeatureGatesSyntaxError, parseFeatureGates } from '../../lib/versions/parse-feature-gates';
import { resolveFeatureGates } from '../../lib/versions/resolve';
import * as root from '../../lib';

const MINORS = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38];

/**
 * One column per minor 1.27 … 1.38: `-` the version has no such gate (off), `f` off, `t` on,
 * `L` GA (on, locked). Read from the `{Version, Default, PreRelease}` specs of
 * kubernetes/kubernetes pkg/features/kube_features.go (release-1.33 and master); MaxUnavailableStatefulSet
 * 1.35 is its newest patch, off again by kubernetes#137409.
 */
const EXPECTED: Record<FeatureGateName, string> = {
  JobPodReplacementPolicy: '-ftttttLLLLL', //              KEP-3939: alpha 1.28, beta 1.29, GA 1.34
  JobBackoffLimitPerIndex: '-fttttLLLLLL', //              KEP-3850: alpha 1.28, beta 1.29, GA 1.33
  JobSuccessPolicy: '---fttLLLLLL', //                     KEP-3998: alpha 1.30, beta 1.31, GA 1.33
  JobManagedBy: '---fftttLLLL', //                         KEP-4368: alpha 1.30, beta 1.32, GA 1.35
  JobPodFailurePolicy: 'ttttLLLLLLLL', //                  KEP-3329: beta 1.26, GA 1.31
  SidecarContainers: '-fttttLLLLLL', //                    KEP-753: alpha 1.28, beta 1.29, GA 1.33
  PodIndexLabel: '-ttttLLLLLLL', //                        KEP-4017: beta 1.28, GA 1.32
  CronJobsScheduledAnnotation: '-ttttLLLLLLL', //          KEP-4026: beta 1.28, GA 1.32
  StatefulSetAutoDeletePVC: 'tttttLLLLLLL', //             KEP-1847: beta 1.27, GA 1.32
  StatefulSetStartOrdinal: 'ttttLLLLLLLL', //              KEP-3335: beta 1.27, GA 1.31
  PodSchedulingReadiness: 'tttLLLLLLLLL', //               KEP-3521: beta 1.27, GA 1.30
  RelaxedEnvironmentVariableValidation: '---ffttLLLLL', // KEP-4369: alpha 1.30, beta 1.32, GA 1.34
  MaxUnavailableStatefulSet: 'fffffffffftt', //            KEP-961: alpha 1.24, 1.35 off from .4, on 1.37
};

const cells = (Object.keys(EXPECTED) as FeatureGateName[]).flatMap((gate) =>
  MINORS.map((minor, i) => ({ gate, minor, cell: EXPECTED[gate][i] })));

describe('FEATURE_GATES table', () => {
  test('every modelled gate has an expectation row and rows oldest first', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FEATURE_GATES).sort());
    for (const rows of Object.values(FEATURE_GATES)) {
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1].since, rows[i].since];
        expect(a.minor < b.minor || (a.minor === b.minor && (a.patch ?? 0) < (b.patch ?? 0))).toBe(true);
      }
      for (const r of rows) expect(r.source).toMatch(/KEP-\d+|kubernetes#\d+/);
    }
  });

  test.each(cells)('$gate at 1.$minor is $cell', ({ gate, minor, cell }) => {
    const v: KubernetesVersion = { minor };
    expect(featureGatesFor(v).enabled(gate)).toBe(cell === 't' || cell === 'L');
    expect(featureGatesFor(v).all()[gate]).toBe(cell === 't' || cell === 'L');
    const stage = gateStageAt(gate, v);
    expect(stage === undefined).toBe(cell === '-');
    expect(stage?.stage === 'GA').toBe(cell === 'L');
  });

  test('the default is 1.27', () => {
    expect(DEFAULT_FEATURE_GATES.all()).toEqual(featureGatesFor({ minor: 27 }).all());
    expect(resolveFeatureGates({}).all()).toEqual(featureGatesFor({ minor: 27 }).all());
  });
});

describe('patch releases (MaxUnavailableStatefulSet, kubernetes#137409)', () => {
  test.each([
    [{ minor: 34, patch: 9 }, false],
    [{ minor: 35, patch: 0 }, true], // beta, default on in 1.35.0
    [{ minor: 35, patch: 3 }, true],
    [{ minor: 35, patch: 4 }, false], // the cherry-pick turns it off
    [{ minor: 35, patch: 7 }, false],
    [{ minor: 35 }, false], // no patch: the newest 1.35 patch
    [{ minor: 36, patch: 0 }, false],
    [{ minor: 37, patch: 0 }, true],
  ])('at %o: %s', (version, on) => {
    expect(featureGatesFor(version).enabled('MaxUnavailableStatefulSet')).toBe(on);
    // A patch changes nothing else in 1.35.
    if (version.minor === 35) {
      const others = { ...featureGatesFor(version).all(), MaxUnavailableStatefulSet: undefined };
      expect(others).toEqual({ ...featureGatesFor({ minor: 35 }).all(), MaxUnavailableStatefulSet: undefined });
    }
  });

  test('a version with a patch resolves the same (parsed when 1.35 is a supported minor)', () => {
    expect(resolveFeatureGates({ kubernetesVersion: { minor: 35, patch: 2 } }).enabled('MaxUnavailableStatefulSet')).toBe(true);
    expect(resolveFeatureGates({ kubernetesVersion: { minor: 35, patch: 4 } }).enabled('MaxUnavailableStatefulSet')).toBe(false);
    if (SUPPORTED_MINORS.includes(35)) {
      expect(resolveFeatureGates({ kubernetesVersion: '1.35.2' }).enabled('MaxUnavailableStatefulSet')).toBe(true);
      expect(resolveFeatureGates({ kubernetesVersion: 'v1.35.4' }).enabled('MaxUnavailableStatefulSet')).toBe(false);
    }
    const newest = Math.max(...SUPPORTED_MINORS);
    expect(resolveFeatureGates({ kubernetesVersion: `v1.${newest}.3` }).all()).toEqual(featureGatesFor({ minor: newest, patch: 3 }).all());
  });
});

describe('overrides (--feature-gates)', () => {
  test.each<[KubernetesVersion, Record<string, boolean>, FeatureGateName, boolean]>([
    [{ minor: 28 }, { JobPodReplacementPolicy: true }, 'JobPodReplacementPolicy', true], // alpha, turned on
    [{ minor: 30 }, { JobBackoffLimitPerIndex: false }, 'JobBackoffLimitPerIndex', false], // beta, turned off
    [{ minor: 35, patch: 4 }, { MaxUnavailableStatefulSet: true }, 'MaxUnavailableStatefulSet', true],
    [{ minor: 33 }, { JobSuccessPolicy: true }, 'JobSuccessPolicy', true], // GA may be set to its locked value
  ])('at %o, %o sets %s to %s', (version, overrides, gate, on) => {
    const g = featureGatesFor(version, overrides);
    expect(g.enabled(gate)).toBe(on);
    // Only the named gate changes.
    expect({ ...g.all(), [gate]: undefined }).toEqual({ ...featureGatesFor(version).all(), [gate]: undefined });
  });

  test('fails when a gate is unknown', () => {
    expect(() => featureGatesFor({ minor: 30 }, { JobFoo: true })).toThrow(/unknown feature gate "JobFoo"; known: JobPodReplacementPolicy/);
  });

  test('fails when the version does not have the gate yet', () => {
    expect(() => featureGatesFor({ minor: 29 }, { JobManagedBy: true })).toThrow('feature gate JobManagedBy does not exist in Kubernetes 1.29');
    expect(() => featureGatesFor({ minor: 27 }, { SidecarContainers: false })).toThrow('feature gate SidecarContainers does not exist in Kubernetes 1.27');
  });

  test('fails when a GA gate is turned off', () => {
    expect(() => featureGatesFor({ minor: 31 }, { JobPodFailurePolicy: false })).toThrow('feature gate JobPodFailurePolicy is GA and locked to true in Kubernetes 1.31');
    expect(() => featureGatesFor({ minor: 30 }, { JobPodFailurePolicy: false }).enabled('JobPodFailurePolicy')).not.toThrow();
  });
});

describe('parseFeatureGates (featureGate.Set, k8s.io/component-base/featuregate/feature_gate.go: split on ",", skip zero-length parts, split on the first "=", trim, strconv.ParseBool)', () => {
  test.each<[string, Record<string, boolean>]>([
    ['JobManagedBy=true', { JobManagedBy: true }],
    ['JobManagedBy=true,JobSuccessPolicy=false', { JobManagedBy: true, JobSuccessPolicy: false }],
    [' JobManagedBy = True ,,JobSuccessPolicy=0,', { JobManagedBy: true, JobSuccessPolicy: false }], // trimmed, zero-length parts skipped
    ['A=1,B=t,C=T,D=TRUE,E=True', { A: true, B: true, C: true, D: true, E: true }], // strconv.ParseBool spellings
    ['A=0,B=f,C=F,D=FALSE,E=False', { A: false, B: false, C: false, D: false, E: false }],
    ['A=true,A=false', { A: false }], // the last one wins, as featureGate.Set's map
    ['', {}],
  ])('%j → %j', (text, want) => {
    expect(parseFeatureGates(text)).toEqual(want);
  });

  test.each([
    ['JobManagedBy=true,JobSuccessPolicy', 'missing bool value for JobSuccessPolicy; write JobSuccessPolicy=true or JobSuccessPolicy=false'], // upstream: "missing bool value for %s"
    ['JobManagedBy=yes', 'invalid value of JobManagedBy=yes; use true or false'], // upstream: "invalid value of %s=%s"
    ['A=true,B=', 'invalid value of B=; use true or false'], // ParseBool("") fails
    ['=true', 'a gate name is missing before =true'],
    ['A=true, ,B=false', 'a blank entry between commas; remove it'], // only a zero-length part is skipped upstream
  ])('fails when the text is %j', (text, message) => {
    expect(() => parseFeatureGates(text)).toThrow(FeatureGatesSyntaxError);
    expect(() => parseFeatureGates(text)).toThrow(message);
  });

  test('fails when the value is a prototype key (toString is not a boolean)', () => {
    expect(() => parseFeatureGates('A=toString')).toThrow('invalid value of A=toString; use true or false');
  });

  test('parsed overrides feed featureGatesFor', () => {
    expect(featureGatesFor({ minor: 30 }, parseFeatureGates('JobManagedBy=true')).enabled('JobManagedBy')).toBe(true);
  });

  test('exported from the package root', () => {
    expect(root.parseFeatureGates).toBe(parseFeatureGates);
    expect(root.FeatureGatesSyntaxError).toBe(FeatureGatesSyntaxError);
  });
});
