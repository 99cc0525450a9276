import { ImagePullPolicy } from 'cdk8s-plus-27';
import { defaultPullPolicy, imageTag, isImageReference } from '../../../lib/constructs/_shared/image';

test.each([
  ['redis:7.2', '7.2'], ['host:5000/app', undefined], ['host:5000/app:1.0', '1.0'], ['app@sha256:abc', undefined],
  ['app:1.0@sha256:abc', '1.0'], ['nginx', undefined], ['nginx:', ''],
])('imageTag(%j) = %j', (image, tag) => {
  expect(imageTag(image)).toBe(tag);
});

test.each([
  ['nginx', ImagePullPolicy.ALWAYS], ['nginx:latest', ImagePullPolicy.ALWAYS], ['host:5000/nginx', ImagePullPolicy.ALWAYS],
  ['nginx:1.27', ImagePullPolicy.IF_NOT_PRESENT], ['nginx@sha256:abc', ImagePullPolicy.IF_NOT_PRESENT],
  ['nginx:latest@sha256:abc', ImagePullPolicy.IF_NOT_PRESENT],
])('defaultPullPolicy(%j) is %s, as SetDefaults_Container', (image, policy) => {
  expect(defaultPullPolicy(image)).toBe(policy);
});

test('isImageReference rejects empty references and white space anywhere', () => {
  expect(isImageReference('postgres:16.4')).toBe(true);
  for (const bad of ['', ' ', 'nginx latest', ' nginx', 'nginx\n']) expect([bad, isImageReference(bad)]).toEqual([bad, false]);
});
