import type { RuleId } from '../config/config-types';
import type { FileIndex } from '../analyze/file-index';
import type { ModuleCrossing } from '../analyze/module-crossings';
import type { ReExportTracer } from '../analyze/reexport-tracer';
import type { DatabaseSetup } from '../database/database-setup';
import type { DependencyPolicy } from '../map/dependency-policy';
import type { ModuleMap } from '../map/module-map';
import type { Violation } from '../model/result';

/** A finding before severity and fingerprint are attached. */
export type Finding = Omit<Violation, 'severity' | 'fingerprint'> & {
  /** What makes this finding the same one across edits, when file + modules + specifier is not. */
  identity?: string;
};

export interface RuleContext {
  index: FileIndex;
  map: ModuleMap;
  policy: DependencyPolicy;
  crossings: readonly ModuleCrossing[];
  /** The tracer the crossings were found with, to share its answers; absent means make one. */
  tracer?: ReExportTracer;
  /** Files whose answers `tracer` forgot since the last analysis (their imports may trace differently). */
  retraced?: ReadonlySet<string>;
  /** Whether an unresolved specifier should have resolved (relative path or tsconfig alias). */
  isLocalSpecifier(specifier: string, file: string): boolean;
  /** Drivers, `allowedIn` and Prisma models for `database-coupling`; absent means none configured. */
  database?: DatabaseSetup;
}

export interface Rule {
  /** Its description, default severity and doc page are in RULES (model/rule-table.ts). */
  id: RuleId;
  check(context: RuleContext): Finding[];
}
