import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { type InputDiagnostic, type Range, FILE_START, LineIndex } from '../model';
import type { CheckedConfig } from './config-types';
import { INPUT_LIMITS, readRegularText } from '../io';
import { configDiagnostic } from './config-diagnostics';
import { duplicateKeyDiagnostics } from './duplicate-keys';
import { validateConfigTree } from './validate-config';

export const CONFIG_FILE_NAME = 'bulkhead.json';

/** Where a value of the config sits in the file, for diagnostics that point at it. */
export interface ConfigLocator {
  readonly file: string;
  rangeOf(path: (string | number)[]): Range;
}

export interface LoadedConfig {
  /** Present unless the file is missing, unreadable or not JSON at all. */
  config?: CheckedConfig;
  diagnostics: InputDiagnostic[];
  locator: ConfigLocator;
  text: string;
}

/** `displayName` is the path used in diagnostics (relative to the workspace root). */
export function loadConfigFile(absFile: string, displayName: string): LoadedConfig {
  let text: string;
  try {
    text = readRegularText(absFile, INPUT_LIMITS.config);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'config-not-found' : 'config-unreadable';
    const message =
      code === 'config-not-found'
        ? `No ${CONFIG_FILE_NAME} found at ${displayName}. Create one (see docs/config.md) or pass --config.`
        : `Cannot read ${displayName}: ${(err as Error).message}`;
    return {
      diagnostics: [configDiagnostic(displayName, FILE_START, 'error', code, message)],
      locator: { file: displayName, rangeOf: () => FILE_START },
      text: '',
    };
  }
  return parseConfigText(text, displayName);
}

export function parseConfigText(withBom: string, displayName: string): LoadedConfig {
  // Editors on Windows save a UTF-8 byte order mark; it is not part of the JSON.
  const text = withBom.replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const locator = treeLocator(displayName, root, lines);
  const diagnostics = errors.map((e) =>
    configDiagnostic(
      displayName,
      lines.range(e.offset, e.offset + e.length),
      'error',
      'json-syntax',
      `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}`,
    ),
  );
  if (errors.length > 0 || !root) {
    if (!root && errors.length === 0) {
      diagnostics.push(configDiagnostic(displayName, FILE_START, 'error', 'json-syntax', `${displayName} is empty; expected an object with "modules".`));
    }
    return { diagnostics, locator, text };
  }
  const validation = validateConfigTree(root, (node) => lines.range(node.offset, node.offset + node.length), displayName);
  const duplicates = duplicateKeyDiagnostics(root, (node) => lines.range(node.offset, node.offset + node.length), displayName);
  return { config: validation.config, diagnostics: [...duplicates, ...validation.diagnostics], locator, text };
}

function treeLocator(file: string, root: Node | undefined, lines: LineIndex): ConfigLocator {
  return {
    file,
    rangeOf(path) {
      const node = root && findNodeAtLocation(root, path);
      return node ? lines.range(node.offset, node.offset + node.length) : FILE_START;
    },
  };
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    CommaExpected: 'a comma is missing before this token',
    ColonExpected: 'a colon is expected after the property name',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    CloseBraceExpected: 'a closing brace } is missing',
    CloseBracketExpected: 'a closing bracket ] is missing',
    EndOfFileExpected: 'unexpected content after the end of the JSON value',
    InvalidSymbol: 'invalid character',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    InvalidCommentToken: 'invalid comment',
  };
  return words[code] ?? code;
}
