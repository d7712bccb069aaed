// The test-electron `run()` shape: the extension host calls run() of the index and waits for the
// promise. Each index adds the `*.suite.js` files of its own folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

export function runSuites(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60000 });
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.suite.js')) mocha.addFile(path.join(dir, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
