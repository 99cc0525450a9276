/** The agent's RBAC: the ClusterRole holding `apiAccess`, its binding, and the checks of each rule. */
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { isDns1123Subdomain } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import { API_RULE_KEYS } from './prop-keys';
import type { NodeAgentApiRule } from './props';
import { rejectUnknownProps } from './validation';

/** The ClusterRole of `apiAccess` and its ClusterRoleBinding to the ServiceAccount. @internal */
export function createRbac(scope: Construct, serviceAccount: kplus.IServiceAccount, agentName: string, rules: NodeAgentApiRule[], labels: { [key: string]: string } | undefined): { role: kplus.ClusterRole; binding: kplus.ClusterRoleBinding } {
  const subject = serviceAccount.toSubjectConfiguration();
  if (!subject.namespace) {
    // A ClusterRoleBinding subject of kind ServiceAccount needs a namespace
    // (ValidateRoleBindingSubject in pkg/apis/rbac/validation/validation.go).
    throw new ValidationError(scope, 'apiAccess', 'needs the namespace of the ServiceAccount for the ClusterRoleBinding subject', subject.namespace,
      'create the chart with a `namespace`, or pass a ServiceAccount imported with `namespaceName`');
  }
  const roleName = `${subject.namespace}-${agentName}`;
  if (!isDns1123Subdomain(roleName)) {
    throw new ValidationError(scope, 'name', 'must leave room for the ClusterRole name <namespace>-<name> (a DNS-1123 subdomain)', roleName);
  }
  const metadata = { name: roleName, ...(labels ? { labels } : {}) };
  const role = new kplus.ClusterRole(scope, 'ClusterRole', { metadata });
  rules.forEach((rule, i) => {
    const endpoints = ruleEndpoints(scope, `apiAccess[${i}]`, rule);
    role.allow([...rule.verbs], ...endpoints);
  });
  const binding = new kplus.ClusterRoleBinding(scope, 'ClusterRoleBinding', { metadata, role });
  binding.addSubjects(serviceAccount);
  // Cluster-scoped objects take no namespace; cdk8s copies the chart's onto every object.
  ApiObject.of(role).addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  ApiObject.of(binding).addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return { role, binding };
}

function ruleEndpoints(scope: Construct, prop: string, rule: NodeAgentApiRule): kplus.IApiEndpoint[] {
  rejectUnknownProps(scope, prop, rule, API_RULE_KEYS);
  const verbs = rule.verbs ?? [];
  const resources = rule.resources ?? [];
  const urls = rule.nonResourceUrls ?? [];
  const groups = rule.apiGroups ?? [''];
  const names = rule.resourceNames ?? [];
  if (verbs.length === 0) throw new ValidationError(scope, `${prop}.verbs`, 'must hold at least one verb', verbs);
  const wildcard = [...verbs, ...resources, ...urls, ...groups, ...names].find((v) => v.includes('*'));
  if (wildcard !== undefined) {
    throw new ValidationError(scope, prop, 'must not use wildcards (least privilege: list the verbs and resources the agent uses)', wildcard);
  }
  if ((resources.length > 0) === (urls.length > 0)) {
    throw new ValidationError(scope, prop, 'must give either `resources` or `nonResourceUrls`', { resources, nonResourceUrls: urls });
  }
  if (urls.length > 0) {
    if (rule.apiGroups !== undefined || names.length > 0) {
      throw new ValidationError(scope, prop, '`apiGroups` and `resourceNames` do not apply to `nonResourceUrls`', rule);
    }
    urls.forEach((u, j) => {
      if (!u.startsWith('/')) throw new ValidationError(scope, `${prop}.nonResourceUrls[${j}]`, 'must start with "/"', u);
    });
    return urls.map((u) => kplus.NonApiResource.of(u));
  }
  if (groups.length === 0) throw new ValidationError(scope, `${prop}.apiGroups`, 'must hold at least one group (\'\' is the core group)', groups);
  if (names.length > 0) {
    const unrestrictable = verbs.filter((v) => v === 'create' || v === 'deletecollection');
    if (unrestrictable.length > 0) {
      // https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources
      throw new ValidationError(scope, `${prop}.resourceNames`, 'cannot restrict `create` or `deletecollection` (RBAC ignores names for them)', unrestrictable,
        'put those verbs in a separate rule without resourceNames');
    }
  }
  const endpoints: kplus.IApiEndpoint[] = [];
  for (const apiGroup of groups) {
    for (const resourceType of resources) {
      for (const resourceName of names.length > 0 ? names : [undefined]) {
        endpoints.push(new RuleEndpoint(apiGroup, resourceType, resourceName));
      }
    }
  }
  return endpoints;
}

/** An RBAC resource endpoint (group, type, optional name) for cdk8s-plus `ClusterRole.allow()`. */
class RuleEndpoint implements kplus.IApiEndpoint {
  public constructor(private readonly apiGroup: string, private readonly resourceType: string, private readonly resourceName?: string) {}

  public asApiResource(): kplus.IApiResource {
    // cdk8s-plus writes apiGroup 'core' as ''.
    return { apiGroup: this.apiGroup, resourceType: this.resourceType, resourceName: this.resourceName };
  }

  public asNonApiResource(): string | undefined {
    return undefined;
  }
}
