import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';

/** `"dependsOn": ["helpers/<family>"]`: each component may use the helpers of its own family. */
describe('dependsOn with placeholders naming a counterpart some instances lack', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-placeholder-deps-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('src/components/cart/index.ts', "import '../../helpers/cart';\n");
    write('src/components/price/index.ts', "import '../../helpers/cart';\n");
    write('src/helpers/cart/index.ts', 'export {};\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const check = (dependsOn: string) =>
    checkWorkspace({
      root,
      configText: JSON.stringify({
        modules: [
          { name: 'components/<family>', path: 'src/components/<family>', dependsOn: [dependsOn] },
          { name: 'helpers/<family>', path: 'src/helpers/<family>' },
        ],
      }),
    });

  it('is no config error when one instance has the counterpart (price has no helpers)', () => {
    const result = check('helpers/<family>');
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}`), ['undeclared-dependency src/components/price/index.ts']);
  });

  it('is still an unknown-module error when no instance has it (a typo)', () => {
    const errors = check('helperz/<family>').diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.some((d) => /unknown module "helperz\/cart"/.test(d.message)), errors.map((d) => d.message).join('\n'));
  });
});
