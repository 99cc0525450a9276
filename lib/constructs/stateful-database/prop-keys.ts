/**
 * The known keys of `StatefulDatabaseProps`, and hints for the props users reach for by another
 * name (TypeScript catches these in typed code; JavaScript callers and `as any` do not).
 */
import type { StatefulDatabaseProps } from './props';

/** Every key of `StatefulDatabaseProps`, for the unknown-prop check. @internal */
export const PROP_KEYS: { readonly [K in keyof StatefulDatabaseProps]-?: true } = {
  engine: true, name: true, image: true, replicas: true, storage: true, passwordSecret: true, headlessServiceName: true,
  clientService: true, clientServiceName: true, podManagementPolicy: true, updateStrategy: true, minReady: true,
  ordinalsStart: true, args: true, command: true, env: true, resources: true, readiness: true, liveness: true, startup: true,
  initContainers: true, podLabels: true, antiAffinity: true, topologySpread: true, podDisruptionBudget: true,
  maxUnavailable: true, networkPolicy: true, terminationGracePeriod: true, clusterDomain: true,
};

/** Props people write by another name, and what to use instead. @internal */
export const MISSPELLED_PROPS: { readonly [key: string]: string } = {
  replica: 'use `replicas`',
  replicaCount: 'use `replicas`',
  storageSize: 'use `storage: DatabaseStorage.persistent({ size: Size.gibibytes(100) })`',
  size: 'use `storage: DatabaseStorage.persistent({ size: ... })`',
  storageClass: 'use `storage: DatabaseStorage.persistent({ size: ..., storageClassName: ... })`',
  volumeClaimTemplates: 'use `storage: DatabaseStorage.persistent({ ... })`',
  password: 'use `passwordSecret` (a Secret reference; credentials never go into the manifest)',
  serviceName: 'use `headlessServiceName`',
  namespace: 'set the namespace on the Chart',
  labels: 'use `podLabels`',
  version: 'use `image` with the version tag',
  resourceLimits: 'use `resources`',
};
