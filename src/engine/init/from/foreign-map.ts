import type { BulkheadConfig } from '../../config';

/** The boundary tools whose configuration `bulkhead init --from` translates. */
export const FOREIGN_TOOLS = ['dependency-cruiser', 'eslint-plugin-boundaries', 'sheriff', 'nx'] as const;
export type ForeignTool = (typeof FOREIGN_TOOLS)[number];

/** Other spellings users type for the same tools (the package, the binary, the short name). */
const ALIASES: Record<string, ForeignTool> = {
  depcruise: 'dependency-cruiser',
  'dep-cruiser': 'dependency-cruiser',
  boundaries: 'eslint-plugin-boundaries',
  'eslint-boundaries': 'eslint-plugin-boundaries',
  '@softarc/sheriff': 'sheriff',
  '@softarc/sheriff-core': 'sheriff',
  '@nx/enforce-module-boundaries': 'nx',
};

export function foreignToolNamed(name: string): ForeignTool | undefined {
  const lower = name.toLowerCase();
  return (FOREIGN_TOOLS as readonly string[]).includes(lower) ? (lower as ForeignTool) : ALIASES[lower];
}

export interface ImportOptions {
  /** The user trusts the workspace: a JavaScript config may be executed to read it. */
  trust: boolean;
}

/** A translated configuration, before it is rendered and checked. */
export interface ForeignMap {
  config: BulkheadConfig;
  /** The file that was read, relative to the workspace root. */
  source: string;
  /** What was translated and how, one sentence each. */
  notes: string[];
  /** What the other tool checks that this map does not, one item each (rule name first). */
  untranslated: string[];
}

/**
 * The other tool's configuration cannot be read: missing, malformed (the message names
 * file:line:col), or JavaScript that may not be executed. Never a stack trace for the user.
 */
export class ForeignConfigError extends Error {}
