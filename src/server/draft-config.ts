import { draftModuleMap, type DraftModuleMap } from '../engine';

export type DraftConfig = DraftModuleMap;

/** A starting bulkhead.json for a folder, inferred exactly like `bulkhead init`. */
export function draftConfig(root: string): DraftConfig {
  return draftModuleMap(root, 'Drafted by "Bulkhead: Create bulkhead.json" (the same inference as `bulkhead init`):');
}
