import * as path from 'node:path';
import type { CheckResult, EarlyFile, InputDiagnostic, Violation, WorkspaceOpening } from '../engine';
import type { FolderEngine } from './folder-engine';

/** What EarlyFindings needs of the server. */
export interface EarlyHost {
  openFilesOf(engine: FolderEngine): EarlyFile[];
  guarded<T>(folder: string, what: string, run: () => T): T | undefined;
  publishEarly(engine: FolderEngine, partial: Pick<CheckResult, 'root' | 'config' | 'violations' | 'diagnostics'>): void;
}

/**
 * A first scan's diagnostics for the open files, before the rest of the workspace is read: the
 * findings that can be told from a file and what it imports (see WorkspaceOpening.earlyViolations),
 * published at once and replaced by the full result. A file opened during the scan is told then.
 */
export class EarlyFindings {
  private readonly asked = new Set<string>();
  private readonly violations: Violation[] = [];
  private readonly diagnostics: InputDiagnostic[] = [];

  constructor(private readonly host: EarlyHost, private readonly engine: FolderEngine, private readonly opening: WorkspaceOpening) {}

  publishNewlyOpened(): void {
    if (this.opening.settingUp) return; // told once the files are known, without blocking the setup's slices
    const fresh = this.host.openFilesOf(this.engine).filter((f) => !this.asked.has(f.absFile));
    if (fresh.length === 0) return;
    for (const f of fresh) this.asked.add(f.absFile);
    const answer = this.host.guarded(this.engine.folder, 'early check', () => this.opening.earlyViolations(fresh));
    if (!answer || answer.size === 0) return;
    for (const { violations, diagnostics } of answer.values()) {
      this.violations.push(...violations);
      this.diagnostics.push(...diagnostics);
    }
    const { root, configFile } = this.engine;
    this.host.publishEarly(this.engine, { root, config: path.relative(root, configFile), violations: this.violations, diagnostics: this.diagnostics });
  }
}
