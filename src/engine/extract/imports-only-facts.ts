import { ts } from './typescript-scanner';
import { LineIndex } from '../model';
import type { FileFacts } from './file-facts';

/**
 * The imports of a file TypeScript's parser cannot take (it recurses per nesting level, so a few
 * thousand nested brackets exhaust the stack), read by its pre-processor, which only scans tokens:
 * `import`/`export … from`, `import(…)` and `require(…)` specifiers. Exports, names and database
 * facts are not known, so re-exports through the file are not traced.
 */
export function importsOnlyFacts(text: string): FileFacts {
  const lines = new LineIndex(text, { unicodeSeparators: true });
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return {
    imports: importedFiles.map((f) => {
      // `pos` is the opening quote; `end` counts the name only. The range spans both quotes, as
      // every other fact's range does.
      const close = text.indexOf(text[f.pos], f.pos + 1);
      return { specifier: f.fileName, kind: 'import' as const, typeOnly: false, range: lines.range(f.pos, close < 0 ? f.end : close + 1), names: [] };
    }),
    localExports: [],
    reExports: [],
    starExports: [],
  };
}
