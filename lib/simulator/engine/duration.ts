/**
 * Durations as the scenario format writes them: one or more `<n><unit>` parts with units
 * `ms`, `s`, `m`, `h`, `d` (`1h30m`, `500ms`, `2d`). Inside the simulator every duration is integer
 * milliseconds.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+)(ms|s|m|h|d)/gy;

/**
 * Parses `1h30m` → 5400000. Returns `undefined` when the text is not a duration.
 *
 * @param text the duration text
 */
export function parseDurationMs(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (s === '0') return 0;
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = PART.exec(s)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed = PART.lastIndex;
  }
  return consumed === s.length && Number.isSafeInteger(total) ? total : undefined;
}

/** Formats ms as the shortest duration text: 5400000 → `1h30m`, 1500 → `1s500ms`, 0 → `0s`. */
export function formatDurationMs(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.abs(ms);
  let out = ms < 0 ? '-' : '';
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
