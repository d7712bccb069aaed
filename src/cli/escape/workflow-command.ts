import { printable } from './terminal-text';

/**
 * GitHub's own escaping for workflow command data and properties (as in @actions/core), after the
 * other control characters are made visible (GitHub would print them raw into the log).
 */
export function workflowData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function workflowProperty(s: string): string {
  return workflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
