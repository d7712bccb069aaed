import { runSuites } from '../run-mocha';

/** Suites run with test/fixtures/vscode-multi/multi.code-workspace (a copy) open. */
export function run(): Promise<void> {
  return runSuites(__dirname);
}
