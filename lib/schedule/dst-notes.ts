/** DST notes for `Schedule.preview`: skipped, repeated and passed-over wall-clock times around offset changes. */
import { SpecSchedule } from './cron-spec';
import { bitList } from './schedule-warnings';
import { formatOffset, hm, ymd } from './wall-clock-format';
import { civilFromLocal, GoClock, WallClock } from './zone';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * DST notes for a preview. Between two consecutive runs (or `from` and the first run) that
 * enclose an offset change, the wall-clock times that match the schedule are enumerated: those
 * that do not exist (spring-forward gap) are "skipped", those that exist but robfig's `Next`
 * passes over are "missed". A run whose wall-clock time occurs twice says whether Kubernetes also
 * runs the other occurrence; a run whose wall-clock time the schedule does not select (robfig's
 * day loop after a DST change at midnight) says so.
 * @internal
 */
export class DstNotes {
  private readonly wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };

  public constructor(
    private readonly cron: SpecSchedule,
    private readonly clock: GoClock,
    private readonly zoneName: string,
    private readonly runs: readonly number[],
    private readonly isRun: (ms: number) => boolean,
  ) {}

  public notes(prevMs: number, curMs: number): string[] {
    const zone = this.clock.zone;
    const prev = Math.floor(prevMs / 1000);
    const cur = curMs / 1000;
    const notes: string[] = [];
    const curWall = this.wallOf(cur);
    const partner = this.otherOccurrence(cur);

    if (!this.matchesWall(cur + zone.offsetAt(cur))) {
      notes.push(`${hm(curWall)} on ${ymd(curWall)} (${WEEKDAYS[curWall.weekday]}) does not match the schedule: robfig/cron's Next lands here after a DST change in ${this.zoneName}, and Kubernetes runs it`);
    }
    if (partner !== undefined) {
      const [first, second] = partner < cur ? [partner, cur] : [cur, partner];
      const both = this.isRun(partner * 1000);
      const which = cur === first ? 'first' : 'second';
      notes.push(both
        ? `${hm(curWall)} occurs twice on ${ymd(curWall)} in ${this.zoneName}; Kubernetes runs at both`
        : `${hm(curWall)} occurs twice on ${ymd(curWall)} in ${this.zoneName} (${formatOffset(zone.offsetAt(first))}, then ${formatOffset(zone.offsetAt(second))}); Kubernetes runs only at the ${which}`);
    }

    const transitions = zone.transitionsBetween(prev, cur);
    if (transitions.length === 0) return notes;
    const skipped = new Map<string, string[]>();
    const missed: string[] = [];
    const runPartners = new Set<number>();
    for (const r of this.runs) {
      const p = this.otherOccurrence(r / 1000);
      if (p !== undefined) runPartners.add(p);
    }
    this.forEachMatchingWall(prev, cur, (local) => {
      const instants = this.instantsOf(local);
      if (instants.length === 0) {
        if (transitions.some((x) => x.after > x.before && local >= x.at + x.before && local < x.at + x.after)) {
          civilFromLocal(local, this.wall);
          const day = ymd(this.wall);
          const list = skipped.get(day) ?? [];
          list.push(hm(this.wall));
          skipped.set(day, list);
        }
        return;
      }
      for (const t of instants) {
        if (t > prev && t < cur && !runPartners.has(t)) {
          const w = this.wallOf(t);
          missed.push(`${hm(w)} on ${ymd(w)}`);
        }
      }
    });
    for (const [day, times] of skipped) {
      notes.push(times.length === 1
        ? `${times[0]} does not exist on ${day} in ${this.zoneName}; Kubernetes skips this run`
        : `${summarise(times)} do not exist on ${day} in ${this.zoneName}; Kubernetes skips these runs`);
    }
    if (missed.length > 0) {
      notes.push(`${summarise(missed)} ${missed.length === 1 ? 'matches' : 'match'} the schedule, but robfig/cron's Next passes over ${missed.length === 1 ? 'it' : 'them'} after the DST change in ${this.zoneName}; Kubernetes does not run then`);
    }
    return notes;
  }

  private wallOf(t: number): WallClock {
    const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };
    w.offset = this.clock.zone.offsetAt(t);
    civilFromLocal(t + w.offset, w);
    return w;
  }

  /** The other instant with the same wall-clock time as `t`, if that time occurs twice. */
  private otherOccurrence(t: number): number | undefined {
    const local = t + this.clock.zone.offsetAt(t);
    return this.instantsOf(local).find((x) => x !== t);
  }

  /** Every instant whose wall-clock time in the zone is `local` (0, 1 or 2 of them). */
  private instantsOf(local: number): number[] {
    const zone = this.clock.zone;
    const span = 2 * 86400;
    const offsets = new Set<number>([zone.offsetAt(local - span), zone.offsetAt(local + span)]);
    for (const x of zone.transitionsBetween(local - span, local + span)) {
      offsets.add(x.before);
      offsets.add(x.after);
    }
    const result: number[] = [];
    for (const o of offsets) {
      const t = local - o;
      if (zone.offsetAt(t) === o && !result.includes(t)) result.push(t);
    }
    return result.sort((a, b) => a - b);
  }

  /** Whether a wall-clock time matches the schedule's fields under robfig's day rule. */
  private matchesWall(local: number): boolean {
    civilFromLocal(local, this.wall);
    const s = this.cron;
    const w = this.wall;
    if (s.month.bits[w.month] !== 1 || s.hour.bits[w.hour] !== 1 || s.minute.bits[w.minute] !== 1 || s.second.bits[w.second] !== 1) return false;
    const domMatch = s.dom.bits[w.day] === 1;
    const dowMatch = s.dow.bits[w.weekday] === 1;
    return s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch;
  }

  /** Calls `fn` with each matching wall-clock time (local seconds) around the instants (prev, cur). */
  private forEachMatchingWall(prev: number, cur: number, fn: (local: number) => void): void {
    const slack = 2 * 86400;
    const firstDay = Math.floor((prev - slack) / 86400);
    const lastDay = Math.floor((cur + slack) / 86400);
    const s = this.cron;
    const hours = bitList(s.hour.bits, 0, 23);
    const minutes = bitList(s.minute.bits, 0, 59);
    let budget = 200_000;
    for (let day = firstDay; day <= lastDay && budget > 0; day++) {
      civilFromLocal(day * 86400, this.wall);
      if (s.month.bits[this.wall.month] !== 1) continue;
      const domMatch = s.dom.bits[this.wall.day] === 1;
      const dowMatch = s.dow.bits[this.wall.weekday] === 1;
      if (!(s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch)) continue;
      for (const h of hours) {
        for (const m of minutes) {
          const local = day * 86400 + h * 3600 + m * 60;
          // Only wall-clock times within a day of the window can belong to it.
          if (local < prev - 86400 || local > cur + 86400 + 50400) continue;
          if (--budget <= 0) return;
          fn(local);
        }
      }
    }
  }
}

function summarise(items: readonly string[]): string {
  if (items.length <= 3) return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}
