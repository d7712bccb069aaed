import { checkstyleReporter } from '../reporters/checkstyle';
import { gitlabReporter } from '../reporters/gitlab';
import * as path from 'node:path';
import { BaselineError, compareWithBaseline, readBaseline, shrinkBaseline, writeBaseline, type CheckResult } from '../../engine';
import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { baselineFileFor } from '../baseline-file';
import { changedFilesSince } from '../changed-files';
import { diffSince } from '../graph-diff/since';
import { EXIT_VIOLATIONS, exitCodeOf, hasConfigErrors } from '../exit-code';
import { violationsForChangedFiles, withViolations } from '../narrow-result';
import { githubReporter } from '../reporters/github';
import { jsonReporter } from '../reporters/json';
import { junitReporter } from '../reporters/junit';
import { markdownReporter } from '../reporters/markdown';
import type { Reporter } from '../reporters/reporter';
import { sarifReporter } from '../reporters/sarif';
import { textReporter } from '../reporters/text';
import type { Terminal } from '../terminal';
import type { CommandOutcome } from './command-outcome';
import { runCheck } from './run-check';

const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  github: githubReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  gitlab: gitlabReporter,
  checkstyle: checkstyleReporter,
};

export function checkCommand(args: CliArgs, terminal: Terminal, cwd: string): CommandOutcome {
  const reporter = REPORTERS[args.format ?? 'text'];
  if (!reporter) throw new UsageError(`Unknown format "${args.format}" for check. Formats: ${Object.keys(REPORTERS).join(', ')}.`);
  if (args.since !== undefined && reporter !== markdownReporter) throw new UsageError('check --since adds the module graph diff to the markdown report: use it with --format markdown (or run bulkhead graph --since).');
  const { result: full, session, configFile } = runCheck(args, terminal, cwd);
  let result = full;
  if (args.changedSince !== undefined && !hasConfigErrors(result)) {
    const changed = changedFilesSince(result.root, args.changedSince);
    result = { ...withViolations(result, violationsForChangedFiles(result, changed, session)), changedSince: { ref: args.changedSince, files: changed.size } };
  }
  if (args.baseline && !hasConfigErrors(result)) result = applyBaseline(result, args, cwd);
  if (args.quiet) result = withViolations(result, result.violations.filter((v) => v.severity === 'error'));
  let exitCode = exitCodeOf(result);
  if (exitCode === 0 && args.maxWarnings !== undefined && result.summary.warnings > args.maxWarnings) exitCode = EXIT_VIOLATIONS;
  const diff = args.since !== undefined && !hasConfigErrors(full) ? diffSince(args.since, full, configFile) : undefined;
  let output = reporter(result, { color: terminal.color, cwd, diff });
  if (exitCode === EXIT_VIOLATIONS && result.summary.errors === 0 && reporter === textReporter) {
    output += `Too many warnings: ${result.summary.warnings} > --max-warnings ${args.maxWarnings}.\n`;
  }
  return { output, exitCode };
}

function applyBaseline(result: CheckResult, args: CliArgs, cwd: string): CheckResult {
  const file = baselineFileFor(args, result, cwd);
  let baseline;
  try {
    baseline = readBaseline(file);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(err.message);
    throw err;
  }
  const comparison = compareWithBaseline(result.violations, baseline);
  const updated = args.updateBaseline && comparison.fixed.length > 0;
  if (updated) writeBaseline(file, shrinkBaseline(baseline, comparison));
  return {
    ...withViolations(result, comparison.fresh),
    baseline: { file: path.relative(result.root, file).split(path.sep).join('/'), known: comparison.known, fixed: comparison.fixed, updated },
  };
}
