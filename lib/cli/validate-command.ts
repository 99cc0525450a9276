/**
 * `cdk8s-workloads validate <manifest files, dirs or -> [--output text|json|yaml]
 * [--kubernetes-version 1.N] [--feature-gates Name=true,...]` (DESIGN.md "CLI"): an offline
 * `kubectl apply --dry-run=server` against the chosen Kubernetes version (default 1.27), with the
 * admission the simulator's loader runs. `-` reads YAML or JSON from stdin (named `<stdin>` in messages).
 *
 * Exit 0 when everything is admitted; 1 when anything is rejected (every problem on stderr, each
 * naming file, document, field path, reason and fix); 2 for bad usage.
 *
 * - text (default): one kubectl-like line per admitted object on stdout
 *   (`statefulset.apps/web created (server dry run)`), notices and problems on stderr;
 * - json: `{"valid":…,"objects":[…],"issues":[…],"notices":[…]}` on stdout, also on failure;
 * - yaml: the admitted objects as a multi-document YAML stream on stdout (nothing on stdout on
 *   failure, so a partial stream is never piped on), notices and problems on stderr.
 */
import * as YAML from 'yaml';
import { ManifestIssue, ManifestIssueCode, ManifestNotice } from '../apiserver/issues';
import { resourceName, validate, ValidateResult } from '../apiserver/validate';
import { CliError, CliIO } from './io';
import { versionOptionsFromFlags } from './version-flags';

/** Output formats of `validate`. */
export type ValidateOutput = 'text' | 'json' | 'yaml';

/** Options of `cdk8s-workloads validate`. */
export interface ValidateCommandOptions {
  /** Output format. @default 'text' */
  readonly output?: ValidateOutput;
  /** Kubernetes version to validate against (`1.N` or `1.N.P`, see `supportedVersionsText()`). @default '1.27' */
  readonly kubernetesVersion?: string;
  /** Feature-gate overrides, `Name=true,Other=false`. @default - the version's defaults */
  readonly featureGates?: string;
  /** Namespace for namespaced objects without one. @default 'default' */
  readonly namespace?: string;
}

/** How stdin is named in messages. */
export const STDIN_NAME = '<stdin>';

/** Runs `validate`; returns the exit code. Throws {@link CliError} (exit 2) for bad usage. */
export async function runValidate(paths: string[], opts: ValidateCommandOptions, io: CliIO): Promise<number> {
  const output = opts.output ?? 'text';
  if (!['text', 'json', 'yaml'].includes(output)) throw new CliError(`--output ${String(output)}: must be text, json or yaml`, 2);
  const { options: versionOptions } = versionOptionsFromFlags(opts);
  const stdinCount = paths.filter((p) => p === '-').length;
  if (stdinCount > 1) throw new CliError('`-` (stdin) may be given only once', 2);

  let stdinText: string | undefined;
  if (stdinCount === 1) {
    if (!io.stdin) throw new CliError('`-`: standard input is not available here', 2);
    stdinText = await io.stdin();
  }
  const emptyStdin: ManifestIssue[] = stdinText !== undefined && stdinText.trim() === ''
    ? [{ code: ManifestIssueCode.SYNTAX, file: STDIN_NAME, documentIndex: 0, path: '', message: `${STDIN_NAME}: no input; pipe YAML or JSON manifests in, e.g. \`helm template … | cdk8s-workloads validate -\`` }]
    : [];
  // The loader names a YAML string `<string>`; only stdin is passed as a string here. A trailing
  // newline keeps one-line JSON from being taken for a path.
  const sources = paths.flatMap((p) => (p === '-' ? (emptyStdin.length > 0 ? [] : [`${stdinText}\n`]) : [p]));
  const loaded = sources.length > 0 ? validate(sources, { ...versionOptions, ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}) }) : undefined;
  const result: ValidateResult = {
    valid: (loaded?.valid ?? true) && emptyStdin.length === 0,
    objects: loaded?.objects ?? [],
    issues: [...emptyStdin, ...(loaded?.issues ?? []).map(renameIssue)],
    notices: (loaded?.notices ?? []).map(renameNotice),
  };

  if (output === 'json') {
    io.stdout(`${JSON.stringify(result)}\n`);
  } else {
    for (const n of result.notices) io.stderr(`notice: ${n.message}\n`);
    if (output === 'text') {
      for (const o of result.objects) io.stdout(`${resourceName(o)} created (server dry run)\n`);
    } else if (result.valid) {
      io.stdout(result.objects.map((o) => YAML.stringify(o, { lineWidth: 0 })).join('---\n'));
    }
  }
  for (const i of result.issues) io.stderr(`error: ${i.message}\n`);
  if (!result.valid) {
    const n = result.issues.length;
    io.stderr(`${n === 1 ? '1 problem' : `${n} problems`}: fix ${n === 1 ? 'it' : 'them'} and run validate again${output === 'yaml' ? ' (no YAML was printed)' : ''}\n`);
  }
  return result.valid ? 0 : 1;
}

function rename(text: string): string {
  return text.split('<string> document').join(`${STDIN_NAME} document`);
}

function renameIssue(i: ManifestIssue): ManifestIssue {
  return i.file === '<string>' || i.message.includes('<string> document') ? { ...i, file: i.file === '<string>' ? STDIN_NAME : i.file, message: rename(i.message) } : i;
}

function renameNotice(n: ManifestNotice): ManifestNotice {
  return n.file === '<string>' ? { ...n, file: STDIN_NAME, message: rename(n.message) } : n;
}
