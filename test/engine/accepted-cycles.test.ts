import * as assert from 'node:assert/strict';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

const cycles = (r: CheckResult): string[] => r.violations.filter((v) => v.rule === 'cycle').map((v) => v.message.split(' (')[0]).sort();

/** `acceptedCycles`: a loop the team keeps on purpose is declared with its reason, not turned off. */
describe('accepted cycles', () => {
  // terminal ⇄ terminalContrib/links, terminal ⇄ terminalContrib/find, and app ⇄ terminal.
  const files: Record<string, string> = {
    'src/terminal/index.ts': "import { links } from '../terminalContrib/links';\nimport { find } from '../terminalContrib/find';\nimport { app } from '../app';\nexport const terminal = [links, find, app];\n",
    'src/terminalContrib/links/index.ts': "import { terminal } from '../../terminal';\nexport const links = () => terminal;\n",
    'src/terminalContrib/find/index.ts': "import { terminal } from '../../terminal';\nexport const find = () => terminal;\n",
    'src/app/index.ts': "import { terminal } from '../terminal';\nexport const app = () => terminal;\n",
  };
  const modules = [
    { name: 'terminal', path: 'src/terminal', dependsOn: ['*'], tags: ['terminal'] },
    { name: 'terminalContrib/<c>', path: 'src/terminalContrib/<c>', dependsOn: ['*'], tags: ['terminal'] },
    { name: 'app', path: 'src/app', dependsOn: ['*'] },
  ];
  const check = (config: object): CheckResult => {
    const ws = tempWorkspace({ ...files, 'bulkhead.json': JSON.stringify(config) });
    try {
      return checkWorkspace({ root: ws.root });
    } finally {
      ws.dispose();
    }
  };

  it('reports each pair without the declaration', () => {
    assert.deepEqual(cycles(check({ modules })), [
      'Module cycle: app → terminal → app',
      'Module cycle: terminal → terminalContrib/find → terminal',
      'Module cycle: terminal → terminalContrib/links → terminal',
    ]);
  });

  it('leaves out the cycles whose modules all match one entry (globs and tags), and only those', () => {
    const accepted = [{ modules: ['terminal', 'terminalContrib/*'], reason: 'contributions register back into the terminal' }];
    assert.deepEqual(cycles(check({ modules, acceptedCycles: accepted })), ['Module cycle: app → terminal → app']);
    const byTag = [{ modules: ['tag:terminal'], reason: 'same, by tag' }];
    assert.deepEqual(cycles(check({ modules, acceptedCycles: byTag })), ['Module cycle: app → terminal → app']);
    // Two entries that each cover one module of a pair do not accept it together.
    const split = [{ modules: ['app'], reason: 'a' }, { modules: ['terminal'], reason: 'b' }];
    assert.equal(cycles(check({ modules, acceptedCycles: split })).length, 3);
  });

  it('a group is accepted only when the entry covers every module of the group', () => {
    // app → terminal → terminalContrib/links → app: one group of three modules, no pair.
    const loop: Record<string, string> = {
      'src/app/index.ts': "import { terminal } from '../terminal';\nexport const app = () => terminal;\n",
      'src/terminal/index.ts': "import { links } from '../terminalContrib/links';\nexport const terminal = [links];\n",
      'src/terminalContrib/links/index.ts': "import { app } from '../../app';\nexport const links = () => app;\n",
    };
    const run = (acceptedCycles: object[]): string[] => {
      const ws = tempWorkspace({ ...loop, 'bulkhead.json': JSON.stringify({ modules, acceptedCycles }) });
      try {
        return cycles(checkWorkspace({ root: ws.root }));
      } finally {
        ws.dispose();
      }
    };
    assert.deepEqual(run([{ modules: ['tag:terminal'], reason: 'x' }]), ['Module cycle among 3 modules']);
    assert.deepEqual(run([{ modules: ['tag:terminal', 'app'], reason: 'x' }]), []);
  });

  it('an entry without a reason, or naming an unknown module, is a config error at its place', () => {
    const noReason = check({ modules, acceptedCycles: [{ modules: ['terminal'] }] });
    assert.ok(noReason.diagnostics.some((d) => d.code === 'invalid-config' && d.message.includes('"reason"') && d.range.start.line === 1), JSON.stringify(noReason.diagnostics));
    const unknown = check({ modules, acceptedCycles: [{ modules: ['termnal'], reason: 'typo' }] });
    const d = unknown.diagnostics.find((x) => x.code === 'unknown-module');
    assert.ok(d && d.message.startsWith('acceptedCycles[0].modules: unknown module "termnal"'), JSON.stringify(unknown.diagnostics));
  });
});
