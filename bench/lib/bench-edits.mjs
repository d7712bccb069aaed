import * as path from 'node:path';

/**
 * The i-th of `count` bench edits: a file and the specifier of the file it starts importing, both
 * spread evenly over the workspace, so that the new import usually crosses a module boundary.
 * `files`: the workspace files that import something, sorted.
 */
export function benchEdit(files, i, count) {
  const file = files[Math.floor((i * files.length) / count)];
  const target = files[(Math.floor((i * files.length) / count) + Math.floor(files.length / 2) + i) % files.length];
  let specifier = path.posix.relative(path.posix.dirname(file), target).replace(/\.[cm]?[jt]sx?$/, '');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return { file, specifier };
}
