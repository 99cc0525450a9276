/**
 * `cdk8s-workloads schedule` end to end: the built CLI as a child process (exit codes, stdout,
 * stderr, JSON), and in-process through `main()` with captured output.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/cli';
import { CliIO } from '../../lib/cli/io';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';


ensureBuiltCli();

interface Run { code: number | null; stdout: string; stderr: string }

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, 'schedule', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function inProcess(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } };
  const code = await main(['schedule', ...args], io);
  return { code, stdout, stderr };
}

// Most cases run through main(), the function the bin calls; the spawned ones pin what only a real
// process shows (exit status, the process TZ, no stack trace on stderr).
describe('the CLI', () => {
  test('text: one line per run with the local time and the DST note', async () => {
    const r = await inProcess('30 2 * * *', '--time-zone', 'America/New_York', '--from', '2023-03-10T19:00:00Z', '--count', '3');
    expect(r).toEqual({
      code: 0,
      stdout: [
        '"30 2 * * *" in America/New_York: next 3 runs after 2023-03-10T19:00:00Z',
        '2023-03-11T07:30:00Z  2023-03-11 02:30:00-05:00',
        '2023-03-13T06:30:00Z  2023-03-13 02:30:00-04:00  (02:30 does not exist on 2023-03-12 in America/New_York; Kubernetes skips this run)',
        '2023-03-14T06:30:00Z  2023-03-14 02:30:00-04:00',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('text: without --time-zone the runs are in UTC, and the output says so (the process TZ does not matter)', () => {
    const r = cli('0 2 * * *', '--from', '2024-01-01T00:00:00Z', '--count', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '"0 2 * * *" in UTC (no --time-zone: Kubernetes then uses the kube-controller-manager\'s local zone, UTC on most clusters): next 2 runs after 2024-01-01T00:00:00Z',
      '2024-01-01T02:00:00Z',
      '2024-01-02T02:00:00Z',
      '',
    ].join('\n'));
  });

  test('text: warnings go to stderr', async () => {
    const r = await inProcess('0 0 13 * 5', '--from', '2023-01-01T00:00:00Z', '--count', '1');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('2023-01-06T00:00:00Z');
    expect(r.stderr).toBe('warning: day-of-month `13` and day-of-week `5` are both restricted, so Kubernetes runs on days that match either of them (OR), not both\n');
  });

  test('text: a schedule that never fires lists nothing and says why, exit 0 (the API server accepts it)', async () => {
    const r = await inProcess('0 0 30 2 *', '--from', '2023-01-01T00:00:00Z');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '"0 0 30 2 *" in UTC (no --time-zone: Kubernetes then uses the kube-controller-manager\'s local zone, UTC on most clusters): next 5 runs after 2023-01-01T00:00:00Z',
      'no further run within robfig/cron\'s 5-year search horizon: the CronJob controller records InvalidSchedule and creates no Job',
      '',
    ].join('\n'));
    expect(r.stderr).toMatch(/^warning: this schedule never fires/);
  });

  test('json: exactly {"ok":true,"next":[…]}', async () => {
    const r = await inProcess('*/1 * * * *', '--from', '2022-09-14T03:11:30Z', '--count', '3', '--json');
    expect(r).toEqual({ code: 0, stdout: '{"ok":true,"next":["2022-09-14T03:12:00Z","2022-09-14T03:13:00Z","2022-09-14T03:14:00Z"]}\n', stderr: '' });
  });

  test('json: seed 003 daily-report in Asia/Seoul runs at 00:00Z on weekdays', async () => {
    const r = await inProcess('0 9 * * 1-5', '--time-zone', 'Asia/Seoul', '--from', '2024-01-05T00:00:00Z', '--json');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      next: ['2024-01-08T00:00:00Z', '2024-01-09T00:00:00Z', '2024-01-10T00:00:00Z', '2024-01-11T00:00:00Z', '2024-01-12T00:00:00Z'],
    });
  });

  test('json: warnings are added under "warnings"', async () => {
    const r = await inProcess('*-5 * * * *', '--from', '2023-01-01T10:00:00Z', '--count', '1', '--json');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      next: ['2023-01-01T10:01:00Z'],
      warnings: ['`*-5` in the minute field means `*`: robfig/cron ignores what follows `*-`'],
    });
    expect(r.stderr).toBe('');
  });

  test('fails when the schedule is invalid: json error on stdout, exit 1', async () => {
    const r = await inProcess('0 0 * * 7', '--json');
    expect(r).toEqual({
      code: 1,
      stdout: `${JSON.stringify({ ok: false, error: 'schedule "0 0 * * 7" is invalid: end of range (7) above maximum (6): 7; days of the week are 0-6 with 0 = Sunday: use 0 or SUN for Sunday, never 7' })}\n`,
      stderr: '',
    });
  });

  test('fails when the schedule is invalid: text error on stderr, nothing on stdout, no stack trace', () => {
    const r = cli('*/5 * * * * *');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: schedule "*/5 * * * * *" is invalid: expected exactly 5 fields, found 6: [*/5 * * * * *]; Kubernetes schedules have exactly 5 fields (minute hour day-of-month month day-of-week): there is no seconds or year field\n');
  });

  test('fails when the time zone is unknown', async () => {
    const text = await inProcess('0 9 * * *', '--time-zone', 'asia/seoul');
    expect(text).toEqual({ code: 1, stdout: '', stderr: 'error: timeZone "asia/seoul" is invalid: unknown time zone asia/seoul; tz names are case-sensitive: did you mean "Asia/Seoul"?\n' });
    const json = await inProcess('0 9 * * *', '--time-zone', 'Local', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: expect.stringContaining('timeZone must be an explicit time zone') });
  });

  test('fails when the schedule contains TZ', async () => {
    const r = await inProcess('TZ=Asia/Seoul 0 9 * * *', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatch(/^schedule "TZ=Asia\/Seoul 0 9 \* \* \*" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead; set the zone with the timeZone option/);
  });

  test.each([
    ['2023-03-10'],
    ['2023-03-10T19:00:00'],
    ['2023-02-30T00:00:00Z'],
    ['2023-03-10T25:00:00Z'],
    ['yesterday'],
    ['1678474800000'],
  ])('fails when --from is %j, with a clear message and no stdout in text mode', async (from) => {
    const text = await inProcess('0 2 * * *', '--from', from);
    expect(text).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: --from must be an RFC 3339 instant with Z or an offset, e.g. 2023-03-10T19:00:00Z or 2023-03-11T04:00:00+09:00, got ${JSON.stringify(from)}\n`,
    });
    const json = await inProcess('0 2 * * *', '--from', from, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: expect.stringMatching(/^--from must be an RFC 3339 instant/) });
    expect(json.stderr).toBe('');
  });

  test.each([['0'], ['-1'], ['abc'], ['1.5'], ['1001'], ['']])('fails when --count is %j', async (count) => {
    const r = await inProcess('0 2 * * *', '--count', count);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `error: --count must be a whole number from 1 to 1000, got ${JSON.stringify(count)}\n` });
  });

  test('--from accepts offsets and fractional seconds; runs are strictly after it', async () => {
    const r = await inProcess('0 9 * * 1-5', '--time-zone', 'Asia/Seoul', '--from', '2023-03-09T23:59:59.999Z', '--count', '1', '--json');
    expect(JSON.parse(r.stdout).next).toEqual(['2023-03-10T00:00:00Z']);
    const r2 = await inProcess('0 9 * * 1-5', '--time-zone', 'Asia/Seoul', '--from', '2023-03-10T09:00:00+09:00', '--count', '1', '--json');
    expect(JSON.parse(r2.stdout).next).toEqual(['2023-03-13T00:00:00Z']);
  });

  test('fails with exit 2 (usage) when the schedule argument is missing', () => {
    const r = spawnSync(process.execPath, [CLI, 'schedule'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("missing required argument 'cron'");
  });

  test('--version prints the package version, exit 0', () => {
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  test('fails with exit 2 (usage) on an unknown option or command', () => {
    const opt = spawnSync(process.execPath, [CLI, 'simulate', 'x.yaml', '--fromat', 'json'], { encoding: 'utf8' });
    expect(opt.status).toBe(2);
    expect(opt.stdout).toBe('');
    expect(opt.stderr).toContain("unknown option '--fromat'");
    const cmd = spawnSync(process.execPath, [CLI, 'simulat'], { encoding: 'utf8' });
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain("unknown command 'simulat'");
  });

  test('--help documents the options and UTC as the default zone', () => {
    const out = execFileSync(process.execPath, [CLI, 'schedule', '--help'], { encoding: 'utf8' });
    expect(out).toContain('--time-zone <zone>');
    expect(out).toContain('default: UTC');
    expect(out).toContain('--json');
  });
});

describe('in-process main()', () => {
  test('json success', async () => {
    expect(await inProcess('@every 1h30m', '--from', '2023-01-01T00:00:00Z', '--count', '3', '--json')).toEqual({
      code: 0,
      stdout: '{"ok":true,"next":["2023-01-01T01:30:00Z","2023-01-01T03:00:00Z","2023-01-01T04:30:00Z"]}\n',
      stderr: '',
    });
  });

  test('text with the fall-back note on both runs', async () => {
    const r = await inProcess('30 1 * * *', '--time-zone', 'America/New_York', '--from', '2023-11-04T12:00:00Z', '--count', '2');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      '2023-11-05T05:30:00Z  2023-11-05 01:30:00-04:00  (01:30 occurs twice on 2023-11-05 in America/New_York; Kubernetes runs at both)',
      '2023-11-05T06:30:00Z  2023-11-05 01:30:00-05:00  (01:30 occurs twice on 2023-11-05 in America/New_York; Kubernetes runs at both)',
    ]);
  });

  test('text: a hang in robfig is explained (Pacific/Apia 2011-12-30)', async () => {
    const r = await inProcess('0 0 30 12 *', '--time-zone', 'Pacific/Apia', '--from', '2011-06-01T00:00:00Z', '--count', '1');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe("no further run: robfig/cron's Next never returns here (a day that does not exist in this zone); the CronJob controller would stop scheduling this CronJob");
  });

  test('text: robfig going back in time is explained (Pacific/Chatham 2018-04-01)', async () => {
    const r = await inProcess('15,35,51 3 * * *', '--time-zone', 'Pacific/Chatham', '--from', '2018-03-31T00:00:00Z', '--count', '5');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe("no later run: robfig/cron's Next returns 2018-03-31T13:30:00Z, which is not after the previous run; the CronJob controller reports InvalidSchedule");
  });

  test('fails on a bad --count with exit 1 and the message on stderr', async () => {
    expect(await inProcess('0 2 * * *', '--count', 'x')).toEqual({ code: 1, stdout: '', stderr: 'error: --count must be a whole number from 1 to 1000, got "x"\n' });
  });

  test('fails on a bad schedule in JSON mode with the error on stdout', async () => {
    const r = await inProcess('@weekdays', '--json');
    expect(r).toEqual({
      code: 1,
      stdout: `${JSON.stringify({ ok: false, error: 'schedule "@weekdays" is invalid: unrecognized descriptor: @weekdays; Kubernetes knows @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every <duration>, spelled exactly' })}\n`,
      stderr: '',
    });
  });

  test('default --from is now: runs are in the future', async () => {
    const before = Date.now();
    const r = await inProcess('* * * * *', '--count', '2', '--json');
    const next = JSON.parse(r.stdout).next.map((s: string) => Date.parse(s));
    expect(next[0]).toBeGreaterThan(before - 1000);
    expect(next[1] - next[0]).toBe(60_000);
  });
});
