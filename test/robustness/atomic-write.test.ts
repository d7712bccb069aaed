import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ATOMIC = path.resolve(__dirname, '../../src/engine/io/atomic-write.js');

describe('robustness: atomic writes survive being killed mid-write', function () {
  this.timeout(120_000);

  it('leaves the old or the new file, never a torn one, over many kills', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-atomic-'));
    const target = path.join(dir, 'bulkhead-baseline.json');
    const make = `['A', 'B'].map((tag) => JSON.stringify({ tag, entries: Array.from({ length: 60000 }, (_, i) => tag + i) }))`;
    const versions = eval(make) as string[];
    fs.writeFileSync(target, versions[0]);
    // A writer that alternates between two large versions as fast as it can.
    const script = `
      const { writeFileAtomic } = require(${JSON.stringify(ATOMIC)});
      const versions = ${make};
      // Every other write in parts (a string and a buffer), as the fact cache writes its facts, and
      // every third without the flush to the disk, as the cache is written: a kill cannot tear either.
      for (let i = 1; ; i++) {
        const v = versions[i % 2];
        writeFileAtomic(${JSON.stringify(target)}, i % 4 < 2 ? v : [v.slice(0, 1000), Buffer.from(v.slice(1000))], { flush: i % 3 !== 0 });
      }`;
    try {
      for (let round = 0; round < 15; round++) {
        const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
        await new Promise((r) => setTimeout(r, 150 + ((round * 37) % 200)));
        child.kill('SIGKILL');
        await new Promise((r) => child.on('exit', r));
        const content = fs.readFileSync(target, 'utf8');
        assert.ok(content === versions[0] || content === versions[1], `round ${round}: torn file of ${content.length} bytes`);
      }
      const leftovers = fs.readdirSync(dir).filter((f) => f !== path.basename(target));
      assert.ok(leftovers.every((f) => f.endsWith('.tmp')), `only temp files may be left behind by a kill: ${leftovers.join(', ')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
