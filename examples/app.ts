/**
 * The cdk8s app behind `cdk8s synth` (see cdk8s.yaml): it loads every example folder and lets each
 * add its charts. Each `examples/<name>/main.ts` exports `build(app)` and can also be run alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';

/** An example module: adds its charts to `app`. */
export interface ExampleModule {
  build(app: App): void;
}

/** The example folders, sorted, that hold a `main` module. */
export function exampleNames(dir: string = __dirname): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ['main.ts', 'main.js'].some((f) => fs.existsSync(path.join(dir, d.name, f))))
    .map((d) => d.name)
    .sort();
}

/** Loads one example module by folder name. */
export function loadExample(name: string, dir: string = __dirname): ExampleModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(dir, name, 'main')) as ExampleModule;
}

if (require.main === module) {
  const app = new App();
  for (const name of exampleNames()) loadExample(name).build(app);
  app.synth();
}
