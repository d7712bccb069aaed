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
