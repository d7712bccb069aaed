import { runSuites } from '../run-mocha';

/** Suites run with test/fixtures/vscode-baseline (a copy): the shop with a bulkhead-baseline.json. */
export function run(): Promise<void> {
  return runSuites(__dirname);
}
