import { applyEdits, findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { LineIndex } from '../model';
import type { Fix, FileEdit } from './fix';

export interface AddDependencyInput {
  /** Current text of the config file (an unsaved buffer when there is one). */
  configText: string;
  /** Workspace-relative config path. */
  configFile: string;
  /** Index of the importing module's declaration in `modules`. */
  declarationIndex: number;
  /** Name of the declaration (may hold placeholders such as `<name>`). */
  declarationName: string;
  sourceModule: string;
  targetModule: string;
}

/**
 * Appends `targetModule` to the `dependsOn` of the importing module's declaration. The edit is
 * one insertion (jsonc-parser's `modify` would re-format the whole declaration), so comments,
 * one-line declarations and the rest of bulkhead.json stay exactly as they were.
 */
export function addDependencyFix(input: AddDependencyInput): Fix | undefined {
  const { configText, declarationIndex, targetModule } = input;
  const tree = parseTree(configText);
  const declaration = tree && findNodeAtLocation(tree, ['modules', declarationIndex]);
  if (!declaration || declaration.type !== 'object') return undefined;
  const dependsOn = findNodeAtLocation(declaration, ['dependsOn']);
  const insertion = dependsOn ? appendToArray(configText, dependsOn, JSON.stringify(targetModule)) : addProperty(configText, declaration, `"dependsOn": [${JSON.stringify(targetModule)}]`);
  if (!insertion) return undefined;
  const lines = new LineIndex(configText);
  const edit: FileEdit = { file: input.configFile, range: lines.range(insertion.offset, insertion.offset), newText: insertion.text };
  const template = input.declarationName !== input.sourceModule;
  return {
    kind: 'add-dependency',
    rule: 'undeclared-dependency',
    title: template
      ? `Allow every module of "${input.declarationName}" to depend on "${targetModule}" (add to dependsOn in ${input.configFile})`
      : `Allow "${input.sourceModule}" to depend on "${targetModule}" (add to dependsOn in ${input.configFile})`,
    edits: [edit],
  };
}

interface Insertion {
  offset: number;
  text: string;
}

function appendToArray(text: string, array: Node, value: string): Insertion | undefined {
  if (array.type !== 'array') return undefined;
  const items = array.children ?? [];
  const last = items[items.length - 1];
  if (!last) return { offset: array.offset + 1, text: value };
  const lastEnd = last.offset + last.length;
  const multiline = text.slice(array.offset, lastEnd).includes('\n');
  return { offset: lastEnd, text: multiline ? `,${eol(text)}${indentOf(text, last.offset)}${value}` : `, ${value}` };
}

function addProperty(text: string, object: Node, property: string): Insertion | undefined {
  const props = object.children ?? [];
  const last = props[props.length - 1];
  if (!last) return { offset: object.offset + 1, text: ` ${property} ` };
  const lastEnd = last.offset + last.length;
  const multiline = text.slice(object.offset, lastEnd).includes('\n');
  return { offset: lastEnd, text: multiline ? `,${eol(text)}${indentOf(text, last.offset)}${property}` : `, ${property}` };
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The text after applying edits (ranges of the original text); for tests and writers outside an editor. */
export function applyFileEdits(text: string, edits: readonly FileEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length, 0) + column - 1;
  return applyEdits(text, edits.map((e) => {
    const start = offset(e.range.start.line, e.range.start.column);
    return { offset: start, length: offset(e.range.end.line, e.range.end.column) - start, content: e.newText };
  }));
}
