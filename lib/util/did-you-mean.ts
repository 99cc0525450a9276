/**
 * "Did you mean …?" suggestions for misspelt field and step names, shared by the strict schema check
 * and the simulator's scenario and manifest checks.
 * @internal
 */

/** The known name closest to `name` (edit distance ≤ 2, case-insensitive; or a prefix of it), or undefined. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    const score = name.startsWith(k) || k.startsWith(name) ? Math.min(d, 1) : d;
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return bestScore <= 2 ? best : undefined;
}

/** `; did you mean \`x\`?` or `''`. */
export function didYouMean(name: string, known: readonly string[]): string {
  const c = closestName(name, known);
  return c ? `; did you mean \`${c}\`?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
