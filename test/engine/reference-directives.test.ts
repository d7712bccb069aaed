import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { openSession } from '../support/open-session';
import { FIXTURES } from '../support/fixtures';

const ROOT = path.join(FIXTURES, 'imports-triple-slash');

describe('triple-slash reference directives', () => {
  it('say "reference" where the messages name what the code does', () => {
    const messages = checkWorkspace({ root: ROOT }).violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}: ${v.message}`);
    assert.ok(messages.includes(
      'internal-import src/app/main.ts:2: "../shared/internal/env.d.ts" reaches into the internals of module "shared" (src/shared/internal/env.d.ts). Reference its public API (src/shared/index.ts) instead.',
    ), messages.join('\n'));
    assert.ok(messages.includes(
      'unresolved-import src/app/main.ts:4: Cannot find "./missing.d.ts": this /// <reference path> names no file TypeScript would read, so its dependency cannot be checked.',
    ), messages.join('\n'));
  });

  it('are explained like imports: a resolved file, or an unresolved type package', () => {
    const session = openSession({ root: ROOT });
    const explained = session.explain('src/app/main.ts')!.imports.map((i) => `${i.specifier} → ${i.resolution}${i.allowed ? '' : ' (not allowed)'}`);
    assert.deepEqual(explained, [
      '../shared/globals.d.ts → src/shared/globals.d.ts',
      '../shared/internal/env.d.ts → src/shared/internal/env.d.ts (not allowed)',
      'vite/client → unresolved',
      './missing.d.ts → unresolved',
      '../shared → src/shared/index.ts',
    ]);
  });
});
