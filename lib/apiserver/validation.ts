/**
 * The Kubernetes 1.27 API server's semantic validation for the simulated kinds — the rules the
 * OpenAPI schema cannot express (`pkg/apis/{apps,batch,core}/validation/validation.go`), plus
 * warnings for what the API server accepts but breaks at runtime. Runs after the schema check
 * passed, so the shapes are known to be right. The kinds' rules live in validation/.
 */
import { dns1123LabelErrors } from './names';
import type { Manifest } from './kinds';
import { ManifestIssueCode } from './issues';
import { cronJob, job } from './validation/batch';
import { validateClaimSpec } from './validation/claim';
import { FieldErrors } from './validation/field';
import { subdomainName, validateAnnotations, validateGenerateName } from './validation/metadata';
import { checkPodSpec } from './validation/pod-spec';
import { validateService } from './validation/service';
import { checkLabels, daemonSet, statefulSet } from './validation/workloads';

/** A semantic problem at a field path. */
export interface SemanticIssue {
  /** The class. */
  readonly code: ManifestIssueCode;
  /** Dotted path. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Semantic problems and warnings of one manifest. */
export interface SemanticResult {
  /** Errors: the API server would reject the object. */
  readonly issues: SemanticIssue[];
  /** Accepted by the API server but worth telling (runtime failures, ignored fields). */
  readonly warnings: string[];
}

type Obj = Record<string, any>;

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Checks `m` (a schema-valid manifest of any kind). */
export function semanticIssues(m: Manifest): SemanticResult {
  const issues: SemanticIssue[] = [];
  const warnings: string[] = [];
  const add = (code: ManifestIssueCode, path: string, message: string) => issues.push({ code, path, message });
  const errs = new FieldErrors(add);
  const md = (m.metadata ?? {}) as Obj;
  const name: string | undefined = md.name;
  // apimachinery objectmeta.go#ValidateObjectMeta: the kind's name rule (core validation.go#ValidateServiceName
  // is a DNS-1035 label; the others here NameIsDNSSubdomain), namespace a DNS label, labels, annotations
  const nameRule = m.kind === 'Service' ? dns1035Errors : subdomainName;
  if (!name && !md.generateName) {
    add(ManifestIssueCode.MISSING_FIELD, 'metadata.name', 'missing required field `metadata.name`; give the object a name');
  } else if (name) {
    for (const e of nameRule(name)) add(ManifestIssueCode.INVALID_NAME, 'metadata.name', `\`metadata.name\` ${JSON.stringify(name)} is invalid: ${e}`);
  }
  validateGenerateName(md, nameRule, errs);
  if (md.namespace !== undefined) {
    for (const e of dns1123LabelErrors(md.namespace)) add(ManifestIssueCode.INVALID_NAME, 'metadata.namespace', `\`metadata.namespace\` ${JSON.stringify(md.namespace)} is invalid: ${e}`);
  }
  checkLabels(md.labels, 'metadata.labels', add);
  validateAnnotations(md.annotations, 'metadata.annotations', errs);
  const spec = (m.spec ?? {}) as Obj;
  switch (m.kind) {
    case 'StatefulSet': statefulSet(name ?? '', spec, add, warnings); break;
    case 'DaemonSet': daemonSet(spec, add, warnings); break;
    case 'Job': job(name ?? md.generateName ?? '', spec, add, warnings); break;
    case 'CronJob': cronJob(name ?? '', spec, add, warnings); break;
    case 'Service': validateService(spec, errs); break;
    case 'PersistentVolumeClaim': validateClaimSpec(spec, 'spec', errs); break;
    case 'Pod': checkPodSpec(spec, 'spec', { context: 'pod', add, warnings }); break;
    default:
  }
  return { issues, warnings };
}

/** apimachinery validation.go#IsDNS1035Label messages (Service names). */
function dns1035Errors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) {
    out.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }
  return out;
}

