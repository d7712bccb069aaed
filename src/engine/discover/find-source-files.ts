import * as fs from 'node:fs';
import * as path from 'node:path';
import ignoreFactory from 'ignore';
import { compileGlob, globTester, posixGlob } from '../glob';
import { INPUT_LIMITS, RACY_WINDOW_MS, readRegularText } from '../io';
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
 * What the walk took from one folder's listing, in listing order: subfolders to walk (`d`), source
 * files (`f`), a package.json (`p`), tsconfigs (`t`), links (`l`, whose targets are looked at on
 * every walk) and names that are not UTF-8 (`n`, `nd` for a folder).
 */
type FolderItem = ['d' | 'f' | 'p' | 't' | 'l' | 'n' | 'nd', string];

/** A folder's items, valid while its identity and times are those of `stamp` ([ino, mtimeMs, ctimeMs]). */
interface StoredFolder {
  stamp: [number, number, number];
  items: FolderItem[];
}

/** Every folder's items, for the same include/ignore settings and .gitignore (`key`), listed from `startedAt` on. */
export interface FolderListings {
  key: string;
  startedAt: number;
  folders: Record<string, StoredFolder>;
}

/**
 * The previous walk's listings (kept in the cache) and this walk's, for a walk that reads unchanged
 * folders from them: a folder's entries change only with its mtime and ctime (ctime cannot be set
 * back), so a folder with the same inode and times has the same listing. One changed 2 s before
 * the previous walk started or later is listed again, as the cache treats files that recent.
 */
export interface WalkMemo {
  /** As stored: checked before use. */
  previous?: unknown;
  /** Set by the walk. */
  next?: FolderListings;
  /** Set by the walk: folders read from `previous`. */
  reused?: number;
}

/**
 * Lists the source files of a workspace by their real paths (symlinks are not followed), and
 * skips what git ignores at the root. With a memo, unchanged folders are not listed again.
 */
export function findSourceFiles(root: string, options: DiscoveryOptions = {}, memo?: WalkMemo): Discovery {
  const walk = walkSourceFiles(root, options, memo);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

/**
 * findSourceFiles in steps, for a caller that must stay responsive (the language server): it
 * yields after each folder, with how many source files were found so far.
 */
export function* walkSourceFiles(root: string, options: DiscoveryOptions = {}, memo?: WalkMemo): Generator<number, Discovery, void> {
  const diagnostics: InputDiagnostic[] = [];
  const included = includedBy(options.include);
  const ignores = ignoreList(options.ignore);
  const { gitignore, text: gitignoreText } = readGitignore(root, diagnostics);
  const files: string[] = [];
  const packageJsons: string[] = [];
  const tsconfigs: string[] = [];
  const links: string[] = [];
  const realRoot = safeRealpath(root) ?? root;

  const isIgnored = ignoredBy(gitignore, ignores);
  const key = memo && JSON.stringify([options.include ?? [], options.ignore ?? [], gitignoreText ?? null]);
  const startedAt = Date.now();
  const stored = memo?.previous as Partial<FolderListings> | undefined;
  const usable = typeof stored === 'object' && stored !== null && stored.key === key && typeof stored.startedAt === 'number' && typeof stored.folders === 'object' && stored.folders !== null;
  const previous = usable ? stored.folders : undefined;
  const trustedBefore = usable ? stored.startedAt! - RACY_WINDOW_MS : 0;
  const next: Record<string, StoredFolder> = {};
  let reused = 0;

  /** A folder's items from its listing; undefined when it cannot be read. */
  const list = (absDir: string, relDir: string): FolderItem[] | undefined => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (err) {
      diagnostics.push(notice(relDir || '.', `skipped: cannot read the folder (${errorCode(err)}); its files are not checked`));
      return undefined;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const undecodable = entries.some((e) => e.name.includes('\uFFFD')) ? namesNotUtf8(absDir) : undefined;
    const items: FolderItem[] = [];
    for (const entry of entries) {
      if (undecodable?.has(entry.name)) {
        if (entry.isDirectory()) items.push(['nd', entry.name]);
        else if (isSourceFile(entry.name)) items.push(['n', entry.name]);
        continue;
      }
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) items.push(['l', entry.name]);
      else if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !ALWAYS_SKIPPED_DIRS.has(entry.name) && !isIgnored(rel, true)) items.push(['d', entry.name]);
      } else if (entry.isFile() && entry.name === 'package.json') items.push(['p', entry.name]);
      else if (entry.isFile() && /^(tsconfig.*|jsconfig)\.json$/.test(entry.name)) items.push(['t', entry.name]);
      else if (entry.isFile() && isSourceFile(entry.name) && !isIgnored(rel, false) && included(rel)) items.push(['f', entry.name]);
    }
    return items;
  };

  // Links are not followed (below), so no folder is reached twice and none needs its real path:
  // resolving each one cost an lstat per path segment (0.3 s of medusa's 9,234 folders).
  function* walk(absDir: string, relDir: string): Generator<number, void, void> {
    let items: FolderItem[] | undefined;
    const stamp = memo ? folderStamp(absDir) : undefined;
    const known = stamp && previous && Object.hasOwn(previous, relDir) ? previous[relDir] : undefined;
    if (known && isStoredFolder(known) && sameStamp(known.stamp, stamp!) && Math.max(stamp![1], stamp![2]) < trustedBefore) {
      items = known.items;
      reused++;
      // The stored object itself: a cache that amends its listings keeps only the folders that are not.
      setOwn(next, relDir, known);
    } else {
      items = list(absDir, relDir);
      if (items && stamp) setOwn(next, relDir, { stamp, items });
    }
    if (!items) return;
    yield files.length;
    for (const [kind, name] of items) {
      const rel = relDir ? `${relDir}/${name}` : name;
      if (kind === 'd') yield* walk(path.join(absDir, name), rel);
      else if (kind === 'f') files.push(rel);
      else if (kind === 'p') packageJsons.push(rel);
      else if (kind === 't') tsconfigs.push(rel);
      else if (kind === 'l') {
        // A link is not followed. Outside the workspace it leads to files nobody asked to check;
        // inside, TypeScript knows the files by their real path (without preserveSymlinks) and
        // resolves imports through the link to it, so the walk lists them there, where it finds
        // them anyway: one file, one path, one module. Its target may change without the folder
        // changing, so it is looked at on every walk.
        const target = safeRealpath(path.join(absDir, name));
        if (target && (target === realRoot || target.startsWith(realRoot + path.sep)) && !isIgnored(rel, false)) links.push(rel);
      } else {
        // Node hands out such a name decoded with U+FFFD, which opens nothing: the file, or every
        // file under the folder, would be left out without a word (TypeScript reads them).
        const folder = kind === 'nd';
        diagnostics.push({ file: rel, range: FILE_START, severity: 'warning', code: 'not-utf8-name', message: `skipped: the ${folder ? 'folder' : 'file'} name is not valid UTF-8 (shown with U+FFFD), so ${folder ? 'the files under it are' : 'it is'} not checked` });
      }
    }
  }
  yield* walk(root, '');
  yield files.length;
  if (memo && key !== undefined) {
    memo.next = { key, startedAt, folders: next };
    memo.reused = reused;
  }
  return { files, packageJsons, tsconfigs, links, diagnostics };
}

/** `record[key] = value`, also for a folder named `__proto__` (which would set the prototype). */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

function folderStamp(absDir: string): [number, number, number] | undefined {
  try {
    const { ino, mtimeMs, ctimeMs } = fs.statSync(absDir);
    return [ino, mtimeMs, ctimeMs];
  } catch {
    return undefined;
  }
}

function sameStamp(a: readonly number[], b: readonly number[]): boolean {
  return a.length === 3 && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** A stored folder as the walk reads it: a cache can be edited by hand. */
function isStoredFolder(v: unknown): v is StoredFolder {
  const f = v as StoredFolder;
  return typeof f === 'object' && f !== null && Array.isArray(f.stamp) && Array.isArray(f.items)
    && f.items.every((i) => Array.isArray(i) && i.length === 2 && typeof i[1] === 'string' && ITEM_KINDS.has(i[0]) && i[1] !== '' && !i[1].includes('/'));
}

const ITEM_KINDS: ReadonlySet<unknown> = new Set<FolderItem[0]>(['d', 'f', 'p', 't', 'l', 'n', 'nd']);

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
  const included = includedBy(options.include);
  const isIgnored = ignoredBy(readGitignore(root).gitignore, ignoreList(options.ignore));
  return (rel) => {
    const parts = rel.split('/');
    if (parts.some((p) => p === '' || p === '..')) return false;
    for (let i = 0; i < parts.length - 1; i++) {
      if (parts[i].startsWith('.') || ALWAYS_SKIPPED_DIRS.has(parts[i]) || isIgnored(parts.slice(0, i + 1).join('/'), true)) return false;
    }
    return isSourceFile(rel) && !isIgnored(rel, false) && included(rel);
  };
}

function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

type GlobTest = (rel: string) => boolean;

/** Whether `include` (every file when empty) takes a path. */
function includedBy(include: string[] | undefined): GlobTest {
  const includes = compileGlobs(include);
  return (rel) => includes.length === 0 || includes.some((test) => test(rel));
}

/** Config globs, with Windows separators and a leading `./` accepted. */
function compileGlobs(globs: string[] | undefined): GlobTest[] {
  return (globs ?? []).map((g) => globTester(compileGlob(posixGlob(g))));
}

function readGitignore(root: string, diagnostics: InputDiagnostic[] = []): { gitignore?: ReturnType<typeof ignoreFactory>; text?: string } {
  try {
    const text = readRegularText(path.join(root, '.gitignore'), INPUT_LIMITS.config);
    return { gitignore: ignoreFactory().add(text), text };
  } catch (err) {
    // Without it, files git ignores are checked too: say so rather than report them silently.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      diagnostics.push(notice('.gitignore', `cannot read the file (${errorCode(err)}); files it ignores are checked too`));
    }
    return {};
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
