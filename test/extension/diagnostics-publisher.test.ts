import * as assert from 'node:assert/strict';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DiagnosticsPublisher } from '../../src/server/diagnostics-publisher';

function diagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message, source: 'bulkhead' };
}

describe('server: publishing diagnostics', () => {
  let sent: PublishDiagnosticsParams[];
  let publisher: DiagnosticsPublisher;
  beforeEach(() => {
    sent = [];
    publisher = new DiagnosticsPublisher({ sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p) } as unknown as Connection);
  });

  it('clears a file whose violations are gone and skips files that did not change', () => {
    publisher.publish('/ws', new Map([['file:///ws/a.ts', [diagnostic('a')]], ['file:///ws/b.ts', [diagnostic('b')]]]));
    sent = [];
    publisher.publish('/ws', new Map([['file:///ws/b.ts', [diagnostic('b')]]]));
    assert.deepEqual(sent, [{ uri: 'file:///ws/a.ts', diagnostics: [] }]);
  });

  it('merges what two folders say about one file, and clears a folder that was removed', () => {
    publisher.publish('/ws', new Map([['file:///ws/inner/a.ts', [diagnostic('outer')]]]));
    publisher.publish('/ws/inner', new Map([['file:///ws/inner/a.ts', [diagnostic('inner')]]]));
    assert.deepEqual(sent.at(-1)?.diagnostics.map((d) => d.message), ['outer', 'inner']);
    publisher.clear('/ws/inner');
    assert.deepEqual(sent.at(-1), { uri: 'file:///ws/inner/a.ts', diagnostics: [diagnostic('outer')] });
  });
});
