import * as path from 'node:path';
import { DECLARATION_FILE } from '../model';
import type { Project, TsconfigRegistry } from './tsconfig-registry';

/** One tsconfig's emit: output folders (outDir, declarationDir) and the folder they mirror. */
interface OutputLayout {
  outputDirs: string[];
  rootDir: string;
}

/** A package's build configs: `tsconfig.json` first, then `tsconfig.build.json`, `tsconfig.esm.json`… (one per output format). */
const BUILD_CONFIG = /^tsconfig(\.[\w-]+)?\.json$/;

/** An emitted file's extension -> the source extensions that emit it, in TypeScript's order. */
const SOURCES_OF_OUTPUT: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/\.d\.ts$/, ['.ts', '.tsx', '.js', '.jsx']],
  [/\.d\.mts$/, ['.mts', '.mjs']],
  [/\.d\.cts$/, ['.cts', '.cjs']],
  [/\.js$/, ['.ts', '.tsx', '.js', '.jsx']],
  [/\.mjs$/, ['.mts', '.mjs']],
  [/\.cjs$/, ['.cts', '.cjs']],
];

/** Where packages without an outDir of their own usually build src/ to. */
const CONVENTIONAL_OUTPUT_DIRS = ['lib', 'dist', 'build', 'out'];

/**
 * Maps a workspace package's build output back to its sources, as TypeScript does for project
 * references and as an editor shows them: `@theia/core/lib/browser/x` (main, typings and deep
 * imports pointing into `lib/`, `dist/`) is `packages/core/src/browser/x.ts`. Without it, every
 * import of a sibling package whose output is gitignored resolves to nothing in a fresh checkout
 * (6,055 of 17,820 imports in theia), and goes unchecked; and in a built checkout it resolves to
 * a `.d.ts` file no module owns. The layout comes from the package's own tsconfig (outDir,
 * declarationDir; rootDir, or else the common folder of its inputs, as the compiler computes it).
 */
export class BuildOutputSources {
  /** Package folder -> its layouts; filled on first question about the package. */
  private readonly layouts = new Map<string, OutputLayout[]>();
  private readonly packageFolders: Set<string>;
  private readonly answers = new Map<string, string | null>();
  /** Per folder asked about: TypeScript probes each missing folder (node_modules, output folders) many times. */
  private readonly folderAnswers = new Map<string, string | null>();

  constructor(
    packageFolders: Iterable<string>,
    private readonly projects: TsconfigRegistry,
    /** Whether a path exists on disk as a file / folder, without this class's redirects. */
    private readonly isFile: (file: string) => boolean,
    private readonly isDirectory: (dir: string) => boolean,
    /** The names of the files in a folder. */
    private readonly fileNamesIn: (dir: string) => string[],
  ) {
    this.packageFolders = new Set(packageFolders);
  }

  /**
   * Forgets the answers (a source created or deleted changes them); the layouts stay, as a
   * tsconfig change opens the workspace again.
   */
  forget(): void {
    this.answers.clear();
    this.folderAnswers.clear();
  }

  /** The source file an output file (declaration or JavaScript) of a workspace package is emitted from. */
  sourceOf(file: string): string | undefined {
    return remembered(this.answers, file, () => this.findSource(file));
  }

  /** The source folder an output folder of a workspace package mirrors, if that exists. */
  sourceFolderOf(dir: string): string | undefined {
    return remembered(this.folderAnswers, dir, () => this.findSourceFolder(dir));
  }

  private findSourceFolder(dir: string): string | undefined {
    for (const { outputDir, rootDir } of this.outputsAround(dir)) {
      const candidate = path.join(rootDir, path.relative(outputDir, dir));
      if (this.isDirectory(candidate)) return candidate;
    }
    return undefined;
  }

  private findSource(file: string): string | undefined {
    const kind = SOURCES_OF_OUTPUT.find(([pattern]) => pattern.test(file));
    if (!kind) return undefined;
    const [pattern, extensions] = kind;
    for (const { outputDir, rootDir } of this.outputsAround(file)) {
      const base = path.join(rootDir, path.relative(outputDir, file)).replace(pattern, '');
      for (const extension of extensions) if (this.isFile(base + extension)) return base + extension;
    }
    return undefined;
  }

  /**
   * The output folders of the package around `p` that contain it, the most specific first
   * (`dist/esm` of tsconfig.esm.json before `dist` of tsconfig.json).
   */
  private outputsAround(p: string): Array<{ outputDir: string; rootDir: string }> {
    const folder = this.packageFolderOf(p);
    if (folder === undefined || !this.outputFolderCandidatesOf(folder).some((d) => p === d || isWithin(p, d))) return [];
    const around: Array<{ outputDir: string; rootDir: string }> = [];
    for (const layout of this.layoutsOf(folder)) {
      for (const outputDir of layout.outputDirs) if (p === outputDir || isWithin(p, outputDir)) around.push({ outputDir, rootDir: layout.rootDir });
    }
    return around.length > 1 ? around.sort((a, b) => b.outputDir.length - a.outputDir.length) : around;
  }

  private packageFolderOf(p: string): string | undefined {
    for (let dir = path.dirname(p); ; dir = path.dirname(dir)) {
      if (this.packageFolders.has(dir)) return dir;
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  /**
   * Every folder a layout of the package can name as output: its configs' outDir and
   * declarationDir and the conventional ones. Told without the configs' file lists (the
   * compiler's default rootDir needs them), so the many paths TypeScript probes outside any
   * output folder (`<package>/node_modules`, sources) cost no listing of the package.
   */
  private outputFolderCandidatesOf(folder: string): string[] {
    let candidates = this.candidates.get(folder);
    if (!candidates) {
      const found = CONVENTIONAL_OUTPUT_DIRS.map((d) => path.join(folder, d));
      for (const { options: { outDir, declarationDir } } of this.configsOf(folder)) {
        for (const d of [declarationDir, outDir]) if (d) found.push(d);
      }
      this.candidates.set(folder, (candidates = found));
    }
    return candidates;
  }

  private readonly candidates = new Map<string, string[]>();

  /** The package's build configs and the configs they reference within it, each once (read on first use). */
  private configsOf(folder: string): Project[] {
    let found = this.configs.get(folder);
    if (!found) {
      const projects: Project[] = (found = []);
      const seen = new Set<string>();
      const visit = (configFile: string): void => {
        if (seen.has(configFile) || !isWithin(configFile, folder) || !this.isFile(configFile)) return;
        seen.add(configFile);
        const project = this.projects.projectAt(configFile);
        if (!project) return;
        projects.push(project);
        for (const ref of project.references) visit(ref);
      };
      const configs = this.fileNamesIn(folder).filter((name) => BUILD_CONFIG.test(name)).sort((a, b) => (a === 'tsconfig.json' ? -1 : b === 'tsconfig.json' ? 1 : a.localeCompare(b)));
      for (const name of configs) visit(path.join(folder, name));
      this.configs.set(folder, found);
    }
    return found;
  }

  private readonly configs = new Map<string, Project[]>();

  private layoutsOf(folder: string): OutputLayout[] {
    let layouts = this.layouts.get(folder);
    if (!layouts) {
      const found: OutputLayout[] = (layouts = []);
      this.layouts.set(folder, found);
      for (const project of this.configsOf(folder)) {
        const { outDir, declarationDir, rootDir } = project.options;
        if (!outDir && !declarationDir) continue;
        const root = rootDir ?? commonSourceFolder(project.fileNames) ?? folder;
        // An output folder that holds the sources (outDir ".") would map every file onto itself.
        const outputDirs = [declarationDir, outDir].filter((d): d is string => !!d && !isWithin(root, d) && root !== d);
        if (outputDirs.length > 0) found.push({ outputDirs, rootDir: root });
      }
      // Bundled by another tool (tsup, rollup, babel) or built by a root config: no tsconfig of
      // the package says where its output goes, so the usual folders next to src/ stand for it.
      const src = path.join(folder, 'src');
      if (found.length === 0 && this.isDirectory(src)) found.push({ outputDirs: CONVENTIONAL_OUTPUT_DIRS.map((d) => path.join(folder, d)), rootDir: src });
    }
    return layouts;
  }
}

/** The answer kept for `key`, found once (null keeps "none"). */
function remembered(answers: Map<string, string | null>, key: string, find: () => string | undefined): string | undefined {
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = find() ?? null;
    answers.set(key, answer);
  }
  return answer ?? undefined;
}

function isWithin(p: string, dir: string): boolean {
  return p.startsWith(dir + path.sep);
}

/** The longest folder shared by a project's non-declaration inputs: the compiler's default rootDir. */
function commonSourceFolder(fileNames: ReadonlySet<string>): string | undefined {
  let common: string[] | undefined;
  for (const file of fileNames) {
    if (DECLARATION_FILE.test(file)) continue;
    const parts = path.dirname(path.resolve(file)).split(path.sep);
    if (!common) {
      common = parts;
      continue;
    }
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common.length = i;
  }
  return common && common.length > 0 ? common.join(path.sep) || path.sep : undefined;
}
