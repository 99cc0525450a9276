import { checkWorkloadName } from '../../../lib/constructs/jobs/job-template-validation';
import { newChart } from '../../helpers/synth';

describe('checkWorkloadName', () => {
  const why = (length: number) => `the controller needs room (this one has ${length})`;

  test('accepts a DNS-1123 subdomain within the bound', () => {
    expect(() => checkWorkloadName(newChart(), 'a'.repeat(10), true, 10, why)).not.toThrow();
    expect(() => checkWorkloadName(newChart(), 'nightly.backup', true, 63, why)).not.toThrow();
  });

  test('fails when a given name is too long, explaining the bound', () => {
    expect(() => checkWorkloadName(newChart(), 'a'.repeat(11), true, 10, why))
      .toThrow(`test: \`metadata.name\` must be at most 10 characters, got "${'a'.repeat(11)}"; the controller needs room (this one has 11)`);
  });

  test('fails when a generated name breaks a rule, pointing at metadata.name instead', () => {
    const fix = 'the name was generated from the construct path; set `metadata.name`';
    expect(() => checkWorkloadName(newChart(), 'a'.repeat(11), false, 10, why))
      .toThrow(`test: \`metadata.name\` must be at most 10 characters, got "${'a'.repeat(11)}"; ${fix}`);
    expect(() => checkWorkloadName(newChart(), 'Job_1', false, 63, why))
      .toThrow(`test: \`metadata.name\` must be a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", starting and ending with a letter or digit), got "Job_1"; ${fix}`);
  });
});
