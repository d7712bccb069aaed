import { ts } from 'ts-morph';
import type { CodeStyle } from './code-style';
import { scriptKind } from './import-statement';

/** A name to re-export: `displayName` or `default as User`. */
export interface Addition {
  element: string;
  typeOnly: boolean;
}

export interface TextInsertion {
  offset: number;
  text: string;
}

/**
 * Where and what to insert into a public file so it re-exports `additions` from `specifier`:
 * into an `export { … } from` of the same file when there is one (values into a value export,
 * types into an `export type` or, where the file already writes `type` inline, inline), else as
 * new statements after the file's last import/export declaration (or at its end).
 * `leadsToTarget` tells whether a specifier written in the public file reaches the same file.
 */
export function reExportInsertions(
  fileName: string,
  text: string,
  additions: readonly Addition[],
  specifier: string,
  style: CodeStyle,
  leadsToTarget: (specifier: string) => boolean,
): TextInsertion[] {
  const sf = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(fileName));
  const sameTarget = sf.statements.filter((s): s is ts.ExportDeclaration & { exportClause: ts.NamedExports } =>
    ts.isExportDeclaration(s) && !!s.exportClause && ts.isNamedExports(s.exportClause) && !!s.moduleSpecifier
    && ts.isStringLiteral(s.moduleSpecifier) && leadsToTarget(s.moduleSpecifier.text));
  const valueExport = sameTarget.find((s) => !s.isTypeOnly);
  const typeExport = sameTarget.find((s) => s.isTypeOnly);
  const inlineTypes = !!valueExport?.exportClause.elements.some((e) => e.isTypeOnly);

  const insertions: TextInsertion[] = [];
  const values = additions.filter((a) => !a.typeOnly).map((a) => a.element);
  const types = additions.filter((a) => a.typeOnly).map((a) => a.element);
  const fresh: string[] = [];
  const q = style.quote;
  const end = style.semicolon ? ';' : '';
  if (values.length > 0) {
    const inline = inlineTypes ? [...values, ...types.map((t) => `type ${t}`)] : values;
    if (valueExport) insertions.push(appendElements(text, valueExport.exportClause, inline, sf));
    else fresh.push(`export { ${(inline).join(', ')} } from ${q}${specifier}${q}${end}`);
  }
  if (types.length > 0 && !(values.length > 0 && inlineTypes)) {
    if (typeExport) insertions.push(appendElements(text, typeExport.exportClause, types, sf));
    else if (valueExport && inlineTypes) insertions.push(appendElements(text, valueExport.exportClause, types.map((t) => `type ${t}`), sf));
    else fresh.push(`export type { ${types.join(', ')} } from ${q}${specifier}${q}${end}`);
  }
  if (fresh.length > 0) insertions.push(newStatements(text, sf, fresh, style.eol));
  return insertions;
}

/** `, a, b` after the last element of `{ … }`, on its own line when the list is written one per line. */
function appendElements(text: string, clause: ts.NamedExports, elements: string[], sf: ts.SourceFile): TextInsertion {
  const last = clause.elements[clause.elements.length - 1];
  if (!last) return { offset: clause.getStart(sf) + 1, text: ` ${elements.join(', ')} ` };
  const multiline = text.slice(clause.getStart(sf), last.getEnd()).includes('\n');
  if (!multiline) return { offset: last.getEnd(), text: elements.map((e) => `, ${e}`).join('') };
  const lineStart = text.lastIndexOf('\n', last.getStart(sf) - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset: last.getEnd(), text: elements.map((e) => `,${eol}${indent}${e}`).join('') };
}

/** After the line ending the last import/export declaration, else at the end of the file. */
function newStatements(text: string, sf: ts.SourceFile, statements: string[], eol: string): TextInsertion {
  const declarations = sf.statements.filter((s) => ts.isImportDeclaration(s) || (ts.isExportDeclaration(s) && !!s.moduleSpecifier));
  const last = declarations[declarations.length - 1];
  const body = statements.join(eol);
  if (last) {
    const lineEnd = text.slice(last.getEnd()).search(/\r\n|\r|\n/);
    if (lineEnd >= 0) {
      const offset = last.getEnd() + lineEnd + (text.startsWith('\r\n', last.getEnd() + lineEnd) ? 2 : 1);
      return { offset, text: body + eol };
    }
  }
  if (text.length === 0) return { offset: 0, text: body + eol };
  const endsWithBreak = /[\r\n]$/.test(text);
  return { offset: text.length, text: endsWithBreak ? body + eol : eol + body };
}
