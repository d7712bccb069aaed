import { runSuites } from '../run-mocha';

/** Suites run with test/fixtures/vscode-export-fix (a copy) open as the only folder. */
export function run(): Promise<void> {
  return runSuites(__dirname);
}
