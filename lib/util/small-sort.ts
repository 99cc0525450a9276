/**
 * An in-place stable sort for the short arrays controllers sort on every sync (a CronJob's Jobs, a
 * Job's pods). `Array.prototype.sort` is stable too (ECMAScript 2019), and a stable sort's result
 * is fully determined by the input order and the comparator, so the two give the same order for
 * any consistent comparator; this one only avoids the work array V8's TimSort allocates per call.
 */

/** Past this length, `Array.prototype.sort` (insertion sort is quadratic). */
const INSERTION_SORT_MAX = 16;

/**
 * Sorts `arr` in place with `compare` (stable) and returns it, as `arr.sort(compare)` does.
 *
 * @param arr the array
 * @param compare a consistent comparator (negative: a first; 0: keep the input order)
 */
export function sortSmall<T>(arr: T[], compare: (a: T, b: T) => number): T[] {
  const n = arr.length;
  if (n > INSERTION_SORT_MAX) return arr.sort(compare);
  for (let i = 1; i < n; i++) {
    const item = arr[i];
    let j = i - 1;
    // Strictly greater moves: equal elements keep their order (stability).
    while (j >= 0 && compare(arr[j], item) > 0) {
      arr[j + 1] = arr[j];
      j--;
    }
    arr[j + 1] = item;
  }
  return arr;
}
