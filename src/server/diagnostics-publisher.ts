import type { Connection, Diagnostic } from 'vscode-languageserver/node';

/**
 * Publishes each folder's diagnostics and clears files that no longer have any, so a fixed
 * violation disappears from the Problems panel even for files that are not open.
 */
export class DiagnosticsPublisher {
  private readonly byFolder = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly connection: Connection) {}

  publish(folder: string, next: Map<string, Diagnostic[]>): void {
    const previous = this.byFolder.get(folder) ?? new Map<string, Diagnostic[]>();
    this.byFolder.set(folder, next);
    const touched = new Set([...previous.keys(), ...next.keys()]);
    for (const uri of touched) {
      const before = previous.get(uri);
      const after = next.get(uri);
      if (before && after && JSON.stringify(before) === JSON.stringify(after)) continue;
      void this.connection.sendDiagnostics({ uri, diagnostics: this.merged(uri) });
    }
  }

  clear(folder: string): void {
    this.publish(folder, new Map());
    this.byFolder.delete(folder);
  }

  /** Nested folders may both report a file: the editor gets their union. */
  private merged(uri: string): Diagnostic[] {
    return [...this.byFolder.values()].flatMap((m) => m.get(uri) ?? []);
  }
}
