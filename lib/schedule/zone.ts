/**
 * @internal
 * Time zone offsets from Intl (Node's full ICU) and an emulation of the parts of Go's `time`
 * package that robfig/cron's `SpecSchedule.Next` relies on: a time is an instant (whole Unix
 * seconds here) viewed in a location; `Year()`, `Hour()`, ... are the wall-clock fields in that
 * location; `time.Date` builds an instant from (possibly out-of-range) wall-clock fields and
 * normalises them; `AddDate` re-enters `time.Date`; `Add` and `Truncate` work on the instant.
 *
 * Sources: Go src/time/time.go (`Date`, `norm`, `AddDate`, `Truncate`) and src/time/zoneinfo.go
 * (`Location.lookup`), Go 1.19/1.20 — the versions Kubernetes 1.27 builds with.
 */

const SECONDS_PER_DAY = 86400;
/** Intl cannot format instants outside ±8.64e15 ms; samples are clamped into this range. */
const MAX_SAMPLE_SECONDS = 8.64e12 - SECONDS_PER_DAY;
/** Sample points per UTC day when looking for offset transitions (every 6 hours, plus the end). */
const SAMPLES_PER_DAY = 4;
/** Bound on cached days per zone; the cache is dropped when it grows past this. */
const MAX_CACHED_DAYS = 200_000;

/** Transitions inside one UTC day `(dayStart, dayStart + 86400]` and the offset at dayStart. */
interface DayTransitions {
  readonly base: number;
  readonly at: number[];
  readonly offset: number[];
}

/** An offset change: at instant `at` (Unix seconds) the offset goes from `before` to `after`. */
export interface OffsetTransition {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/**
 * A time zone as a function from an instant to its UTC offset, answered from Intl and cached per
 * UTC day. A day whose samples all agree is stored as one number; otherwise its transitions are
 * located to the second by bisection.
 */
export class Zone {
  private static readonly cache = new Map<string, Zone>();

  /** `undefined` and `'UTC'` give the fixed UTC zone (a kube-controller-manager running in UTC). */
  public static get(name: string | undefined): Zone {
    const key = name ?? 'UTC';
    let zone = Zone.cache.get(key);
    if (!zone) {
      zone = new Zone(key);
      Zone.cache.set(key, zone);
    }
    return zone;
  }

  /** True when the offset is always 0 (UTC, Etc/UTC, Factory, ...): every lookup is skipped. */
  public readonly fixedUtc: boolean;
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly days = new Map<number, number | DayTransitions>();
  private lastDay = Number.NaN;
  private lastEntry: number | DayTransitions = 0;

  private constructor(public readonly name: string) {
    if (name === 'UTC') {
      this.fixedUtc = true;
      return;
    }
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // tzdata's "Factory" zone (offset 0, abbreviation "-00") is a valid Go location but unknown
      // to ICU. The name list is checked before a Zone is created, so only such names get here.
      this.format = undefined;
    }
    this.fixedUtc = this.format === undefined;
  }

  /** The UTC offset in seconds (east positive) at instant `t` (Unix seconds). */
  public offsetAt(t: number): number {
    if (this.fixedUtc) return 0;
    const day = Math.floor(t / SECONDS_PER_DAY);
    const entry = day === this.lastDay ? this.lastEntry : this.dayEntry(day);
    if (typeof entry === 'number') return entry;
    let offset = entry.base;
    for (let i = 0; i < entry.at.length && entry.at[i] <= t; i++) offset = entry.offset[i];
    return offset;
  }

  /** True when the offset does not change anywhere in `(a, b]`. */
  public constantBetween(a: number, b: number): boolean {
    if (this.fixedUtc || b <= a) return true;
    const first = Math.floor(a / SECONDS_PER_DAY);
    const last = Math.floor((b - 1) / SECONDS_PER_DAY);
    for (let day = first; day <= last; day++) {
      const entry = this.dayEntry(day);
      if (typeof entry === 'number') continue;
      for (const at of entry.at) if (at > a && at <= b) return false;
    }
    return true;
  }

  /** Every offset change in `(a, b]`, in order. */
  public transitionsBetween(a: number, b: number): OffsetTransition[] {
    const result: OffsetTransition[] = [];
    if (this.fixedUtc || b <= a) return result;
    const first = Math.floor(a / SECONDS_PER_DAY);
    const last = Math.floor((b - 1) / SECONDS_PER_DAY);
    for (let day = first; day <= last; day++) {
      const entry = this.dayEntry(day);
      if (typeof entry === 'number') continue;
      for (let i = 0; i < entry.at.length; i++) {
        const at = entry.at[i];
        if (at > a && at <= b) result.push({ at, before: this.offsetAt(at - 1), after: entry.offset[i] });
      }
    }
    return result;
  }

  private dayEntry(day: number): number | DayTransitions {
    let entry = this.days.get(day);
    if (entry === undefined) {
      entry = this.computeDay(day);
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      this.days.set(day, entry);
    }
    this.lastDay = day;
    this.lastEntry = entry;
    return entry;
  }

  private computeDay(day: number): number | DayTransitions {
    const start = day * SECONDS_PER_DAY;
    const step = SECONDS_PER_DAY / SAMPLES_PER_DAY;
    const points: number[] = [];
    const offsets: number[] = [];
    for (let i = 0; i <= SAMPLES_PER_DAY; i++) {
      points.push(start + i * step);
      offsets.push(this.sample(start + i * step));
    }
    if (offsets.every((o) => o === offsets[0])) return offsets[0];
    const at: number[] = [];
    const offset: number[] = [];
    for (let i = 0; i < SAMPLES_PER_DAY; i++) {
      this.bisect(points[i], offsets[i], points[i + 1], offsets[i + 1], at, offset);
    }
    if (at.length === 0) return offsets[0];
    return { base: offsets[0], at, offset };
  }

  /** Finds the transitions in (a, b] given the offsets at a and b (a transition is at a whole second). */
  private bisect(a: number, oa: number, b: number, ob: number, at: number[], offset: number[]): void {
    if (oa === ob) return;
    if (b - a <= 1) {
      at.push(b);
      offset.push(ob);
      return;
    }
    const mid = Math.floor((a + b) / 2);
    const om = this.sample(mid);
    this.bisect(a, oa, mid, om, at, offset);
    this.bisect(mid, om, b, ob, at, offset);
  }

  /** The offset at `t` from Intl: the wall-clock time in the zone minus the instant. */
  private sample(t: number): number {
    const clamped = Math.max(-MAX_SAMPLE_SECONDS, Math.min(MAX_SAMPLE_SECONDS, t));
    const parts = this.format!.formatToParts(new Date(clamped * 1000));
    let year = 0;
    let month = 0;
    let dayOfMonth = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of parts) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': dayOfMonth = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': bc = part.value.startsWith('B'); break;
        default: break;
      }
    }
    if (bc) year = 1 - year;
    const wall = daysFromCivil(year, month, dayOfMonth) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    return wall - clamped;
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); month 1–12. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Wall-clock fields of an instant in a zone, as Go's `t.Date()`, `t.Clock()`, `t.Weekday()`. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
  /** UTC offset in seconds */
  offset: number;
}

/** Fills `out` with the wall-clock fields of local seconds `local` (instant + offset). */
export function civilFromLocal(local: number, out: WallClock): void {
  const days = Math.floor(local / SECONDS_PER_DAY);
  let sod = local - days * SECONDS_PER_DAY;
  out.hour = Math.floor(sod / 3600);
  sod -= out.hour * 3600;
  out.minute = Math.floor(sod / 60);
  out.second = sod - out.minute * 60;
  // 1970-01-01 was a Thursday.
  out.weekday = ((days + 4) % 7 + 7) % 7;
  // H. Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  out.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  out.month = mp < 10 ? mp + 3 : mp - 9;
  out.year = yoe + era * 400 + (out.month <= 2 ? 1 : 0);
}

/** Go's `norm`: moves whole multiples of `base` from `lo` into `hi` so that 0 <= lo < base. */
function norm(hi: number, lo: number, base: number): [number, number] {
  const n = Math.floor(lo / base);
  return [hi + n, lo - n * base];
}

/**
 * Go `time.Time` arithmetic in one location, on whole Unix seconds. Keeps the fields of the last
 * instant asked for, because robfig's `Next` asks for several fields of the same instant in turn.
 */
export class GoClock {
  private cachedT = Number.NaN;
  private readonly wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };

  public constructor(public readonly zone: Zone) {}

  /** The wall-clock fields of instant `t` in this location. The object is reused: copy what you keep. */
  public fields(t: number): WallClock {
    if (t !== this.cachedT) {
      const offset = this.zone.offsetAt(t);
      civilFromLocal(t + offset, this.wall);
      this.wall.offset = offset;
      this.cachedT = t;
    }
    return this.wall;
  }

  /**
   * Go's `time.Date(year, month, day, hour, min, sec, 0, loc)`. Out-of-range fields are
   * normalised (month 13 is January of the next year, day 0 the last day of the previous month).
   * Then, as Go does, the zone offset is looked up at the naive wall-clock value taken as UTC;
   * if the instant that offset gives lies in another zone period, the offset of that period is
   * used instead. So a wall-clock time in a spring-forward gap moves by the size of the gap, and
   * a repeated one resolves to one of its two instants depending on which side the naive value
   * falls. Go: `_, offset, start, end := l.lookup(unix); utc := unix - offset; if utc < start ||
   * utc >= end { offset = l.lookup(utc) }` — which equals `offsetAt(unix - offsetAt(unix))`.
   */
  public date(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
    let m = month - 1;
    [year, m] = norm(year, m, 12);
    [minute, second] = norm(minute, second, 60);
    [hour, minute] = norm(hour, minute, 60);
    [day, hour] = norm(day, hour, 24);
    const days = daysFromCivil(year, m + 1, 1) + day - 1;
    const unix = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    const zone = this.zone;
    if (zone.fixedUtc) return unix;
    const offset = zone.offsetAt(unix);
    if (offset === 0) return unix;
    return unix - zone.offsetAt(unix - offset);
  }

  /** Go's `t.AddDate(years, months, days)`: `time.Date` on the shifted wall-clock fields. */
  public addDate(t: number, years: number, months: number, days: number): number {
    const f = this.fields(t);
    return this.date(f.year + years, f.month + months, f.day + days, f.hour, f.minute, f.second);
  }
}
