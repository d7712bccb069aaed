import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashText } from '../cache';
import { INPUT_LIMITS, readRegularText } from '../io';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceSetup } from './workspace-setup';

/**
 * What resolution depended on besides the environment hash (see FactCache `inputs`): every file
 * the resolution host read, wherever it is (a tsconfig `extends` target outside the workspace or
 * not named tsconfig*.json, package.json files), by content; and the resolved files the scan does
 * not cover, by existence (deleting one changes answers no scanned file's stamp would show); and
 * the `node_modules` folders of workspace packages resolved as if linked, by absence.
 */
export function resolutionInputs(setup: WorkspaceSetup, files: WorkspaceIndex): Record<string, string> {
  const inputs: Record<string, string> = {};
  const host = setup.resolution.host;
  for (const [abs, text] of host.readTexts) inputs[abs] = text === undefined ? 'missing' : hashText(text);
  for (const dir of host.uninstalledPackageFolders) inputs[dir] = 'absent';
  const scanned = new Set(files.files);
  for (const entry of files.index.values()) {
    for (const r of entry.resolutions) if (r.kind === 'file' && !scanned.has(r.file)) inputs[path.join(setup.root, r.file)] = 'exists';
  }
  return inputs;
}

/** The state of one input now, in the terms `resolutionInputs` stored it. */
export function inputState(abs: string, stored: string): string {
  if (stored === 'exists') return fs.existsSync(abs) ? 'exists' : 'missing';
  if (stored === 'absent') return fs.existsSync(abs) ? 'exists' : 'absent';
  try {
    return hashText(readRegularText(abs, INPUT_LIMITS.config));
  } catch {
    return 'missing';
  }
}
