import * as fs from 'node:fs';
import * as path from 'node:path';
import ignoreFactory from 'ignore';
import { compileGlob, globTester, posixGlob } from '../glob';
import { INPUT_LIMITS, readRegularText } from '../io';
import { type InputDiagnostic, FILE_START } from '../model';

/** Code files, and the components whose `<script>` blocks hold code (see extract/embedded-scripts.ts). */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte', '.astro'];
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages']);

export interface DiscoveryOptions {
  include?: string[];
  ignore?: string[];
}

export interface Discovery {
  /** Workspace-relative, `/`-separated, sorted. */
  files: string[];
  /** Workspace-relative paths of package.json files (for workspace packages). */
  packageJsons: string[];
  /** Workspace-relative paths of tsconfig*.json / jsconfig.json files (what resolution depends on). */
  tsconfigs: string[];
  /** Workspace-relative paths of the symlinks that lead into the workspace (not followed). */
  links: string[];
  diagnostics: InputDiagnostic[];
}

/**
 * Lists the source files of a workspace by their real paths (symlinks are not followed), and
 * skips what git ignores at the root.
 */
export function findSourceFiles(root: string, options: DiscoveryOptions = {}): Discovery {
  const diagnostics: InputDiagnostic[] = [];
  const includes = compileGlobs(options.include);
  const ignores = ignoreList(options.ignore);
  const gitignore = readGitignore(root, diagnostics);
  const files: string[] = [];
  const packageJsons: string[] = [];
  const tsconfigs: string[] = [];
  const links: string[] = [];
  const realRoot = safeRealpath(root) ?? root;

  const isIgnored = ignoredBy(gitignore, ignores);

  // Links are not followed (below), so no folder is reached twice and none needs its real path:
  // resolving each one cost an lstat per path segment (0.3 s of medusa's 9,234 folders).
  const walk = (absDir: string, relDir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (err) {
      diagnostics.push(notice(relDir || '.', `skipped: cannot read the folder (${errorCode(err)}); its files are not checked`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const undecodable = entries.some((e) => e.name.includes('\uFFFD')) ? namesNotUtf8(absDir) : undefined;
    for (const entry of entries) {
      if (undecodable?.has(entry.name)) {
        // Node hands out such a name decoded with U+FFFD, which opens nothing: the file, or every
        // file under the folder, would be left out without a word (TypeScript reads them).
        const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
        if (entry.isDirectory() || isSourceFile(entry.name)) {
          diagnostics.push({ file: rel, range: FILE_START, severity: 'warning', code: 'not-utf8-name', message: `skipped: the ${entry.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (shown with U+FFFD), so ${entry.isDirectory() ? 'the files under it are' : 'it is'} not checked` });
        }
        continue;
      }
      const abs = path.join(absDir, entry.name);
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      // A link is not followed. Outside the workspace it leads to files nobody asked to check;
      // inside, TypeScript knows the files by their real path (without preserveSymlinks) and
      // resolves imports through the link to it, so the walk lists them there, where it finds
      // them anyway: one file, one path, one module.
      if (entry.isSymbolicLink()) {
        const target = safeRealpath(abs);
        if (target && (target === realRoot || target.startsWith(realRoot + path.sep)) && !isIgnored(rel, false)) links.push(rel);
        continue;
      }
      const isDir = entry.isDirectory();
      const isFile = entry.isFile();
      if (isDir) {
        if (entry.name.startsWith('.') || ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(rel, true)) continue;
        walk(abs, rel);
      } else if (isFile && entry.name === 'package.json') {
        packageJsons.push(rel);
      } else if (isFile && /^(tsconfig.*|jsconfig)\.json$/.test(entry.name)) {
        tsconfigs.push(rel);
      } else if (isFile && isSourceFile(entry.name) && !isIgnored(rel, false)) {
        if (includes.length === 0 || includes.some((test) => test(rel))) files.push(rel);
      }
    }
  };
  walk(root, '');
  return { files, packageJsons, tsconfigs, links, diagnostics };
}

/** One `ignore` entry: a glob, or `!glob`, which takes back what earlier entries ignored. */
interface IgnoreEntry {
  negated: boolean;
  test: GlobTest;
  /** Whether something under this folder could match (minimatch's partial match). */
  mayMatchUnder(relDir: string): boolean;
}

function ignoreList(globs: string[] | undefined): IgnoreEntry[] {
  return (globs ?? []).map((written) => {
    const negated = written.startsWith('!');
    const m = compileGlob(posixGlob(negated ? written.slice(1) : written), {}, written);
    return { negated, test: globTester(m), mayMatchUnder: (relDir) => m.match(relDir, true) };
  });
}

/**
 * As in .gitignore, the last entry matching a path decides: `["**\/test/**", "!packages/test/**"]`
 * leaves out every test folder but packages/test. A folder is not walked when it is ignored and
 * no later negation could match anything under it.
 */
function ignoredBy(gitignore: ReturnType<typeof ignoreFactory> | undefined, ignores: IgnoreEntry[]): (rel: string, isDir: boolean) => boolean {
  const negations = ignores.some((e) => e.negated);
  return (rel, isDir) => {
    if (gitignore?.ignores(isDir ? `${rel}/` : rel)) return true;
    const matches = isDir ? (test: GlobTest) => test(rel) || test(`${rel}/`) : (test: GlobTest) => test(rel);
    if (!negations) return ignores.some((e) => matches(e.test));
    let ignored = false;
    let last = -1;
    ignores.forEach((e, i) => {
      // Only an entry that would change the answer so far needs testing.
      if (e.negated === ignored && matches(e.test)) {
        ignored = !e.negated;
        last = i;
      }
    });
    return ignored && !(isDir && ignores.some((e, i) => i > last && e.negated && e.mayMatchUnder(rel)));
  };
}

/**
 * The same decision as the walk, for one workspace-relative path (a file created or renamed in an
 * editor): is it a source file the scan would have listed?
 */
export function sourceFileFilter(root: string, options: DiscoveryOptions = {}): (rel: string) => boolean {
  const includes = compileGlobs(options.include);
  const isIgnored = ignoredBy(readGitignore(root), ignoreList(options.ignore));
  return (rel) => {
    const parts = rel.split('/');
    if (parts.some((p) => p === '' || p === '..')) return false;
    for (let i = 0; i < parts.length - 1; i++) {
      if (parts[i].startsWith('.') || ALWAYS_SKIPPED_DIRS.has(parts[i]) || isIgnored(parts.slice(0, i + 1).join('/'), true)) return false;
    }
    if (!isSourceFile(rel) || isIgnored(rel, false)) return false;
    return includes.length === 0 || includes.some((test) => test(rel));
  };
}

function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

type GlobTest = (rel: string) => boolean;

/** Config globs, with Windows separators and a leading `./` accepted. */
function compileGlobs(globs: string[] | undefined): GlobTest[] {
  return (globs ?? []).map((g) => globTester(compileGlob(posixGlob(g))));
}

function readGitignore(root: string, diagnostics: InputDiagnostic[] = []): ReturnType<typeof ignoreFactory> | undefined {
  try {
    return ignoreFactory().add(readRegularText(path.join(root, '.gitignore'), INPUT_LIMITS.config));
  } catch (err) {
    // Without it, files git ignores are checked too: say so rather than report them silently.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      diagnostics.push(notice('.gitignore', `cannot read the file (${errorCode(err)}); files it ignores are checked too`));
    }
    return undefined;
  }
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  // Our own refusals (read-regular-file) explain themselves; system errors are known by code.
  return code === 'ENOTREG' || code === 'EFBIG' ? (err as Error).message : code ?? (err as Error).message;
}

/** The names in a folder whose bytes are not valid UTF-8, as `readdir` decodes them. */
function namesNotUtf8(absDir: string): Set<string> {
  const names = new Set<string>();
  try {
    for (const raw of fs.readdirSync(absDir, { encoding: 'buffer' })) {
      const decoded = raw.toString('utf8');
      if (!Buffer.from(decoded, 'utf8').equals(raw)) names.add(decoded);
    }
  } catch {
    // The folder was just listed; if it cannot be listed again, its names pass as they are.
  }
  return names;
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function notice(file: string, message: string): InputDiagnostic {
  return { file, range: FILE_START, severity: 'warning', code: 'unreadable', message };
}
