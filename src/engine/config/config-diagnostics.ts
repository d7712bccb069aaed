import type { InputDiagnostic, DiagnosticSeverity, Range } from '../model';

/** Codes of problems in bulkhead.json; stable, documented in docs/config.md. */
export type ConfigDiagnosticCode =
  | 'config-not-found'
  | 'config-unreadable'
  | 'json-syntax'
  | 'invalid-config'
  | 'unknown-module'
  | 'duplicate-module'
  | 'overlapping-modules'
  | 'empty-module-path'
  | 'invalid-glob'
  | 'unknown-preset'
  | 'missing-prisma-schema';

export function configDiagnostic(
  file: string,
  range: Range,
  severity: DiagnosticSeverity,
  code: ConfigDiagnosticCode,
  message: string,
): InputDiagnostic {
  return { file, range, severity, code, message };
}
