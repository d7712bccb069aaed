import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, draftForeignMap, draftModuleMap, ForeignConfigError, FOREIGN_TOOLS, foreignToolNamed, writeFileAtomic, type DraftModuleMap } from '../../engine';
import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { printable } from '../escape/terminal-text';
import { EXIT_OK, EXIT_USAGE } from '../exit-code';
import type { Terminal } from '../terminal';
import type { CommandOutcome } from './command-outcome';

/**
 * `bulkhead init`: infers a starting bulkhead.json, prints what it found and why, and what the
 * first check will report; prints the map, or writes it (only when it loads without errors).
 * With --from, the map is another tool's configuration translated, and the report lists what
 * could not be.
 */
export function initCommand(args: CliArgs, _terminal: Terminal, cwd: string): CommandOutcome {
  const root = path.resolve(cwd, args.path);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`No such folder: ${args.path}`);
  const target = path.join(root, CONFIG_FILE_NAME);
  const shown = path.relative(cwd, target) || CONFIG_FILE_NAME;
  if (args.write && fs.existsSync(target) && !args.force) {
    throw new UsageError(`${shown} already exists; pass --force to overwrite it, or run without --write to print the inferred map.`);
  }
  let draft: DraftModuleMap;
  let report: string;
  if (args.from !== undefined) {
    const tool = foreignToolNamed(args.from);
    if (!tool) throw new UsageError(`--from: unknown tool "${args.from}". Known: ${FOREIGN_TOOLS.join(', ')}.`);
    try {
      const foreign = draftForeignMap(root, tool, { trust: args.trust });
      draft = foreign;
      const untranslated = foreign.untranslated.length === 0 ? ['bulkhead init: not translated: nothing.'] : [`bulkhead init: not translated (${foreign.untranslated.length}):`, ...foreign.untranslated.map((u) => `  - ${u}`)];
      // Rule names, patterns and file names come from the repository: shown escaped, line by line.
      report = [`bulkhead init: read ${foreign.source}.`, ...foreign.notes.map((n) => `bulkhead init: ${n}`), ...untranslated, `bulkhead init: ${firstCheck(draft)}`].map(printable).join('\n');
    } catch (err) {
      // The other tool's config is missing, malformed or may not be run: say where, no stack.
      if (err instanceof ForeignConfigError) return { output: '', errorOutput: `bulkhead init: ${err.message.split('\n').map(printable).join('\n')}\n`, exitCode: EXIT_USAGE };
      throw err;
    }
  } else {
    draft = draftModuleMap(root, 'Inferred by `bulkhead init`:');
    report = [...draft.notes.map((n) => `bulkhead init: ${n}`), `bulkhead init: ${firstCheck(draft)}`].join('\n');
  }
  if (draft.problems.length > 0) {
    const why = draft.problems.map((p) => `  ${p}`).join('\n');
    return { output: args.write ? '' : draft.text, errorOutput: `${report}\nbulkhead init: the inferred map does not load${args.write ? `, so ${shown} was not written` : ''}:\n${why}\n`, exitCode: EXIT_USAGE };
  }
  if (args.write) {
    writeFileAtomic(target, draft.text);
    return { output: `${report}\nWrote ${shown} with ${draft.modules} module${draft.modules === 1 ? '' : 's'}. Run "bulkhead check" next.\n`, exitCode: EXIT_OK };
  }
  return { output: draft.text, errorOutput: `${report}\n`, exitCode: EXIT_OK };
}

function firstCheck(draft: DraftModuleMap): string {
  const byRule = Object.entries(draft.findings).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = byRule.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return 'The first check will report no findings.';
  return `The first check will report ${total} finding${total === 1 ? '' : 's'}: ${byRule.map(([rule, n]) => `${n} ${rule}`).join(', ')}.`;
}
