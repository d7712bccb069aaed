import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { isLocalSpecifier, isPathSpecifier, type ModuleResolver, ResolutionHost, type TsconfigRegistry } from '../resolve';

/**
 * Module resolution for one session: the file-system host now, TypeScript's resolver and tsconfig
 * parser on first use (see resolution-stack.ts), so a run answered from the cache never loads it.
 */
export class LazyResolution {
  readonly host: ResolutionHost;
  private stack?: { projects: TsconfigRegistry; resolver: ModuleResolver };
  /** Each file's compiler options for `isLocalSpecifier`, asked on every analysis; cleared with the resolution caches. */
  private readonly optionsOf = new Map<string, ts.CompilerOptions>();

  /** `outsideRoots`: module folders outside the root (see ModuleResolver). */
  constructor(private readonly root: string, packages: Map<string, string>, links: readonly string[] = [], private readonly outsideRoots: readonly string[] = [], scannedFiles?: readonly string[]) {
    let readDirectory: ts.ParseConfigHost['readDirectory'] | undefined;
    this.host = new ResolutionHost(root, (...args) => (readDirectory ??= resolutionStack().readDirectoryWithTypeScript(this.host))(...args), packages, links, scannedFiles);
  }

  get projects(): TsconfigRegistry {
    return (this.stack ??= resolutionStack().createResolutionStack(this.root, this.host, this.outsideRoots)).projects;
  }

  get resolver(): ModuleResolver {
    return (this.stack ??= resolutionStack().createResolutionStack(this.root, this.host, this.outsideRoots)).resolver;
  }

  /** Whether an unresolved specifier of a workspace-relative file should have resolved. */
  isLocalSpecifier(specifier: string, file: string): boolean {
    // Answered without the file's project, which loads TypeScript and its tsconfig.
    if (isPathSpecifier(specifier)) return true;
    let options = this.optionsOf.get(file);
    if (!options) this.optionsOf.set(file, (options = this.projects.projectFor(path.join(this.root, file)).options));
    return isLocalSpecifier(specifier, options);
  }

  /**
   * After an edit. Typing an import creates a new specifier per keystroke, and each leaves answers
   * and missing paths in the caches, which would grow for as long as the editor stays open (20,000
   * keystrokes took 62 MiB). Past a bound of growth, the caches start again; only the next few
   * resolutions are slower.
   */
  trimCaches(): void {
    const size = this.cachedEntries;
    this.sizeAfterTrim ??= size;
    if (size - this.sizeAfterTrim < MAX_CACHE_GROWTH) return;
    this.host.forgetMisses();
    this.stack?.projects.clearResolutionCaches();
    this.sizeAfterTrim = undefined;
  }

  private sizeAfterTrim?: number;

  /** What `trimCaches` bounds: missing paths and specifier answers kept. */
  get cachedEntries(): number {
    return this.host.cachedMisses + (this.stack?.projects.sharedResolutionCount() ?? 0);
  }

  /** After a file was created or deleted: what resolved before may not now, and the other way round. */
  fileSetChanged(absFile: string): void {
    this.host.invalidate(absFile);
    this.projects.clearResolutionCaches();
    this.optionsOf.clear();
  }
}

/** Cache entries (missing paths and specifier answers) an editing session may add before they are dropped. */
export const MAX_CACHE_GROWTH = 20_000;

/** Required on first use: it loads TypeScript, which a run answered from the cache never needs. */
function resolutionStack(): typeof import('../resolve/resolution-stack') {
  return require('../resolve/resolution-stack') as typeof import('../resolve/resolution-stack');
}
