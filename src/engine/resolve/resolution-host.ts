import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { INPUT_LIMITS, readRegularText } from '../io';
import { DECLARATION_FILE } from '../model';
import type { BuildOutputSources } from './build-output-sources';

/**
 * A caching file-system view for TypeScript's module resolution and tsconfig parsing.
 * Workspace packages (any package.json with a name, outside node_modules) also appear under
 * `<root>/node_modules/<name>` as if a package manager had linked them, so name imports resolve
 * in a fresh clone with nothing installed, exactly as they would after `npm install`.
 */
export class ResolutionHost implements ts.ModuleResolutionHost, ts.ParseConfigHost {
  readonly useCaseSensitiveFileNames = process.platform !== 'win32' && process.platform !== 'darwin';
  private readonly stats = new Map<string, FileKind | null>();
  /** Folder listings by real path; null when the folder cannot be read, ABSENT when it is not there. */
  private readonly listings = new Map<string, Map<string, fs.Dirent> | null | typeof ABSENT>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly realpaths = new Map<string, string>();
  private readonly virtualRoot: string;
  private readonly installed = new Map<string, boolean>();
  private readonly virtualFolders: Set<string>;
  private readonly scanned?: Set<string>;
  /** Folder -> its scanned files and the folders that lead to others, built from `scanned` on first use. */
  private scannedListing?: Map<string, { files: string[]; directories: string[] }>;

  constructor(
    private readonly root: string,
    private readonly readDirectoryImpl: ts.ParseConfigHost['readDirectory'],
    /** package name -> absolute package folder */
    private readonly workspacePackages: ReadonlyMap<string, string>,
    /** Workspace-relative symlinks that lead into the workspace (Discovery.links). */
    private readonly links: readonly string[] = [],
    /**
     * The scanned files, workspace-relative: what tsconfig `include` expansion lists inside the
     * workspace (see `fileSystemEntries`). Without them, folders are read from the disk.
     */
    scannedFiles?: readonly string[],
  ) {
    this.scanned = scannedFiles && new Set(scannedFiles);
    this.virtualRoot = path.join(root, 'node_modules') + path.sep;
    // The folders a linked install would create, so resolution walks into them.
    this.virtualFolders = new Set(workspacePackages.size > 0 ? [path.join(root, 'node_modules')] : []);
    for (const name of workspacePackages.keys()) {
      if (name.startsWith('@')) this.virtualFolders.add(path.join(root, 'node_modules', name.split('/')[0]));
    }
  }

  /** Every workspace package's folder. */
  get workspacePackageFolders(): Iterable<string> {
    return this.workspacePackages.values();
  }

  /** A workspace package's folder by its name, installed or not. */
  workspacePackageFolder(name: string): string | undefined {
    return this.workspacePackages.get(name);
  }

  /**
   * Every file resolution and tsconfig parsing read, by the path read on disk (a workspace
   * package's own folder, not its virtual `node_modules` path), with what it read (undefined: missing).
   */
  get readTexts(): ReadonlyMap<string, string | undefined> {
    const byReal = new Map<string, string | undefined>();
    for (const [file, text] of this.texts) byReal.set(this.toReal(file), text);
    return byReal;
  }

  /**
   * The `node_modules/<name>` folders of workspace packages that resolution found not installed
   * and so mapped to the packages' folders: installing one changes what resolution reads.
   */
  get uninstalledPackageFolders(): string[] {
    return [...this.installed].filter(([, installed]) => !installed).map(([dir]) => dir);
  }

  /**
   * Set with the resolution stack: a workspace package's missing build output (declarations and
   * their folders) exists for resolution when its source does, as in an editor with project
   * references, so imports of a sibling package's `lib/`/`dist/` reach its sources unbuilt.
   */
  buildOutputs?: BuildOutputSources;

  fileExists = (file: string): boolean =>
    this.isFileOnDisk(file) || (this.buildOutputs !== undefined && DECLARATION_FILE.test(file) && this.sourceOfOutput(file) !== undefined);

  directoryExists = (dir: string): boolean => {
    const trimmed = dir.replace(/[\\/]+$/, '');
    return this.isDirectoryOnDisk(dir) || this.virtualFolders.has(trimmed) || this.buildOutputs?.sourceFolderOf(this.packagePath(trimmed)) !== undefined;
  };

  /**
   * The folders above `dir` (itself included), nearest first, whose `node_modules` TypeScript
   * searches for a package name imported from it: those where that folder exists (workspace
   * packages' virtual one too), except folders named node_modules themselves, as TypeScript skips
   * them. Two folders with the same chain find every package name in the same place.
   */
  nodeModulesChain(dir: string): string {
    let chain = this.chains.get(dir);
    if (chain === undefined) {
      const parent = path.dirname(dir);
      const above = parent === dir ? '' : this.nodeModulesChain(parent);
      chain = path.basename(dir) !== 'node_modules' && this.directoryExists(path.join(dir, 'node_modules')) ? `${dir}\n${above}` : above;
      this.chains.set(dir, chain);
    }
    return chain;
  }

  /** See nodeModulesChain; forgotten with what the folders' existence was read from. */
  private readonly chains = new Map<string, string>();

  /** The source a workspace package's output file (under any of its paths) is built from. */
  sourceOfOutput(file: string): string | undefined {
    return this.buildOutputs?.sourceOf(this.packagePath(file));
  }

  /** The names of the files in a folder (from the cached listing). */
  fileNamesIn = (dir: string): string[] => [...(this.listing(this.toReal(dir)) ?? [])].filter(([, entry]) => entry.isFile()).map(([name]) => name);

  /** Whether a path exists on disk, without the build-output redirects. */
  isFileOnDisk = (file: string): boolean => !!this.stat(file)?.isFile();
  isDirectoryOnDisk = (dir: string): boolean => !!this.stat(dir)?.isDirectory();

  readFile = (file: string): string | undefined => {
    if (this.texts.has(file)) return this.texts.get(file);
    let text: string | undefined;
    try {
      text = readRegularText(this.toReal(file), INPUT_LIMITS.config);
    } catch {
      text = undefined;
    }
    this.texts.set(file, text);
    return text;
  };

  realpath = (file: string): string => {
    let real = this.realpaths.get(file);
    if (real === undefined) {
      try {
        real = fs.realpathSync(this.toReal(file));
      } catch {
        real = this.toReal(file);
      }
      this.realpaths.set(file, real);
    }
    return real;
  };

  /**
   * The real path of a workspace file that resolution reached through a symlink: TypeScript
   * resolves a relative import through a linked folder to the link's path, but the scan lists the
   * file by its real path (as TypeScript knows a linked package without `preserveSymlinks`). Only
   * paths below a known link are looked up; the others are real already.
   */
  workspaceRealPath(file: string): string {
    if (this.links.length === 0 || !file.startsWith(this.root + path.sep)) return file;
    const rel = file.slice(this.root.length + 1).split(path.sep).join('/');
    return this.links.some((link) => rel === link || rel.startsWith(`${link}/`)) ? this.realpath(file) : file;
  }

  getCurrentDirectory = (): string => this.root;

  getDirectories = (dir: string): string[] => {
    try {
      return fs.readdirSync(this.toReal(dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch {
      return [];
    }
  };

  readDirectory = (rootDir: string, extensions: readonly string[], excludes: readonly string[] | undefined, includes: readonly string[], depth?: number): readonly string[] =>
    this.readDirectoryImpl(rootDir, extensions, excludes, includes, depth);

  private listScanned(): Map<string, { files: string[]; directories: string[] }> {
    if (this.scannedListing) return this.scannedListing;
    const listing = new Map<string, { files: string[]; directories: string[] }>();
    // A folder met for the first time is added to its parent's folders, and that parent likewise:
    // each folder is visited once, not once per file under it (path.join per segment cost 50-100 ms on medusa).
    const entry = (relDir: string): { files: string[]; directories: string[] } => {
      const dir = relDir === '' ? this.root : this.root + path.sep + (path.sep === '/' ? relDir : relDir.split('/').join(path.sep));
      let e = listing.get(dir);
      if (!e) {
        listing.set(dir, (e = { files: [], directories: [] }));
        if (relDir !== '') {
          const slash = relDir.lastIndexOf('/');
          entry(slash < 0 ? '' : relDir.slice(0, slash)).directories.push(relDir.slice(slash + 1));
        }
      }
      return e;
    };
    for (const rel of this.scanned ?? []) {
      const slash = rel.lastIndexOf('/');
      entry(slash < 0 ? '' : rel.slice(0, slash)).files.push(rel.slice(slash + 1));
    }
    // TypeScript's own listing is sorted, and a project's file order follows it.
    for (const e of listing.values()) {
      e.files.sort();
      e.directories.sort();
    }
    return (this.scannedListing = listing);
  }

  /** Forgets what is known about one path (after an edit, create or delete). */
  invalidate(file: string): void {
    if (this.scanned && file.startsWith(this.root + path.sep)) {
      // A created or deleted file joins or leaves the listing of projects parsed after this.
      const rel = file.slice(this.root.length + 1).split(path.sep).join('/');
      const exists = fs.existsSync(file);
      if (exists !== this.scanned.has(rel)) {
        if (exists) this.scanned.add(rel);
        else this.scanned.delete(rel);
        this.scannedListing = undefined;
      }
    }
    this.stats.delete(file);
    this.listings.delete(path.dirname(this.toReal(file)));
    this.buildOutputs?.forget();
    this.chains.clear();
    this.texts.delete(file);
    this.realpaths.delete(file);
    // A created file may sit in folders that were created with it.
    for (let dir = path.dirname(file); dir.startsWith(this.root); dir = path.dirname(dir)) {
      this.stats.delete(dir);
      this.listings.delete(path.dirname(this.toReal(dir)));
      if (dir === this.root) break;
    }
  }

  private stat(p: string): FileKind | null {
    let s = this.stats.get(p);
    if (s === undefined) {
      const real = this.toReal(p);
      const listed = this.listedKind(real);
      // null (listed as missing) is an answer: `??` would stat every missing path again.
      s = listed === undefined ? statKind(real) : listed;
      this.stats.set(p, s);
      if (s === null) this.misses++;
    }
    return s;
  }

  /** Paths remembered as missing: each specifier typed in an editor probes a few more. */
  get cachedMisses(): number {
    return this.misses;
  }

  /** Forgets the paths remembered as missing (asking again reads the disk again). */
  forgetMisses(): void {
    for (const [p, kind] of this.stats) if (kind === null) this.stats.delete(p);
    this.buildOutputs?.forget();
    this.chains.clear();
    this.misses = 0;
  }

  private misses = 0;

  /**
   * What the parent folder's listing says about a path: resolution probes many names that do not
   * exist (`x.ts`, `x.tsx`, `x.d.ts`, `x/index.ts`…), and one readdir per folder answers them all
   * without a failing stat each. Undefined when the listing cannot answer (links, case-insensitive
   * file systems, unreadable folders): then the path is stat'ed.
   */
  private listedKind(real: string): FileKind | null | undefined {
    if (!this.useCaseSensitiveFileNames) return undefined;
    const dir = path.dirname(real);
    if (dir === real) return undefined;
    const listing = this.folder(dir);
    if (listing === ABSENT) return null;
    if (!listing) return undefined;
    const entry = listing.get(path.basename(real));
    if (!entry) return null;
    if (entry.isFile()) return FILE;
    if (entry.isDirectory()) return DIRECTORY;
    return undefined;
  }

  /** A folder's entries by name (cached), or null when it cannot be read or is not there. */
  private listing(realDir: string): Map<string, fs.Dirent> | null {
    const listing = this.folder(realDir);
    return listing === ABSENT ? null : listing;
  }

  /**
   * See listing; ABSENT when the folder is not there. Resolution probes many paths in folders that
   * do not exist (`node_modules/<name>/package.json` before an install, `x/index.ts` beside `x.ts`):
   * the parent's listing answers them, where each folder cost a failing readdir and each path
   * under it a failing stat.
   */
  private folder(realDir: string): Map<string, fs.Dirent> | null | typeof ABSENT {
    let listing = this.listings.get(realDir);
    if (listing === undefined) {
      const kind = this.listedKind(realDir);
      if (kind === null || kind === FILE) listing = ABSENT;
      else {
        try {
          listing = new Map(fs.readdirSync(realDir, { withFileTypes: true }).map((d) => [d.name, d]));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          listing = code === 'ENOENT' || code === 'ENOTDIR' ? ABSENT : null;
        }
      }
      this.listings.set(realDir, listing);
    }
    return listing;
  }

  /**
   * A folder's files and subfolders (links followed), as TypeScript's `matchFiles` lists them to
   * expand a tsconfig's `include`. From the same listings resolution uses: a monorepo's tsconfigs
   * (97 in medusa) cover the same folders over and over, and each walked the disk again.
   * Inside the workspace only the scanned files are listed: a project's files matter only to find
   * the project of a scanned file, and a folder without any (tests, assets) need not be walked.
   */
  fileSystemEntries = (dir: string): { files: string[]; directories: string[] } => {
    if (this.listedFromScan(dir)) return this.listScanned().get(dir.replace(/[\\/]+$/, '')) ?? { files: [], directories: [] };
    const files: string[] = [];
    const directories: string[] = [];
    const real = this.toReal(dir);
    for (const [name, entry] of this.listing(real) ?? []) {
      const kind = entry.isSymbolicLink() ? statKind(path.join(real, name)) : entry;
      if (kind?.isFile()) files.push(name);
      else if (kind?.isDirectory()) directories.push(name);
    }
    // TypeScript's own listing is sorted, and a project's file order follows it.
    return { files: files.sort(), directories: directories.sort() };
  };

  /**
   * The real path `matchFiles` asks of every folder it lists, only to skip one reached twice through
   * links. A folder `fileSystemEntries` lists from the scan was found by a walk from the real root
   * that follows no link, so it is its own real path: no lstat per path segment (150 ms over
   * medusa's tsconfigs, 110 ms over theia's).
   */
  listedRealpath = (dir: string): string => {
    if (this.listedFromScan(dir) && (this.rootIsReal ??= this.realpath(this.root) === this.root)) return dir.replace(/[\\/]+$/, '');
    return this.realpath(dir);
  };

  private rootIsReal?: boolean;

  /** Whether `fileSystemEntries` lists this folder from the scanned files: inside the workspace, not in the virtual node_modules. */
  private listedFromScan(dir: string): boolean {
    return this.scanned !== undefined && (dir === this.root || (dir.startsWith(this.root + path.sep) && !dir.startsWith(this.virtualRoot)));
  }

  /** `<root>/node_modules/<workspace package>/…` in the package's own folder, installed (linked) or not. */
  private packagePath(p: string): string {
    return this.inWorkspacePackage(p)?.path ?? p;
  }

  /** Maps `<root>/node_modules/<workspace package>/…` to the package's folder when not installed. */
  private toReal(p: string): string {
    const inPackage = this.inWorkspacePackage(p);
    if (!inPackage) return p;
    let isInstalled = this.installed.get(inPackage.installedDir);
    if (isInstalled === undefined) {
      isInstalled = fs.existsSync(inPackage.installedDir);
      this.installed.set(inPackage.installedDir, isInstalled);
    }
    return isInstalled ? p : inPackage.path;
  }

  /** For a path under `<root>/node_modules/<workspace package>`: that folder, and the path in the package's own folder. */
  private inWorkspacePackage(p: string): { installedDir: string; path: string } | undefined {
    if (!p.startsWith(this.virtualRoot) || this.workspacePackages.size === 0) return undefined;
    const rest = p.slice(this.virtualRoot.length).split(/[\\/]/);
    const nameParts = rest[0].startsWith('@') ? 2 : 1;
    const dir = this.workspacePackages.get(rest.slice(0, nameParts).join('/'));
    if (!dir) return undefined;
    return { installedDir: path.join(this.virtualRoot, ...rest.slice(0, nameParts)), path: path.join(dir, ...rest.slice(nameParts)) };
  }
}

interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
}

const FILE: FileKind = { isFile: () => true, isDirectory: () => false };
const DIRECTORY: FileKind = { isFile: () => false, isDirectory: () => true };
const OTHER: FileKind = { isFile: () => false, isDirectory: () => false };
const ABSENT = 'absent';

function statKind(real: string): FileKind | null {
  try {
    const s = fs.statSync(real, { throwIfNoEntry: false });
    if (!s) return null;
    return s.isFile() ? FILE : s.isDirectory() ? DIRECTORY : OTHER;
  } catch {
    return null;
  }
}
