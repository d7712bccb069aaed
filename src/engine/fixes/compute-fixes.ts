import type { FileIndex } from '../analyze';
import type { ModuleMap } from '../map';
import type { Violation } from '../model';
import { addDependencyFix } from './add-dependency-fix';
import type { Fix } from './fix';
import { ignoreCommentFix } from './ignore-comment-fix';
import { publicApiFix } from './public-api-fix';

export interface FixContext {
  index: FileIndex;
  map: ModuleMap;
  /** Workspace-relative config path. */
  configFile: string;
  /** Declared module names by declaration index (to tell placeholder declarations). */
  declarationName(declarationIndex: number): string | undefined;
  /** Current text of a workspace-relative file (open buffer first, else disk). */
  readText(file: string): string | undefined;
  resolve(specifier: string, fromFile: string): string | undefined;
}

/** Every fix Bulkhead knows for one violation, best first. */
export function computeFixes(violation: Violation, context: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (violation.rule === 'internal-import') {
    const fix = publicApiFix({ violation, ...context }) ?? exportFix().exportFromPublicApiFix({ violation, ...context });
    if (fix) fixes.push(fix);
  }
  if (violation.rule === 'undeclared-dependency' && violation.sourceModule && violation.targetModule) {
    const source = context.map.modules.get(violation.sourceModule);
    const configText = context.readText(context.configFile);
    const declarationName = source && context.declarationName(source.declarationIndex);
    if (source && configText !== undefined && declarationName !== undefined) {
      const fix = addDependencyFix({
        configText, configFile: context.configFile, declarationIndex: source.declarationIndex, declarationName,
        sourceModule: source.name, targetModule: violation.targetModule,
      });
      if (fix) fixes.push(fix);
    }
  }
  const text = violation.range.start.line > 0 && context.readText(violation.file);
  if (text !== undefined && text !== false && !['unowned-file', 'ignore-comment', 'unused-ignore'].includes(violation.rule)) {
    const lineText = text.split(/\r\n|\r|\n/)[violation.range.start.line - 1] ?? '';
    fixes.push(ignoreCommentFix(violation, lineText));
  }
  return fixes;
}

/** Required on first use: it parses with TypeScript, which a CLI run answered from the cache never loads. */
function exportFix(): typeof import('./export-from-public-api-fix') {
  return require('./export-from-public-api-fix') as typeof import('./export-from-public-api-fix');
}
