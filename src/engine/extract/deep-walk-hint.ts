/**
 * Cheap test on the raw text: only files that can contain an `import(…)` or `require(…)` call
 * need their whole syntax tree walked (both the full parse and the scanner fast path rely on it).
 */
export const NEEDS_DEEP_WALK = /\bimport\s*\(|\brequire\s*\(/;
