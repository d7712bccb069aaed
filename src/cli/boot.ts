// The CLI's entry (bin/bulkhead.js), bundled alone as dist/boot.js: it loads the CLI, dist/cli.js,
// with a V8 code cache, which saves 15–30 ms of every run (a warm `--cache` run at 5k files
// takes 0.4 s).
import * as path from 'node:path';
import { loadWithCodeCache } from '../engine/load-with-code-cache';
import type * as Cli from './main';

export function main(argv: string[]): number {
  return loadWithCodeCache<typeof Cli>(path.join(__dirname, 'cli.js'), 'cli').main(argv);
}
