/**
 * The layer order of lib/ (DESIGN.md "The package"): data flows input → apiserver → cluster store
 * → controllers → trace → report, and a lower layer never imports a higher one.
 */
import { cycles, importGraph } from './import-graph';

/** The layer a file belongs to: its folder under lib/ (two levels inside simulator/, whose index.ts is its entry). */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return parts[0] === 'index.ts' ? 'index' : `root:${parts[0]}`;
  if (file === 'simulator/index.ts') return 'simulator/api';
  if (parts[0] === 'simulator') return parts.length === 2 ? 'simulator' : `simulator/${parts[1]}`;
  return parts[0];
}

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  'util': [],
  'versions': ['util'],
  'schedule': ['util', 'versions'],
  'apiserver': ['schedule', 'util', 'versions'],
  'constructs': ['schedule', 'util', 'versions'],
  'simulator/engine': ['util', 'versions'],
  'simulator/cluster': ['simulator/engine', 'apiserver', 'schedule', 'util', 'versions'],
  'simulator/controllers': ['simulator/cluster', 'simulator/engine', 'apiserver', 'schedule', 'util', 'versions'],
  'simulator/fast-forward': ['simulator/controllers', 'simulator/cluster', 'simulator/engine', 'schedule', 'util', 'versions'],
  'simulator/report': ['simulator/cluster', 'simulator/engine', 'schedule', 'util', 'versions'],
  'simulator': ['simulator/fast-forward', 'simulator/controllers', 'simulator/cluster', 'simulator/engine', 'simulator/report', 'apiserver', 'schedule', 'util', 'versions'],
  'simulator/scenario': ['simulator', 'simulator/cluster', 'simulator/engine', 'apiserver', 'schedule', 'util', 'versions'],
  'simulator/expect': ['simulator/report', 'simulator', 'simulator/scenario', 'simulator/engine', 'simulator/cluster', 'util', 'versions'],
  'simulator/api': ['simulator', 'simulator/scenario', 'simulator/fast-forward', 'simulator/controllers', 'simulator/cluster', 'simulator/engine', 'simulator/report', 'apiserver', 'schedule', 'util', 'versions'],
  'simulator/compare': ['simulator/api', 'simulator/report', 'simulator/scenario', 'simulator', 'simulator/engine', 'apiserver', 'schedule', 'util', 'versions'],
  'cli': ['simulator/compare', 'simulator/api', 'simulator/expect', 'simulator', 'simulator/scenario', 'simulator/report', 'simulator/engine', 'apiserver', 'schedule', 'util', 'versions'],
  'index': ['simulator/compare', 'constructs', 'simulator/api', 'simulator/expect', 'simulator', 'simulator/report', 'simulator/scenario', 'apiserver', 'schedule', 'util', 'versions'],
};

const graph = importGraph();

test('lib/ has no import cycles', () => {
  expect(cycles(graph)).toEqual([]);
});

test('every file of lib/ is in a known layer', () => {
  expect([...graph.keys()].filter((f) => ALLOWED[layerOf(f)] === undefined)).toEqual([]);
});

/** `from (layer) imports to (layer)` for every import that goes up or sideways out of its layer. */
function violations(g: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of g) {
    const a = layerOf(from);
    for (const to of targets) {
      const b = layerOf(to);
      if (a !== b && !(ALLOWED[a] ?? []).includes(b)) out.push(`${from} (${a}) imports ${to} (${b})`);
    }
  }
  return out;
}

test('no layer imports a layer above it', () => {
  expect(violations(graph)).toEqual([]);
});

test('fails when a lower layer imports a higher one (the checker itself)', () => {
  expect(violations(new Map([['apiserver/schema.ts', ['simulator/simulation.ts']], ['simulator/simulation.ts', ['apiserver/schema.ts']]])))
    .toEqual(['apiserver/schema.ts (apiserver) imports simulator/simulation.ts (simulator)']);
  expect(violations(new Map([['simulator/engine/clock.ts', ['simulator/cluster/objects.ts']]]))).toHaveLength(1);
});

test('the simulator never imports the constructs', () => {
  const bad = [...graph].filter(([f]) => f.startsWith('simulator/')).flatMap(([f, ts]) => ts.filter((t) => t.startsWith('constructs/')).map((t) => `${f} → ${t}`));
  expect(bad).toEqual([]);
});

test('fails when a cycle exists (the checker itself)', () => {
  expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
});
