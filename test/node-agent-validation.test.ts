import { Duration } from 'cdk8s';
import { unknownProp, wholeSeconds } from '../lib/node-agent-validation';

test('wholeSeconds', () => {
  expect(wholeSeconds(Duration.minutes(2))).toBe(120);
  expect(wholeSeconds(Duration.seconds(0))).toBe(0);
  expect(wholeSeconds(Duration.millis(1500))).toBeUndefined();
  expect(wholeSeconds(Duration.millis(0.5))).toBeUndefined();
});

test('unknownProp names the key and a hint', () => {
  expect(unknownProp({ a: 1, hostPID: true }, { a: true })).toEqual({ key: 'hostPID', hint: 'use `hostPid`' });
  expect(unknownProp({ a: 1, zz: 2 }, { a: true })).toEqual({ key: 'zz', hint: 'the known props are `a`' });
  expect(unknownProp({ a: 1, zz: undefined }, { a: true })).toBeUndefined();
});
