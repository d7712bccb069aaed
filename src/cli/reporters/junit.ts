import type { Violation } from '../../engine';
import { xmlText as xml } from '../escape/xml-text';
import type { Reporter } from './reporter';

/** JUnit XML for CI test dashboards: one suite per file with violations, one failing case per violation. */
export const junitReporter: Reporter = (result) => {
  const byFile = new Map<string, Violation[]>();
  for (const v of result.violations) byFile.set(v.file, [...(byFile.get(v.file) ?? []), v]);
  const total = result.violations.length;
  const failures = result.violations.filter((v) => v.severity === 'error').length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="bulkhead" tests="${Math.max(total, 1)}" failures="${failures}" errors="0" time="${(result.summary.durationMs / 1000).toFixed(3)}">`);
  if (total === 0) {
    out.push('  <testsuite name="bulkhead" tests="1" failures="0" errors="0">');
    out.push(`    <testcase classname="bulkhead" name="${xml(`${result.summary.files} files, ${result.summary.modules} modules: no boundary violations`)}"/>`);
    out.push('  </testsuite>');
  }
  for (const [file, violations] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const fileFailures = violations.filter((v) => v.severity === 'error').length;
    out.push(`  <testsuite name="${xml(file)}" tests="${violations.length}" failures="${fileFailures}" errors="0">`);
    for (const v of violations) {
      const name = `${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column}`;
      out.push(`    <testcase classname="bulkhead.${xml(v.rule)}" name="${xml(name)}">`);
      if (v.severity === 'error') out.push(`      <failure type="${xml(v.rule)}" message="${xml(v.message)}">${xml(`${name}\n${v.message}`)}</failure>`);
      else out.push(`      <system-out>${xml(`warning: ${v.message}`)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};
