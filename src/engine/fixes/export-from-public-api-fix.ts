import { type FileIndex, ReExportTracer } from '../analyze';
import type { ModuleMap } from '../map';
import { type Violation, LineIndex } from '../model';
import { codeStyle } from './code-style';
import type { Fix, FileEdit } from './fix';
import { importStatementAt, type Binding } from './import-statement';
import { publicFilePlan } from './public-file-plan';
import { publicExport } from './public-export';
import { reExportInsertions, type Addition, type TextInsertion } from './re-export-edit';
import { declarationSpaceThrough } from './declaration-space-through';
import { specifierCandidates } from './specifier-candidates';

export interface ExportFromPublicApiInput {
  violation: Violation;
  index: FileIndex;
  map: ModuleMap;
  /** Current text of a workspace-relative file (open buffer first, else disk); undefined when it does not exist. */
  readText(file: string): string | undefined;
  /** Where `specifier` written in `fromFile` leads (workspace-relative), as the checker resolves it. */
  resolve(specifier: string, fromFile: string): string | undefined;
}

/**
 * For an internal import whose names the target module's public file does not export: re-exports
 * them there (creating the file when the module's `public` patterns allow one) and points the
 * import at it, as one edit. Offered only when the result means the same code: no namespace or
 * side-effect import, no name that the public file already exports as something else, no
 * `export *` whose names cannot be known. The public file belongs to another module, so its edit
 * asks for confirmation.
 */
export function exportFromPublicApiFix({ violation, index, map, readText, resolve }: ExportFromPublicApiInput): Fix | undefined {
  const importer = index.get(violation.file);
  const target = violation.targetModule ? map.modules.get(violation.targetModule) : undefined;
  if (!importer || !target) return undefined;
  const i = importer.facts.imports.findIndex((f) => f.specifier === violation.specifier && f.range.start.line === violation.range.start.line && f.range.start.column === violation.range.start.column);
  const fact = importer.facts.imports[i];
  const resolution = importer.resolutions[i];
  if (!fact || resolution?.kind !== 'file' || (fact.kind !== 'import' && fact.kind !== 'export')) return undefined;
  const importerText = readText(violation.file);
  const statement = importerText === undefined ? undefined : importStatementAt(violation.file, importerText, fact.range.start);
  if (importerText === undefined || !statement || statement.namespace || statement.bindings.length === 0) return undefined;

  const internal = resolution.file;
  const plan = publicFilePlan(index, map, target, internal, (f) => readText(f) !== undefined);
  const apiText = plan && (plan.create ? '' : readText(plan.file));
  if (!plan || apiText === undefined) return undefined;
  const api = plan.file;

  const tracer = new ReExportTracer(index);
  const additions: Addition[] = [];
  const added = new Set<string>();
  for (const binding of statement.bindings) {
    const name = publicName(binding);
    if (name === 'default') return undefined; // `export { default } from`: would give the module a default export
    const existing = publicExport(index, tracer, api, name);
    if (existing.kind === 'unknown') return undefined;
    if (existing.kind === 'exported') {
      const same = binding.imported === 'default'
        ? existing.directFrom?.file === internal && existing.directFrom.imported === 'default'
        : sameOrigins(existing.origins, tracer.origins(internal, binding.imported).map((o) => o.file));
      if (!same) return undefined; // the public API already uses this name for something else
      continue;
    }
    if (added.has(name)) return undefined;
    added.add(name);
    const space = declarationSpaceThrough(index, readText, internal, binding.imported) ?? (binding.typeOnly ? 'type' : undefined);
    if (!space) return undefined;
    additions.push({ element: binding.imported === name ? name : `${binding.imported} as ${name}`, typeOnly: space === 'type' });
  }
  // Nothing to add: "Import from the public API" covers it.
  if (additions.length === 0) return undefined;
  if (/\.[cm]?jsx?$/.test(api) && additions.some((a) => a.typeOnly)) return undefined;

  const style = codeStyle({ entry: index.get(api), text: apiText }, { entry: importer, text: importerText });
  const sample = style.extension ? './x.js' : './x';
  const reExportSpecifier = specifierCandidates(sample, internal, api, internal).find((s) => resolve(s, api) === internal);
  const importSpecifier = specifierCandidates(fact.specifier, internal, violation.file, api)
    .find((s) => (plan.create ? resolve(s, violation.file) === undefined : resolve(s, violation.file) === api));
  if (!reExportSpecifier || !importSpecifier) return undefined;

  const insertions = reExportInsertions(api, apiText, additions, reExportSpecifier, style, (s) => resolve(s, api) === internal);
  const confirm = `Changes the public API of module "${target.name}" (${api})`;
  const apiEdits: FileEdit[] = plan.create
    ? [{ file: api, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, newText: insertions.map((s) => s.text).join(''), createFile: true, confirm }]
    : insertions.map((s) => ({ ...insertionEdit(api, apiText, s), confirm }));

  const lines = new LineIndex(importerText);
  const importerEdits: FileEdit[] = [];
  if (statement.clause && statement.bindings.some((b) => b.imported === 'default')) {
    // `import User from` becomes `import { User } from`: the public file exports it by that name
    const elements = statement.bindings.map((b) => `${b.typeOnly && !statement.typeOnly ? 'type ' : ''}${publicName(b) === b.local ? b.local : `${publicName(b)} as ${b.local}`}`);
    importerEdits.push({ file: violation.file, range: lines.range(statement.clause.start, statement.clause.end), newText: `{ ${elements.join(', ')} }` });
  }
  importerEdits.push({ file: violation.file, range: lines.range(statement.specifier.start + 1, statement.specifier.end - 1), newText: importSpecifier });

  const names = additions.map((a) => a.element.replace(/^.* as /, '')).join(', ');
  return {
    kind: 'export-from-public-api',
    rule: violation.rule,
    title: plan.create
      ? `Export from the public API: create ${api} exporting ${names}, and import from it ('${importSpecifier}')`
      : `Export from the public API: add ${names} to ${api}, and import from it ('${importSpecifier}')`,
    edits: [...importerEdits, ...apiEdits],
  };
}

/** The name the public file exports a binding by: its own name, or the local name of a default import. */
function publicName(binding: Binding): string {
  return binding.imported === 'default' ? binding.local : binding.imported;
}

function sameOrigins(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && a.every((f) => b.includes(f)) && b.every((f) => a.includes(f));
}

function insertionEdit(file: string, text: string, insertion: TextInsertion): FileEdit {
  const at = new LineIndex(text).position(insertion.offset);
  return { file, range: { start: at, end: at }, newText: insertion.text };
}
