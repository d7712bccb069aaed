import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import { LineIndex } from '../model/text-position';
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
 * Appends `targetModule` to the `dependsOn` of the importing module's declaration with a minimal
 * edit, so comments and formatting elsewhere in bulkhead.json survive.
 */
export function addDependencyFix(input: AddDependencyInput): Fix | undefined {
  const { configText, declarationIndex, targetModule } = input;
  const tree = parseTree(configText);
  const declaration = tree && findNodeAtLocation(tree, ['modules', declarationIndex]);
  if (!declaration || declaration.type !== 'object') return undefined;
  const dependsOn = findNodeAtLocation(declaration, ['dependsOn']);
  if (dependsOn && dependsOn.type !== 'array') return undefined;
  const formattingOptions = detectFormatting(configText);
  const edits = dependsOn
    ? modify(configText, ['modules', declarationIndex, 'dependsOn', -1], targetModule, { formattingOptions, isArrayInsertion: true })
    : modify(configText, ['modules', declarationIndex, 'dependsOn'], [targetModule], { formattingOptions });
  if (edits.length === 0) return undefined;
  const lines = new LineIndex(configText);
  const fileEdits: FileEdit[] = edits.map((e) => ({ file: input.configFile, range: lines.range(e.offset, e.offset + e.length), newText: e.content }));
  const template = input.declarationName !== input.sourceModule;
  return {
    kind: 'add-dependency',
    rule: 'undeclared-dependency',
    title: template
      ? `Allow every module of "${input.declarationName}" to depend on "${targetModule}" (add to dependsOn in ${input.configFile})`
      : `Allow "${input.sourceModule}" to depend on "${targetModule}" (add to dependsOn in ${input.configFile})`,
    edits: fileEdits,
  };
}

/** The new text of the config after the fix; for tests and for writers outside an editor. */
export function applyFileEdits(text: string, edits: readonly FileEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length, 0) + column - 1;
  return applyEdits(text, edits.map((e) => {
    const start = offset(e.range.start.line, e.range.start.column);
    return { offset: start, length: offset(e.range.end.line, e.range.end.column) - start, content: e.newText };
  }));
}

function detectFormatting(text: string): FormattingOptions {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indented.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indented.length, eol };
}
