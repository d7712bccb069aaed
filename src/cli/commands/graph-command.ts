import { modulePairKey } from '../../engine';
import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { EXIT_OK } from '../exit-code';
import { diffSince } from '../graph-diff/since';
import { graphDot } from '../graph-formats/graph-dot';
import { graphHtml } from '../graph-formats/graph-html';
import { graphJson } from '../graph-formats/graph-json';
import { graphMermaid } from '../graph-formats/graph-mermaid';
import type { Reporter } from '../reporters/reporter';
import type { Terminal } from '../terminal';
import { configErrorOutcome, type CommandOutcome } from './command-outcome';
import { runCheck } from './run-check';

const FORMATS: Record<string, Reporter> = { json: graphJson, dot: graphDot, mermaid: graphMermaid };
/** Formats that need the session (import sites per edge), not just the result. */
const SESSION_FORMATS = ['html'];

export function graphCommand(args: CliArgs, terminal: Terminal, cwd: string): CommandOutcome {
  const format = FORMATS[args.format ?? 'json'];
  const html = args.format === 'html';
  if (!format && !html) throw new UsageError(`Unknown format "${args.format}" for graph. Formats: ${[...Object.keys(FORMATS), ...SESSION_FORMATS].join(', ')}.`);
  const { result, session, configFile } = runCheck(args, terminal, cwd);
  const broken = configErrorOutcome(result, terminal, cwd);
  if (broken) return broken;
  const diff = args.since === undefined ? undefined : diffSince(args.since, result, configFile);
  if (html) {
    const sites = session?.allImportSites();
    return { output: graphHtml(result, (from, to) => sites?.get(modulePairKey(from, to)) ?? [], undefined, undefined, diff), exitCode: EXIT_OK };
  }
  return { output: format(result, { color: terminal.color, cwd, diff }), exitCode: EXIT_OK };
}
