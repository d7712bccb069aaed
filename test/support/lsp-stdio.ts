import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './fixtures';

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { message: string; code?: string | number; severity?: number; range: { start: { line: number; character: number } } }[];
}

/** The built language server (dist/server.js) over stdio, as any LSP client would start it. */
export class LspStdio {
  readonly connection: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  /** Every notification from the server, in the order received (diagnostics too). */
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly child: ChildProcess;
  private listeners: (() => void)[] = [];

  /** `args`: how to start it; by default the server bundle itself, as the extension does. */
  constructor(args: string[] = [path.join(REPO_ROOT, 'dist/server.js'), '--stdio'], env?: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'], ...(env ? { env: { ...process.env, ...env } } : {}) });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    // Capability registrations and configuration requests: an empty answer, as a minimal client gives.
    this.connection.onRequest(() => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.notifications.push({ method: 'textDocument/publishDiagnostics', params: p });
      for (const l of this.listeners) l();
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      for (const l of this.listeners) l();
    });
    this.connection.listen();
  }

  async open(folder: string, initializationOptions?: object): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the first notification of `method` whose params satisfy `test`, or rejects after `ms`. */
  waitForNotification<P>(method: string, test: (params: P) => boolean, ms: number): Promise<P> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.notifications.find((n) => n.method === method && test(n.params as P));
        if (found) resolve(found.params as P);
        return !!found;
      };
      if (check()) return;
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms; got ${this.notifications.map((n) => n.method).join(', ').slice(0, 2000)}`)), ms);
      this.listeners.push(() => {
        if (check()) clearTimeout(timer);
      });
    });
  }

  /** Resolves with the first publication that satisfies `test`, or rejects after `ms`. */
  waitFor(test: (p: PublishedDiagnostics) => boolean, ms: number): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.published.find(test);
        if (found) resolve(found);
        return !!found;
      };
      if (check()) return;
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics within ${ms} ms; got ${JSON.stringify(this.published).slice(0, 2000)}`)), ms);
      this.listeners.push(() => {
        if (check()) clearTimeout(timer);
      });
    });
  }

  /** A request the server must answer promptly if it is not blocked. */
  async ping(ms: number): Promise<void> {
    await Promise.race([
      this.connection.sendRequest('bulkhead/serverProcess', {}),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`server did not answer within ${ms} ms`)), ms)),
    ]);
  }

  dispose(): void {
    this.connection.dispose();
    this.child.kill('SIGKILL');
  }
}
