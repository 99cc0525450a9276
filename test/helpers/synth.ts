import { App, Chart, Testing } from 'cdk8s';
import { validateStrict, SchemaIssue } from '../../lib/apiserver/schema';

/** A synthesized manifest, loosely typed for assertions. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: any }; [k: string]: any };

/** Synthesizes a chart into plain manifests. */
export function synth(chart: Chart): Manifest[] {
  return Testing.synth(chart) as Manifest[];
}

/** The one manifest of `kind` (and `name`, if given); fails the test when there is not exactly one. */
export function only(manifests: Manifest[], kind: string, name?: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${kind}${name ? ` named ${name}` : ''}, found ${found.length}: ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  }
  return found[0];
}

/** Every strict Kubernetes 1.27 schema issue across `manifests`, labelled `Kind/name: message`. */
export function schemaIssues(manifests: Manifest[]): string[] {
  return manifests.flatMap((m) => validateStrict(m).map((i: SchemaIssue) => `${m.kind}/${m.metadata?.name}: ${i.message}`));
}

/** A fresh chart with stable resource names (no cdk8s hash suffixes), as the examples use. */
export function newChart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'test', { namespace, disableResourceNameHashes: true });
}

/** Builds an app from example `build` functions and returns its charts. */
export function buildApp(build: (app: App) => void): Chart[] {
  const app = Testing.app();
  build(app);
  return app.charts;
}
