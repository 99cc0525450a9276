/**
 * Decoding manifest text the way kubectl does before anything reaches the API server:
 *
 * - multi-document YAML or JSON, split on `---` (k8s.io/apimachinery/pkg/util/yaml
 *   `YAMLOrJSONDecoder` / `NewDocumentDecoder`);
 * - empty documents, a trailing `---` and comment-only documents (`helm template` writes
 *   "---\n# Source: chart/templates/x.yaml\n") decode to nothing and are skipped silently
 *   (k8s.io/cli-runtime/pkg/resource/visitor.go `StreamVisitor.Visit`: "if len(ext.Raw) == 0 ||
 *   bytes.Equal(ext.Raw, []byte("null")) { continue }");
 * - duplicate mapping keys are errors (sigs.k8s.io/yaml `UnmarshalStrict` → go-yaml
 *   `yaml: unmarshal errors: line N: key "x" already set in map`);
 * - alias expansion is bounded (go-yaml v2 `decoder.alias` rejects "document contains excessive
 *   aliasing"), so a "billion laughs" document is an error, not a hang;
 * - a document that is a scalar or a list is not an object (k8s.io/apimachinery/pkg/runtime/
 *   serializer/json `Serializer.Decode` → "Object 'Kind' is missing" / "cannot unmarshal array").
 */
import * as YAML from 'yaml';
import { describeLocation, ManifestIssue, ManifestIssueCode } from './issues';
import { decodeFast } from './yaml-fast-decode';
import { lineOf } from './yaml-positions';

/** One decoded document. */
export interface DecodedDoc {
  /** The document's value (a mapping for a manifest). */
  readonly value: unknown;
  /** 0-based index among the file's non-empty documents. */
  readonly documentIndex: number;
  /** Maps a dotted path to a 1-based line. */
  readonly lineOf: (dotted: string) => number | undefined;
  /**
   * Decoded by the fast decode: plain objects, arrays and scalars, no subtree shared (anchors and
   * aliases go through the full decode), nothing else holding them.
   * @default false
   */
  readonly unshared?: boolean;
}

/**
 * Aliases a document may expand. go-yaml v2 allows a few hundred alias expansions relative to the
 * document size before "excessive aliasing"; real manifests use a handful.
 */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Decodes every document of `text`. Never throws: problems become issues.
 *
 * @param text YAML or JSON
 * @param file the file name used in messages
 * @param issues where problems go
 */
export function decodeDocuments(text: string, file: string, issues: ManifestIssue[]): DecodedDoc[] {
  // Most manifests are plain YAML that js-yaml decodes to the same values ~10 times faster
  // (yaml-fast-decode.ts gives up on anything else); source positions are only needed for
  // documents with issues, so the full parse runs only when a line is asked for.
  const fast = decodeFast(text);
  if (fast !== undefined) return withLazyPositions(text, fast);
  return decodeFully(text, file, issues);
}

/** Line of a dotted path in the `documentIndex`-th non-empty document. */
type Positions = (documentIndex: number, dotted: string) => number | undefined;

function withLazyPositions(text: string, values: readonly unknown[]): DecodedDoc[] {
  let positions: Positions | undefined;
  const out: DecodedDoc[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const documentIndex = out.length;
    out.push({ value, documentIndex, lineOf: (dotted) => (positions ??= parsePositions(text))(documentIndex, dotted), unshared: true });
  }
  return out;
}

/** The parse {@link decodeFully} does, for {@link lineOf} only (the fast decode read the text). */
function parsePositions(text: string): Positions {
  const lineCounter = new YAML.LineCounter();
  const docs = parseStream(text, lineCounter).filter((doc) => {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    return value !== null && value !== undefined;
  });
  return (documentIndex, dotted) => (docs[documentIndex] === undefined ? undefined : lineOf(docs[documentIndex], lineCounter, dotted));
}

/** The `yaml` parse both decodes share: YAML 1.1 scalars (yes/no/on/off booleans, 0644 octal), as kubectl's go-yaml v2 reads them. */
function parseStream(text: string, lineCounter: YAML.LineCounter): YAML.Document.Parsed[] {
  return YAML.parseAllDocuments(text, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: true }) as YAML.Document.Parsed[];
}

/** The full decode: the `yaml` package with positions; every problem becomes an issue. */
function decodeFully(text: string, file: string, issues: ManifestIssue[]): DecodedDoc[] {
  const lineCounter = new YAML.LineCounter();
  const out: DecodedDoc[] = [];
  let parsed: YAML.Document.Parsed[];
  try {
    parsed = parseStream(text, lineCounter);
  } catch (e) {
    issues.push({ code: ManifestIssueCode.SYNTAX, file, documentIndex: 0, path: '', message: `${file}: not YAML or JSON: ${(e as Error).message}` });
    return out;
  }
  if (!Array.isArray(parsed)) {
    issues.push({ code: ManifestIssueCode.SYNTAX, file, documentIndex: 0, path: '', message: `${file}: not YAML or JSON` });
    return out;
  }
  let index = 0;
  for (const doc of parsed) {
    const documentIndex = index;
    if (doc.errors.length > 0) {
      index++;
      for (const err of doc.errors) {
        const line = lineCounter.linePos(err.pos[0]).line;
        const where = describeLocation(file, documentIndex, undefined, line);
        const message = err.code === 'DUPLICATE_KEY'
          ? `${where}: YAML error: key ${JSON.stringify(text.slice(err.pos[0], err.pos[1]) || '?')} already set in map (line ${line}); each field may appear once in a mapping: remove or merge the duplicate`
          : `${where}: YAML syntax error: ${err.message.split('\n')[0]}; fix the indentation or quoting there`;
        issues.push({ code: ManifestIssueCode.SYNTAX, file, documentIndex, path: '', line, message });
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      index++;
      const excessive = e instanceof ReferenceError && /alias/i.test(e.message);
      issues.push({
        code: ManifestIssueCode.SYNTAX, file, documentIndex, path: '',
        message: excessive
          ? `${describeLocation(file, documentIndex)}: YAML error: document contains excessive aliasing (more than ${MAX_ALIAS_COUNT} alias expansions, e.g. a "billion laughs" document); write the values out instead of nesting aliases`
          : `${describeLocation(file, documentIndex)}: YAML error: ${(e as Error).message}`,
      });
      continue;
    }
    // Empty, `---`-only, comment-only and `null` documents decode to nothing: skipped silently.
    if (value === null || value === undefined) continue;
    index++;
    out.push({ value, documentIndex, lineOf: (dotted) => lineOf(doc, lineCounter, dotted) });
  }
  return out;
}
