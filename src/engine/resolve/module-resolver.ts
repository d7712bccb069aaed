import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { ImportKind } from '../extract';
import type { ResolutionHost } from './resolution-host';
import { nameResolutionKey, relativeResolutionKey } from './location-independent-key';
import { relativeTsFile } from './relative-ts-file';
import { packageSurelyMissing } from './missing-package';
import { resolveAsset } from './asset-resolution';
import { resolveReferencePath, resolveTypeReference } from './reference-resolution';
import type { Project, TsconfigRegistry } from './tsconfig-registry';

export type Resolution =
  | { kind: 'file'; file: string }
  | { kind: 'external'; packageName: string }
  | { kind: 'unresolved' };

const NODE_BUILTINS = new Set(builtinModules);
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
/** A package.json that could not be parsed: it may hold any name. */
const UNREADABLE = '\0unreadable';

/**
 * Resolves import specifiers with TypeScript's own module resolution, under the compiler options
 * of the file's project and with one resolution cache per project.
 */
export class ModuleResolver {
  private readonly formatCache = new Map<string, ts.ResolutionMode>();
  private readonly scopes = new Map<string, string>();
  private readonly names = new Map<string, string | undefined>();
  private readonly answers = new WeakMap<ts.ResolvedModuleFull, Resolution & { kind: 'file' }>();

  /**
   * `outsideRoots`: absolute folders of modules the map declares outside the root (a workspace
   * package next to the checked one, `"path": "../../libs/ui"`). Files there are answered as files,
   * so importing them is a crossing into that module, not a package import.
   */
  constructor(
    private readonly root: string,
    private readonly host: ResolutionHost,
    private readonly projects: TsconfigRegistry,
    private readonly outsideRoots: readonly string[] = [],
  ) {}

  resolve(specifier: string, containingFile: string, kind: ImportKind, resolutionMode?: 'import' | 'require'): Resolution {
    if (kind === 'reference-path') return this.referencedFile(specifier, containingFile);
    if (kind === 'reference-types') return this.typeReference(specifier, containingFile, resolutionMode);
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier)) {
      return { kind: 'external', packageName: specifier };
    }
    const project = this.projects.projectFor(containingFile);
    const mode = this.resolutionMode(containingFile, kind, project.options, project.resolutionCache);
    const name = kind === 'jsx-import-source' ? jsxRuntimeModule(specifier, project.options) : specifier;
    const resolvedModule = this.resolveShared(name, containingFile, project, mode);
    if (!resolvedModule) return this.asset(name, containingFile, project);
    // Shared resolutions hand out one object per target; so does this, for its `file` answers.
    let answer = this.answers.get(resolvedModule);
    if (!answer) {
      const found = this.answer(resolvedModule.resolvedFileName, resolvedModule.packageId?.name ?? packageNameOf(name), project.options);
      if (found.kind !== 'file') return found;
      this.answers.set(resolvedModule, (answer = found));
    }
    return answer;
  }

  /** A file in the workspace (by its real path, unless the project preserves symlinks), or the package it belongs to. */
  private answer(resolvedFileName: string, packageName: string, options: ts.CompilerOptions): Resolution {
    // A sibling package's build output stands for its source (see BuildOutputSources).
    const resolved = this.host.sourceOfOutput(path.resolve(resolvedFileName)) ?? path.resolve(resolvedFileName);
    const file = options.preserveSymlinks ? resolved : this.host.workspaceRealPath(resolved);
    const inWorkspace = file.startsWith(this.root + path.sep) && !file.slice(this.root.length).includes(NODE_MODULES);
    const inOutsideModule = !inWorkspace && this.outsideRoots.some((r) => file.startsWith(r + path.sep) && !file.slice(r.length).includes(NODE_MODULES));
    return inWorkspace || inOutsideModule ? { kind: 'file', file } : { kind: 'external', packageName };
  }

  /** What TypeScript leaves to a bundler: an existing non-code file is an edge all the same. */
  private asset(specifier: string, containingFile: string, project: Project): Resolution {
    const file = resolveAsset(specifier, containingFile, project.options, this.host.fileExists, {
      packageFolder: (name) => this.host.workspacePackageFolder(name),
      webRoot: this.packageScopeOf(path.dirname(containingFile)),
    });
    return file ? this.answer(file, specifier, project.options) : { kind: 'unresolved' };
  }

  private referencedFile(fileName: string, containingFile: string): Resolution {
    const file = resolveReferencePath(fileName, containingFile, this.host);
    // A path is no package; outside the workspace the referenced file is named by its path.
    return file ? this.answer(file, fileName, this.projects.projectFor(containingFile).options) : { kind: 'unresolved' };
  }

  private typeReference(name: string, containingFile: string, mode?: 'import' | 'require'): Resolution {
    const options = this.projects.projectFor(containingFile).options;
    const resolved = resolveTypeReference(name, containingFile, options, this.host, mode === 'import' ? ts.ModuleKind.ESNext : mode === 'require' ? ts.ModuleKind.CommonJS : undefined);
    return resolved?.resolvedFileName ? this.answer(resolved.resolvedFileName, resolved.packageId?.name ?? name, options) : { kind: 'unresolved' };
  }

  /** TypeScript's resolution, shared across folders where the folder cannot change the answer. */
  private resolveShared(specifier: string, containingFile: string, project: Project, mode: ts.ResolutionMode): ts.ResolvedModuleFull | undefined {
    const dir = path.dirname(containingFile);
    const relative = specifier.startsWith('.');
    const scope = relative ? '' : this.selfNameScopeOf(specifier, dir);
    const chain = relative ? '' : this.host.nodeModulesChain(dir);
    const key = relative ? relativeResolutionKey(specifier, containingFile, project.options, mode) : nameResolutionKey(specifier, scope, chain, project.options, mode);
    if (key !== undefined && project.sharedResolutions.has(key)) return project.sharedResolutions.get(key);
    let resolvedModule: ts.ResolvedModuleFull | undefined;
    if (relative) {
      const file = relativeTsFile(specifier, dir, project.options, mode, { exists: this.host.fileExists, isFile: this.host.isFileOnDisk });
      if (file) resolvedModule = { resolvedFileName: file, extension: file.endsWith('x') ? ts.Extension.Tsx : ts.Extension.Ts, isExternalLibraryImport: false, resolvedUsingTsExtension: false };
    }
    const missing = !relative && packageSurelyMissing(specifier, chain.split('\n').filter((d) => d !== ''), project.options, scope, this.host);
    if (!resolvedModule && !missing) {
      resolvedModule = ts.resolveModuleName(specifier, containingFile, project.options, this.host, project.resolutionCache, undefined, mode).resolvedModule;
    }
    if (key !== undefined) project.sharedResolutions.set(key, resolvedModule);
    return resolvedModule;
  }

  /**
   * The package scope when it can decide where `specifier` leads, else '': only `#imports` and a
   * self-name (the scope's own package name, or a path under it) read the nearest package.json.
   * Keying every other name by its scope resolved `@scope/core/lib/x` once per package of a monorepo.
   */
  private selfNameScopeOf(specifier: string, dir: string): string {
    const scope = this.packageScopeOf(dir);
    if (specifier.startsWith('#')) return scope;
    const name = this.packageNameAt(scope);
    if (name === undefined) return '';
    return name === UNREADABLE || specifier === name || specifier.startsWith(`${name}/`) ? scope : '';
  }

  /** The `name` of `<scope>/package.json`: undefined when it has none, UNREADABLE when it cannot be parsed. */
  private packageNameAt(scope: string): string | undefined {
    if (this.names.has(scope)) return this.names.get(scope);
    let name: string | undefined;
    const text = this.host.readFile(path.join(scope, 'package.json'));
    if (text !== undefined) {
      try {
        const json: unknown = JSON.parse(text);
        const value = json && typeof json === 'object' ? (json as { name?: unknown }).name : undefined;
        name = typeof value === 'string' ? value : undefined;
      } catch {
        name = UNREADABLE;
      }
    }
    this.names.set(scope, name);
    return name;
  }

  /** The folder of the nearest package.json above `dir` (what self-names and `#imports` read). */
  private packageScopeOf(dir: string): string {
    let scope = this.scopes.get(dir);
    if (scope === undefined) {
      const parent = path.dirname(dir);
      scope = this.host.fileExists(path.join(dir, 'package.json')) || parent === dir ? dir : this.packageScopeOf(parent);
      this.scopes.set(dir, scope);
    }
    return scope;
  }

  /** In node16/nodenext, `require` resolves as CommonJS and `import()` as ESM, as the compiler does. */
  private resolutionMode(file: string, kind: ImportKind, options: ts.CompilerOptions, cache: ts.ModuleResolutionCache): ts.ResolutionMode {
    const resolution = options.moduleResolution;
    if (resolution !== ts.ModuleResolutionKind.Node16 && resolution !== ts.ModuleResolutionKind.NodeNext) return undefined;
    if (kind === 'require' || kind === 'import-equals') return ts.ModuleKind.CommonJS;
    if (kind === 'dynamic-import') return ts.ModuleKind.ESNext;
    let format = this.formatCache.get(file);
    if (!this.formatCache.has(file)) {
      format = ts.getImpliedNodeFormatForFile(file as ts.Path, cache.getPackageJsonInfoCache(), this.host, options);
      this.formatCache.set(file, format);
    }
    return format;
  }
}

/** `@jsxImportSource pkg` means `pkg/jsx-runtime`, or `pkg/jsx-dev-runtime` under `"jsx": "react-jsxdev"`, as the compiler emits. */
function jsxRuntimeModule(specifier: string, options: ts.CompilerOptions): string {
  return options.jsx === ts.JsxEmit.ReactJSXDev ? specifier.replace(/\/jsx-runtime$/, '/jsx-dev-runtime') : specifier;
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
