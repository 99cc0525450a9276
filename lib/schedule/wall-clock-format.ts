/** Formatting of wall-clock times and UTC offsets for schedule previews and notes. */
import { WallClock } from './zone';

/**
 * Two-digit zero padding.
 * @internal
 */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The date of a wall clock as `YYYY-MM-DD`.
 * @internal
 */
export function ymd(f: WallClock): string {
  const y = f.year >= 0 && f.year <= 9999 ? String(f.year).padStart(4, '0') : String(f.year);
  return `${y}-${pad(f.month)}-${pad(f.day)}`;
}

/**
 * The time of a wall clock as `HH:MM`.
 * @internal
 */
export function hm(f: WallClock): string {
  return `${pad(f.hour)}:${pad(f.minute)}`;
}

/**
 * A UTC offset in seconds as `+HH:MM` (with `:SS` when not whole minutes).
 * @internal
 */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const s = a % 60;
  return `${sign}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}
