import { FolderEngine } from './folder-engine';
import { isInside } from './paths';

/** The engines of the open workspace folders that have a config; one per folder. */
export class WorkspaceEngines {
  private readonly engines = new Map<string, FolderEngine>();
  private folders: string[] = [];

  constructor(private configPath: string, private readonly cacheFolder?: string) {}

  /** Re-reads which folders have a config; returns the engines that were added and the folders dropped. */
  sync(folders: string[] = this.folders, configPath = this.configPath): { added: FolderEngine[]; removed: string[] } {
    const pathChanged = configPath !== this.configPath;
    this.configPath = configPath;
    this.folders = folders;
    const removed: string[] = [];
    for (const [folder] of this.engines) {
      if (pathChanged || !folders.includes(folder) || !FolderEngine.configExists(folder, configPath)) {
        this.engines.delete(folder);
        removed.push(folder);
      }
    }
    const added: FolderEngine[] = [];
    for (const folder of folders) {
      if (!this.engines.has(folder) && FolderEngine.configExists(folder, configPath)) {
        const engine = new FolderEngine(folder, configPath, this.cacheFolder);
        this.engines.set(folder, engine);
        added.push(engine);
      }
    }
    return { added, removed };
  }

  all(): FolderEngine[] {
    return [...this.engines.values()];
  }

  get(folder: string): FolderEngine | undefined {
    return this.engines.get(folder);
  }

  /** The engine of the innermost folder holding `absFile`. */
  forFile(absFile: string): FolderEngine | undefined {
    let best: FolderEngine | undefined;
    for (const engine of this.engines.values()) {
      const inside = isInside(engine.folder, absFile) || isInside(engine.root, absFile);
      if (inside && (!best || engine.folder.length > best.folder.length)) best = engine;
    }
    return best;
  }
}
