import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { applyFileEdits, type Fix } from '../../src/engine';

/** Writes a fix's edits to the workspace on disk, as an editor applying the workspace edit would. */
export function applyFixToDisk(root: string, fix: Fix): void {
  const files = [...new Set(fix.edits.map((e) => e.file))];
  for (const file of files) {
    const edits = fix.edits.filter((e) => e.file === file);
    const abs = path.join(root, file);
    if (edits.some((e) => e.createFile)) {
      if (fs.existsSync(abs)) throw new Error(`${file} exists: a fix must not overwrite it`);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, applyFileEdits('', edits));
    } else {
      fs.writeFileSync(abs, applyFileEdits(fs.readFileSync(abs, 'utf8'), edits));
    }
  }
}

/** TypeScript's errors for the workspace's tsconfig.json, one `file:line: message` each. */
export function typeErrors(root: string): string[] {
  const configFile = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
