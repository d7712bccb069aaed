import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The command line of an experiment script: one workspace folder (default `.`) and `--name N`
 * numeric options.
 */
export function experimentArgs(argv = process.argv.slice(2)) {
  const root = path.resolve(argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? '.');
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return { root, option };
}

/** The files under `root` whose names match `pattern`, absolute, walked in directory order; `node_modules` and dot folders left out. */
export function sourceFilesUnder(root, pattern) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  return files;
}
