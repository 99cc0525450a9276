/**
 * Nothing valid at 1.27 becomes invalid at a later supported minor by a gap in the generated
 * schemas: every manifest of examples/ and the test fixtures that passes the 1.27 schema passes
 * every later minor's, except for fields a later minor removed (NetworkPolicy status, 1.28;
 * PodResourceClaim source, 1.31), which are reported as removed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { validateStrict } from '../../../lib/apiserver/schema';
import { SUPPORTED_MINORS } from '../../../lib/versions/kubernetes-version';

const root = path.join(__dirname, '..', '..', '..');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  }).sort();
}

function manifestsIn(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => manifestsIn(v, out));
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.apiVersion === 'string' && typeof o.kind === 'string') out.push(o);
    else Object.values(o).forEach((v) => manifestsIn(v, out));
  }
  return out;
}

const valid27 = [...yamlFiles(path.join(root, 'examples')), ...yamlFiles(path.join(root, 'test'))].flatMap((f) => {
  try {
    return YAML.parseAllDocuments(fs.readFileSync(f, 'utf8')).flatMap((d) => manifestsIn(d.toJS())).map((m) => ({ file: path.relative(root, f), m }));
  } catch {
    return [];
  }
}).filter(({ m }) => validateStrict(m).length === 0);

test.each(SUPPORTED_MINORS.filter((m) => m > 27).map((m) => [m]))('every manifest valid at 1.27 is valid at 1.%i (or reports a removed field)', (minor) => {
  expect(valid27.length).toBeGreaterThan(30);
  for (const { file, m } of valid27) {
    const issues = validateStrict(m, { minor }).filter((i) => !i.message.includes('it was removed after'));
    expect({ file, kind: m.kind, issues }).toEqual({ file, kind: m.kind, issues: [] });
  }
});
