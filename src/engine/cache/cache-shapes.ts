/**
 * A cache file can be edited and its checksums recomputed (or written by a buggy build of the same
 * version): what is taken from it is checked for the shape the engine relies on, and anything
 * else is a miss, never a crash later on.
 */

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isArrayOf = (v: unknown, item: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(item);
const isString = (v: unknown): boolean => typeof v === 'string';
const isPosition = (v: unknown): boolean => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.column);
const isRange = (v: unknown): boolean => isObject(v) && isPosition(v.start) && isPosition(v.end);

function isImportFact(v: unknown): boolean {
  return isObject(v) && isString(v.specifier) && isString(v.kind) && typeof v.typeOnly === 'boolean' && isRange(v.range)
    && isArrayOf(v.names, (n) => isObject(n) && isString(n.imported) && isString(n.local))
    && (v.mode === undefined || v.mode === 'import' || v.mode === 'require');
}

function isResolution(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.kind === 'file') return isString(v.file);
  if (v.kind === 'external') return isString(v.packageName);
  return v.kind === 'unresolved';
}

/** The stored facts of one file, as `IndexedFile` minus its name. */
export function isCachedFileData(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.facts)) return false;
  const { facts } = v;
  return isArrayOf(facts.imports, isImportFact)
    && isArrayOf(facts.localExports, isString)
    && isArrayOf(facts.reExports, (r) => isObject(r) && isString(r.exported) && isString(r.imported) && Number.isInteger(r.importIndex))
    && isArrayOf(facts.starExports, Number.isInteger)
    && (facts.database === undefined || (isObject(facts.database) && Array.isArray(facts.database.references) && Array.isArray(facts.database.declarations)))
    && isArrayOf(v.resolutions, isResolution)
    && (v.resolutions as unknown[]).length === (facts.imports as unknown[]).length
    && Array.isArray(v.ignores);
}

/** A stored result, as far as reporters and the session read it. */
export function isCheckResult(v: unknown): boolean {
  return isObject(v) && isObject(v.summary) && isString(v.root) && isString(v.config)
    && isArrayOf(v.violations, (x) => isObject(x) && isString(x.rule) && isString(x.file) && isRange(x.range) && isString(x.message))
    && isArrayOf(v.diagnostics, (x) => isObject(x) && isString(x.file) && isRange(x.range) && isString(x.message))
    && Array.isArray(v.modules) && Array.isArray(v.dependencies) && Array.isArray(v.unresolved);
}
