import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkheadContext } from '../../../../src/extension/bulkhead-context';
import { serverProcessRequest } from '../../../../src/protocol/messages';
import { MAX_RESTARTS, RestartOnCrash } from '../../../../src/extension/restart-on-crash';
import { bulkhead, diagnostic, fileUri, open, ours, revertAll, waitFor } from '../helpers';

const LEAK = "import { normalizeEmail } from '../users/domain/user';\nexport const email = normalizeEmail;\n";

/** The pid of the running server, once it answers; `not` skips a server that is already dead. */
function serverPid(context: BulkheadContext, not?: number): Promise<number> {
  return waitFor(async () => {
    const found = await context.send(serverProcessRequest, {}).catch(() => undefined);
    return found && found.pid !== not ? found.pid : undefined;
  }, `a language server other than pid ${not}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills the server as the OOM killer would, and records what the status bar says meanwhile. */
async function crash(context: BulkheadContext): Promise<{ pid: number; texts: string[] }> {
  const pid = await serverPid(context);
  const texts: string[] = [];
  const listening = context.statusBar.onDidChangeText((t) => texts.push(t));
  process.kill(pid, 'SIGKILL');
  await waitFor(() => !alive(pid), `server pid ${pid} to die`);
  // the restart runs on its own: stop listening once the new server is ready
  void waitFor(() => /^\$\(layers\)/.test(context.statusBar.text), 'a ready status bar', 30000).finally(() => listening.dispose()).catch(() => undefined);
  return { pid, texts };
}

describe('language server crash', () => {
  after(revertAll);

  it('restarts the killed server, which gets the unsaved text of open editors', async () => {
    const { context } = await bulkhead();
    const editor = await open('src/catalog/index.ts');
    const uri = editor.document.uri;
    assert.deepEqual(ours(uri), []);
    const killed = await crash(context);
    // edited right after the kill, usually before the new server is up: it learns the unsaved
    // text from the client's resync of open documents
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), LEAK));
    assert.ok(editor.document.isDirty);
    const d = await diagnostic(uri, 'internal-import');
    assert.equal(editor.document.getText(d.range), "'../users/domain/user'");
    assert.notEqual(await serverPid(context), killed.pid);
    assert.ok(context.running);
    await waitFor(() => /^\$\(layers\) catalog · \d+ violations?$/.test(context.statusBar.text), `a ready status bar, last: ${context.statusBar.text}`);
    assert.ok(killed.texts.includes('$(sync~spin) Bulkhead: restarting'), `status bar texts: ${JSON.stringify(killed.texts)}`);
  });

  it('survives a second kill and keeps following edits', async () => {
    const { context } = await bulkhead();
    const editor = await open('src/catalog/index.ts');
    const uri = editor.document.uri;
    await diagnostic(uri, 'internal-import'); // the unsaved import of the previous test
    const killed = await crash(context);
    const pid = await serverPid(context, killed.pid);
    assert.ok(alive(pid));
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 2, 0)));
    await waitFor(() => ours(uri).length === 0, 'the diagnostic of the undone import to go away');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), LEAK));
    await diagnostic(uri, 'internal-import');
    assert.ok(killed.texts.includes('$(sync~spin) Bulkhead: restarting'), `status bar texts: ${JSON.stringify(killed.texts)}`);
  });

  it(`stays down after ${MAX_RESTARTS} restarts in three minutes, until Re-check Workspace`, async () => {
    const { context } = await bulkhead();
    let last = await serverPid(context);
    for (let crashes = 3; crashes <= MAX_RESTARTS; crashes++) { // two in the tests above
      process.kill(last, 'SIGKILL');
      last = await serverPid(context, last);
    }
    process.kill(last, 'SIGKILL');
    await waitFor(() => context.statusBar.text === '$(debug-pause) Bulkhead: stopped', `a stopped status bar, last: ${context.statusBar.text}`);
    assert.equal(context.running, false);
    const status = await vscode.commands.executeCommand<{ errors: number }[]>('bulkhead.recheck');
    assert.equal(status.length, 1);
    assert.notEqual(await serverPid(context), last);
    await diagnostic(fileUri('src/catalog/index.ts'), 'internal-import'); // the unsaved import again
  });

  it('counts only the crashes of the last three minutes', () => {
    let now = 0;
    const events: string[] = [];
    const policy = new RestartOnCrash({ restarting: () => events.push('restart'), gaveUp: () => events.push('gave up') }, () => now);
    for (let i = 0; i < MAX_RESTARTS; i++, now += 1000) policy.closed();
    now += 3 * 60 * 1000 - 1000 * MAX_RESTARTS; // the first crash is now three minutes old
    policy.closed();
    assert.deepEqual(events, Array(MAX_RESTARTS + 1).fill('restart'));
    policy.closed(); // a sixth crash within three minutes of the second one
    assert.equal(events.at(-1), 'gave up');
  });
});
