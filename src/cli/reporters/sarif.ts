import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CATALOG, type Violation } from '../../engine';
import { relativeUri } from '../escape/uri-path';
import { hasConfigErrors } from '../exit-code';
import type { Reporter } from './reporter';

const SARIF_SCHEMA = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0 for code-scanning UIs: one run, rule metadata with help links, results located
 * relative to %SRCROOT%, and `partialFingerprints` so alerts follow code that moves.
 */
export const sarifReporter: Reporter = (result) => {
  const rules = RULE_CATALOG;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulkhead',
            version: result.tool.version,
            informationUri: 'https://github.com/bulkhead-dev/bulkhead',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: r.helpUri,
              help: { text: `See ${r.helpUri}` },
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : level(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(result.root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: !hasConfigErrors(result),
            toolConfigurationNotifications: result.diagnostics.map((d) => ({
              level: d.severity === 'info' ? 'note' : d.severity,
              descriptor: { id: d.code },
              message: { text: d.message },
              locations: [location(d.file, d.range)],
            })),
          },
        ],
        results: result.violations.map((v) => ({
          ruleId: v.rule,
          ruleIndex: ruleIndex.get(v.rule) ?? -1,
          level: level(v.severity),
          message: { text: v.message },
          locations: [location(v.file, v.range)],
          partialFingerprints: { 'bulkhead/v1': v.fingerprint },
          ...(v.related ? { relatedLocations: v.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: r.message } })) } : {}),
          properties: properties(v),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function level(severity: string): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

function location(file: string, range: Violation['range']) {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file.split(path.sep).join('/')), uriBaseId: '%SRCROOT%' },
      region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
    },
  };
}

function properties(v: Violation): Record<string, string> {
  const props: Record<string, string> = {};
  if (v.sourceModule) props.sourceModule = v.sourceModule;
  if (v.targetModule) props.targetModule = v.targetModule;
  if (v.specifier) props.specifier = v.specifier;
  return props;
}

