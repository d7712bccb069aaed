import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { INPUT_LIMITS, readRegularText, type CheckResult } from '../engine';
import { pathToUri } from './paths';
import { SOURCE } from './to-diagnostics';

export const SCHEMA_NOT_FOUND = 'schema-not-found';

/**
 * A `"$schema"` in bulkhead.json wins over the schema the extension contributes (package.json
 * `jsonValidation`): VS Code's JSON service then loads only that file. When it names a local file
 * that does not exist (`./node_modules/bulkhead/...` without bulkhead installed), the editor has no
 * schema at all: no validation, no hover docs. Say so on the property, with a fix that removes it.
 */
export function withSchemaCheck(result: CheckResult, diagnostics: Map<string, Diagnostic[]>): Map<string, Diagnostic[]> {
  const configFile = path.join(result.root, result.config);
  let text: string;
  try {
    // bulkhead.json can be a link to a device (/dev/zero) in an untrusted repository
    text = readRegularText(configFile, INPUT_LIMITS.config);
  } catch {
    return diagnostics;
  }
  const found = missingSchema(configFile, text);
  if (!found) return diagnostics;
  const uri = pathToUri(configFile);
  const diagnostic: Diagnostic = {
    range: found.range,
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: SCHEMA_NOT_FOUND,
    message: `"$schema" points to ${found.value}, which does not exist, so the editor has no schema for this file (no validation, no hover docs). `
      + 'Remove "$schema": the Bulkhead extension provides the schema of bulkhead.json.',
    data: { removal: found.removal },
  };
  return new Map([...diagnostics, [uri, [...(diagnostics.get(uri) ?? []), diagnostic]]]);
}

/** The quick fix of a schema-not-found diagnostic: delete the property (the edit travels in `data`). */
export function schemaCodeActions(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const removal = (diagnostic.data as { removal?: TextEdit } | undefined)?.removal;
  if (diagnostic.code !== SCHEMA_NOT_FOUND || !removal) return [];
  return [{
    title: 'Remove "$schema" (use the schema of the Bulkhead extension)',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: [removal] } },
  }];
}

interface MissingSchema {
  value: string;
  range: Diagnostic['range'];
  removal: TextEdit;
}

export function missingSchema(configFile: string, text: string): MissingSchema | undefined {
  const match = /"\$schema"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.)*)"[ \t]*,?/.exec(text);
  if (!match) return undefined;
  const value = match[1];
  const target = localTarget(configFile, value);
  if (!target || fs.existsSync(target)) return undefined;
  const valueAt = match.index + match[0].indexOf('"', match[0].indexOf(':'));
  const start = offsetToPosition(text, valueAt);
  const end = offsetToPosition(text, valueAt + value.length + 2);
  // the whole line when the property is alone on it (as init writes it), else the property and its comma
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const rest = text.slice(match.index + match[0].length);
  const endsLine = /^[ \t]*(\r?\n|$)/.exec(rest);
  const alone = endsLine !== null && /^[ \t]*$/.test(text.slice(lineStart, match.index));
  const from = alone ? lineStart : match.index;
  const to = match.index + match[0].length + (alone ? endsLine?.[0].length ?? 0 : /^[ \t]*/.exec(rest)?.[0].length ?? 0);
  return { value, range: { start, end }, removal: { range: { start: offsetToPosition(text, from), end: offsetToPosition(text, to) }, newText: '' } };
}

/** The file a `$schema` value names, or undefined for a URL the editor fetches. */
function localTarget(configFile: string, value: string): string | undefined {
  if (value.startsWith('file:')) {
    try {
      return fileURLToPath(value);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(value) || value === '') return undefined;
  return path.resolve(path.dirname(configFile), value);
}

function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
