import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, draftModuleMap, writeFileAtomic } from '../../engine';
import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { EXIT_OK } from '../exit-code';
import type { Terminal } from '../terminal';
import type { CommandOutcome } from './command-outcome';

/** `bulkhead init`: infers a starting bulkhead.json, prints what it found, and the map (or writes it). */
export function initCommand(args: CliArgs, _terminal: Terminal, cwd: string): CommandOutcome {
  const root = path.resolve(cwd, args.path);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`No such folder: ${args.path}`);
  const target = path.join(root, CONFIG_FILE_NAME);
  if (args.write && fs.existsSync(target) && !args.force) {
    throw new UsageError(`${path.relative(cwd, target) || CONFIG_FILE_NAME} already exists; pass --force to overwrite it, or run without --write to print the inferred map.`);
  }
  const draft = draftModuleMap(root, 'Inferred by `bulkhead init`:');
  const report = draft.notes.map((n) => `bulkhead init: ${n}`).join('\n');
  if (args.write) {
    writeFileAtomic(target, draft.text);
    return { output: `${report}\nWrote ${path.relative(cwd, target) || CONFIG_FILE_NAME} with ${draft.modules} modules. Run "bulkhead check" next.\n`, exitCode: EXIT_OK };
  }
  return { output: draft.text, errorOutput: `${report}\n`, exitCode: EXIT_OK };
}
