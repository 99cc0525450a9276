/**
 * The import graph of lib/: every relative import (type-only ones too, since they tie the files'
 * meaning together) of every .ts file, read with the TypeScript compiler's own pre-processor.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const LIB = path.join(__dirname, '..', '..', 'lib');

/** Every .ts file under `dir`, as a path relative to lib/ with `/` separators. */
export function libFiles(dir: string = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return libFiles(p);
    return d.name.endsWith('.ts') ? [path.relative(LIB, p).split(path.sep).join('/')] : [];
  }).sort();
}

/** file (relative to lib/) → the lib files it imports. */
export function importGraph(): Map<string, string[]> {
  const files = new Set(libFiles());
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(LIB, f), 'utf8'), true, true);
    const targets = info.importedFiles.map((i) => i.fileName).filter((s) => s.startsWith('.')).map((spec) => {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(f), spec));
      const hit = [`${base}.ts`, `${base}/index.ts`].find((c) => files.has(c));
      if (!hit) throw new Error(`${f}: cannot resolve import ${spec}`);
      return hit;
    });
    graph.set(f, [...new Set(targets)].sort());
  }
  return graph;
}

/** The strongly connected components with more than one file (import cycles), by Tarjan's algorithm. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
