import { runSuites } from '../run-mocha';

/**
 * Suites run with test/fixtures/vscode-shop (a copy) open in Restricted Mode: workspace trust
 * enabled, the folder never trusted.
 */
export function run(): Promise<void> {
  return runSuites(__dirname);
}
