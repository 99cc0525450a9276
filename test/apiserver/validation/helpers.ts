import { semanticIssues } from '../../../lib/apiserver/validation';

type Obj = Record<string, any>;

/** A Pod with one container `c` (merged with `container`) and `spec` on top. */
export function pod(spec: Obj = {}, container: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox', ...container }], ...spec } };
}

/** A Job whose template spec is {@link pod}'s spec. */
export function job(spec: Obj = {}, container: Obj = {}): Obj {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', ...pod(spec, container).spec } } } };
}

/** The issue messages of a manifest. */
export function messages(m: Obj): string[] {
  return semanticIssues(m as never).issues.map((i) => i.message);
}

/** The issue paths of a manifest. */
export function paths(m: Obj): string[] {
  return semanticIssues(m as never).issues.map((i) => i.path);
}

/** Table rows: [what, input, expected path, or undefined for accepted]. */
export type Row = [string, Obj, string | undefined];

/** Asserts a row: accepted (no issue), or an issue at the path. */
export function check(m: Obj, path: string | undefined): void {
  if (path === undefined) expect(messages(m)).toEqual([]);
  else expect(paths(m)).toContain(path);
}
