import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { EXIT_OK } from '../exit-code';
import { paint, type Terminal } from '../terminal';
import { configErrorOutcome, type CommandOutcome } from './command-outcome';
import { runCheck } from './run-check';

/** `bulkhead explain <file> [<import>]`: the module of a file, what it may import, and why. */
export function explainCommand(args: CliArgs, terminal: Terminal, cwd: string): CommandOutcome {
  const absFile = path.resolve(cwd, args.file!);
  if (!fs.existsSync(absFile) || !fs.statSync(absFile).isFile()) throw new UsageError(`No such file: ${args.file}`);
  const { result, session } = runCheck({ ...args, path: args.file! }, terminal, cwd);
  const broken = configErrorOutcome(result, terminal, cwd);
  if (broken) return broken;
  const rel = path.relative(result.root, fs.realpathSync(absFile)).split(path.sep).join('/');
  const e = session?.explain(rel, args.specifier);
  if (!e) throw new UsageError(`Cannot explain ${args.file}.`);
  if (args.format === 'json') return { output: `${JSON.stringify(e, null, 2)}\n`, exitCode: EXIT_OK };
  const p = paint(terminal.color);
  const out: string[] = [p.bold(rel)];
  if (!session?.scannedPath(path.join(result.root, rel))) out.push('  not scanned: it is ignored by bulkhead.json, .gitignore or is not a source file');
  if (e.module) {
    out.push(`  module     ${p.bold(e.module)} (root ${e.roots.join(', ')})`);
    out.push(`  dependsOn  ${e.dependsOn ? (e.dependsOn.length > 0 ? e.dependsOn.join(', ') : '(none)') : '(not declared; constraints decide)'}`);
    if (e.tags.length > 0) out.push(`  tags       ${e.tags.join(', ')}`);
    out.push(`  may import ${e.mayImport.length > 0 ? e.mayImport.join(', ') : '(no other module)'}`);
  } else {
    out.push('  module     (none) — files outside every module may import anything');
  }
  if (args.specifier !== undefined && e.imports.length === 0) {
    throw new UsageError(`${rel} has no import of "${args.specifier}". Its imports: ${session?.explain(rel)?.imports.map((i) => i.specifier).join(', ') || '(none)'}.`);
  }
  for (const i of e.imports) {
    const verdict = i.allowed ? p.green('allowed') : p.red('not allowed');
    out.push('', `  ${p.dim(`${i.range.start.line}:${i.range.start.column}`)} "${i.specifier}" → ${i.resolution}${i.targetModule ? ` (${i.targetModule})` : ''}: ${verdict}`);
    for (const reason of i.reasons) out.push(`      ${reason}`);
  }
  return { output: `${out.join('\n')}\n`, exitCode: EXIT_OK };
}
