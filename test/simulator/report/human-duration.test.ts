/**
 * `humanDuration` is `k8s.io/apimachinery/pkg/util/duration.HumanDuration`: every row of its
 * duration_test.go (`TestHumanDuration`, `TestHumanDurationBoundaries`), with Go's nanosecond
 * `time.Duration` values written in ms (`- time.Millisecond` rows stay exact; `-2*time.Second + 1`
 * (one ns) becomes -1999 ms, which truncates to the same -1 s).
 */
import { humanDuration } from '../../../lib/simulator/report/human-duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

// duration_test.go TestHumanDuration
test.each([
  [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
  [(8 * 24 + 2) * H, '8d'], [367 * D, '367d'], [(365 * 2 * 24 + 25) * H, '2y1d'], [(365 * 8 * 24 + 2) * H, '8y'],
])('TestHumanDuration: %d ms is %s', (ms, want) => {
  expect(humanDuration(ms)).toBe(want);
});

// duration_test.go TestHumanDurationBoundaries
test.each([
  [-2 * S, '<invalid>'], [-2 * S + 1, '0s'], [0, '0s'], [S - 1, '0s'], [2 * M - 1, '119s'], [2 * M, '2m'], [2 * M + S, '2m1s'],
  [10 * M - 1, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'], [3 * H - 1, '179m'], [3 * H, '3h'], [3 * H + M, '3h1m'],
  [8 * H - 1, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'], [2 * D - 1, '47h'], [2 * D, '2d'], [2 * D + H, '2d1h'],
  [8 * D - 1, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'], [2 * 365 * D - 1, '729d'], [2 * 365 * D, '2y'],
  [2 * 365 * D + 23 * H, '2y'], [2 * 365 * D + 23 * H + 59 * M, '2y'], [2 * 365 * D + D - 1, '2y'], [2 * 365 * D + D, '2y1d'],
  [3 * 365 * D, '3y'], [4 * 365 * D, '4y'], [5 * 365 * D, '5y'], [6 * 365 * D, '6y'], [7 * 365 * D, '7y'],
  [8 * 365 * D - 1, '7y364d'], [8 * 365 * D, '8y'], [8 * 365 * D + 364 * D, '8y'], [9 * 365 * D, '9y'],
])('TestHumanDurationBoundaries: %d ms is %s', (ms, want) => {
  expect(humanDuration(ms)).toBe(want);
});

test('a fraction of a second in the past is 0s, as Go truncates toward zero (int(-1.5) is -1)', () => {
  expect([humanDuration(-500), humanDuration(-1500), humanDuration(-1999), humanDuration(-2000)]).toEqual(['0s', '0s', '0s', '<invalid>']);
});
