import * as path from 'node:path';
import * as vscode from 'vscode';
import { updateBaselineRequest, type BaselineUpdate } from '../protocol/messages';
import type { BulkheadContext } from './bulkhead-context';

export const UPDATE_BASELINE_COMMAND = 'bulkhead.updateBaseline';
export const RECORD_BASELINE_COMMAND = 'bulkhead.recordBaseline';

/**
 * "Bulkhead: Update Baseline": removes the fixed entries from each folder's
 * bulkhead-baseline.json (as `check --update-baseline`: the file only ever shrinks). Returns what
 * was done per folder (for tests); the message is not awaited.
 */
export async function updateBaseline(ctx: BulkheadContext): Promise<BaselineUpdate[]> {
  if (!(await savedOrCancelled())) return [];
  const updates = (await ctx.send(updateBaselineRequest, {})) ?? [];
  const written = updates.filter((u) => u.written);
  const missing = updates.filter((u) => u.skipped?.startsWith('no '));
  const failed = updates.filter((u) => u.skipped && !u.skipped.startsWith('no '));
  for (const u of failed) void vscode.window.showWarningMessage(`Bulkhead: ${name(u)} not updated: ${u.skipped}`);
  if (written.length > 0) {
    const removed = written.reduce((n, u) => n + u.removed, 0);
    void vscode.window.showInformationMessage(`Bulkhead: removed ${plural(removed, 'fixed violation')} from ${written.map(name).join(', ')} (${written.reduce((n, u) => n + u.entries, 0)} left).`);
  } else if (missing.length > 0 && missing.length === updates.length) {
    void vscode.window.showInformationMessage('Bulkhead: no bulkhead-baseline.json yet. Record one to accept today\'s violations, so that only new ones are errors.', 'Record Baseline')
      .then((picked) => (picked ? vscode.commands.executeCommand(RECORD_BASELINE_COMMAND) : undefined));
  } else if (failed.length === 0) {
    void vscode.window.showInformationMessage('Bulkhead: the baseline is up to date (no fixed violations in it).');
  }
  return updates;
}

/**
 * "Bulkhead: Record Baseline": writes today's violations as accepted (as `bulkhead baseline`).
 * Replacing an existing baseline asks first: it accepts every new violation too.
 */
export async function recordBaseline(ctx: BulkheadContext): Promise<BaselineUpdate[]> {
  if (!(await savedOrCancelled())) return [];
  const existing = ctx.status.filter((f) => f.baseline && !f.baseline.error);
  if (existing.length > 0) {
    const fresh = ctx.status.reduce((n, f) => n + f.errors + f.warnings, 0);
    const replace = 'Replace';
    const picked = await vscode.window.showWarningMessage(
      `Replace bulkhead-baseline.json with today's violations? This also accepts the ${plural(fresh, 'new violation')} it does not list yet.`,
      { modal: true },
      replace,
    );
    if (picked !== replace) return [];
  }
  const updates = (await ctx.send(updateBaselineRequest, { record: true })) ?? [];
  for (const u of updates) {
    if (u.written) void vscode.window.showInformationMessage(`Bulkhead: wrote ${plural(u.entries, 'violation')} to ${name(u)}. Commit it; known violations now show as hints, new ones as errors.`);
    else void vscode.window.showWarningMessage(`Bulkhead: ${name(u)} not written: ${u.skipped}`);
  }
  return updates;
}

/** The baseline must describe the files on disk, which CI checks: unsaved edits are saved first. */
async function savedOrCancelled(): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file');
  if (dirty.length === 0) return true;
  const save = 'Save All';
  const picked = await vscode.window.showWarningMessage(
    `${plural(dirty.length, 'file')} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes. The baseline is compared with the files on disk, as in CI.`,
    { modal: true },
    save,
  );
  return picked === save && vscode.workspace.saveAll(false);
}

function name(u: BaselineUpdate): string {
  return vscode.workspace.asRelativePath(u.file, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) || path.basename(u.file);
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
