/**
 * Label selectors (`k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go`, Kubernetes 1.27):
 * ValidateLabelSelector and ValidateLabelSelectorRequirement.
 */
import { labelKeyErrors, labelValueErrors } from '../names';
import { FieldErrors, Obj } from './field';
import { validateLabels } from './metadata';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * validation.go#ValidateLabelSelector: matchLabels are labels; each matchExpression has a valid
 * key, a supported operator, values for In/NotIn and none for Exists/DoesNotExist, and (without
 * AllowInvalidLabelValueInSelector, as the workload validations call it) valid label values.
 */
export function validateLabelSelector(selector: Obj | undefined, path: string, errs: FieldErrors): void {
  if (!selector) return;
  validateLabels(selector.matchLabels, `${path}.matchLabels`, errs);
  ((selector.matchExpressions ?? []) as Obj[]).forEach((r, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values: unknown[] = r.values ?? [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.required(`${at}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\'', 'list the values to match');
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.forbidden(`${at}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'', 'remove the values');
        break;
      default:
        errs.notSupported(`${at}.operator`, r.operator ?? '', OPERATORS);
    }
    for (const e of labelKeyErrors(r.key ?? '')) errs.invalid(`${at}.key`, r.key ?? '', e, 'a selector key is a label key');
    values.forEach((v, j) => {
      for (const e of labelValueErrors(String(v))) errs.invalid(`${at}.values[${j}]`, v, e, 'selector values are label values');
    });
  });
}
