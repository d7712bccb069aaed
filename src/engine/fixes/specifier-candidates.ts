import * as path from 'node:path';

const SOURCE_EXT = /\.(?:d\.)?[cm]?[jt]sx?$/;
const JS_FOR_TS: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/**
 * Specifiers that could name `target` from `fromFile`, written in the style of `original` (relative
 * or through the same alias; with or without an extension), most natural first. All paths are
 * workspace-relative with `/`. The caller keeps the first one that really resolves to `target`.
 */
export function specifierCandidates(original: string, originalTarget: string, fromFile: string, target: string): string[] {
  const forms = targetForms(original, target);
  const candidates: string[] = [];
  if (!original.startsWith('.')) {
    const alias = aliasBase(original, originalTarget);
    if (alias) {
      for (const form of forms) {
        if (form === alias.folder) candidates.push(alias.prefix);
        else if (form.startsWith(`${alias.folder}/`)) candidates.push(`${alias.prefix}/${form.slice(alias.folder.length + 1)}`);
      }
    }
  }
  for (const form of forms) candidates.push(relative(path.posix.dirname(fromFile), form));
  return [...new Set(candidates)];
}

/** The ways to write `target` in the extension style of `original`: `dir` (index), `dir/index`, `file.js`. */
function targetForms(original: string, target: string): string[] {
  const ext = path.posix.extname(target);
  const bare = target.replace(SOURCE_EXT, '');
  if (SOURCE_EXT.test(original)) {
    const originalExt = path.posix.extname(original);
    return [bare + (originalExt.startsWith('.t') || originalExt.startsWith('.mt') || originalExt.startsWith('.ct') ? ext : JS_FOR_TS[ext] ?? ext)];
  }
  return path.posix.basename(bare) === 'index' ? [path.posix.dirname(bare), bare] : [bare];
}

/**
 * How an alias maps onto folders, learnt from one import: `@shop/users/domain/user` resolving to
 * `src/modules/users/domain/user.ts` means `@shop` stands for `src/modules`.
 */
function aliasBase(specifier: string, resolved: string): { prefix: string; folder: string } | undefined {
  const spec = specifier.replace(SOURCE_EXT, '').split('/');
  for (const form of targetForms(specifier, resolved)) {
    const file = form.replace(SOURCE_EXT, '').split('/');
    let common = 0;
    while (common < spec.length - 1 && common < file.length && spec[spec.length - 1 - common] === file[file.length - 1 - common]) common++;
    if (common === 0 || common === file.length) continue;
    return { prefix: spec.slice(0, spec.length - common).join('/'), folder: file.slice(0, file.length - common).join('/') };
  }
  return undefined;
}

function relative(fromDir: string, target: string): string {
  const rel = path.posix.relative(fromDir, target);
  if (rel === '') return '.';
  return rel.startsWith('.') ? rel : `./${rel}`;
}
