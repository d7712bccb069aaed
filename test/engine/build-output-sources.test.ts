import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { openSession } from '../support/open-session';
import { BuildOutputSources } from '../../src/engine/resolve/build-output-sources';
import type { TsconfigRegistry } from '../../src/engine/resolve/tsconfig-registry';
import { compactResult, FIXTURES, readExpectation, sortC } from '../support/fixtures';

const FIXTURE = path.join(FIXTURES, 'resolve-build-output');

/** A copy of the fixture to build or install into. */
function copyOfFixture(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-build-output-'));
  fs.cpSync(FIXTURE, root, { recursive: true });
  return root;
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function edgesOf(root: string): string[] {
  return sortC([...new Set(openSession({ root }).fileEdges().map((e) => `${e.from} -> ${e.to}`))]);
}

describe('build output of workspace packages stands for its sources', () => {
  const expectedEdges = sortC(readExpectation(path.join(FIXTURE, 'expected-edges.txt')));
  const expectedViolations = sortC(readExpectation(path.join(FIXTURE, 'expected.txt')));

  it('after a build, imports reach the sources, not the emitted .d.ts files no module owns', () => {
    const root = copyOfFixture();
    try {
      write(root, 'packages/core/lib/common/index.d.ts', "export { Disposable } from './disposable';\n");
      write(root, 'packages/core/lib/common/index.js', 'exports.x = 1;\n');
      write(root, 'packages/core/lib/browser/index.d.ts', "export { Widget } from './widget';\n");
      write(root, 'packages/core/lib/browser/widget.d.ts', 'export declare class Widget {}\n');
      write(root, 'packages/core/lib/node/backend-application.d.ts', 'export declare function startBackend(port: number): string;\n');
      write(root, 'packages/ui/dist/esm/index.d.ts', "export { Button } from './button';\n");
      write(root, 'packages/sdk/dist/index.d.ts', "export { HttpClient } from './http/http-client';\n");
      write(root, 'packages/sdk/dist/http/http-client.d.ts', 'export declare class HttpClient {}\n');
      assert.deepEqual(edgesOf(root), expectedEdges);
      assert.deepEqual(compactResult(checkWorkspace({ root })), expectedViolations);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('with the packages installed as links in node_modules, the answers are the same', () => {
    const root = copyOfFixture();
    try {
      fs.mkdirSync(path.join(root, 'node_modules/@ide'), { recursive: true });
      for (const name of ['core', 'ui', 'sdk']) fs.symlinkSync(path.join(root, 'packages', name), path.join(root, 'node_modules/@ide', name), 'dir');
      assert.deepEqual(edgesOf(root), expectedEdges);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('an output path with no source behind it stays unresolved, and a source folder is not an output folder', () => {
    const root = copyOfFixture();
    try {
      write(root, 'packages/app/src/gone.ts', "import { Gone } from '@ide/core/lib/browser/gone';\nimport { Own } from '@ide/core/src/browser';\nexport const x = [Gone, Own];\n");
      const result = checkWorkspace({ root });
      assert.deepEqual(result.unresolved.map((u) => u.specifier), ['@ide/core/lib/browser/gone']);
      const edges = edgesOf(root).filter((e) => e.startsWith('packages/app/src/gone.ts'));
      assert.deepEqual(edges, ['packages/app/src/gone.ts -> packages/core/src/browser/index.ts']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it('in an editor session, a source created after an import of its build output was answered reaches it', () => {
    const root = copyOfFixture();
    try {
      write(root, 'packages/app/src/late.ts', "import { later } from '@ide/core/lib/common/later';\nexport const x = later;\n");
      write(root, 'packages/app/src/late-folder.ts', "import { soon } from '@ide/core/lib/soon';\nexport const y = soon;\n");
      const session = openSession({ root });
      const targets = () => session.fileEdges().filter((e) => e.from.startsWith('packages/app/src/late')).map((e) => `${e.from} -> ${e.to}`).sort();
      assert.deepEqual(targets(), []);
      for (const [rel, text] of [['packages/core/src/common/later.ts', 'export const later = 1;\n'], ['packages/core/src/soon/index.ts', 'export const soon = 1;\n']]) {
        write(root, rel, text);
        session.updateFile(path.join(root, rel));
      }
      session.analyze();
      assert.deepEqual(targets(), ['packages/app/src/late-folder.ts -> packages/core/src/soon/index.ts', 'packages/app/src/late.ts -> packages/core/src/common/later.ts']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('BuildOutputSources: what a probe costs', () => {
  /** A package at /w/pkg whose tsconfig builds src/ to lib/, and a count of its file listings. */
  function packageWithListingCount(): { sources: BuildOutputSources; listings: () => number } {
    let listings = 0;
    const project = {
      configFile: '/w/pkg/tsconfig.json',
      options: { outDir: '/w/pkg/lib' },
      get fileNames(): ReadonlySet<string> {
        listings++;
        return new Set(['/w/pkg/src/index.ts', '/w/pkg/src/a/b.ts']);
      },
      references: [],
    };
    const registry = { projectAt: (file: string) => (file === project.configFile ? project : undefined) } as unknown as TsconfigRegistry;
    const folders = new Set(['/w/pkg', '/w/pkg/src', '/w/pkg/src/a']);
    const files = new Set(['/w/pkg/tsconfig.json', '/w/pkg/src/index.ts', '/w/pkg/src/a/b.ts']);
    const sources = new BuildOutputSources(['/w/pkg'], registry, (f) => files.has(f), (d) => folders.has(d), (d) => (d === '/w/pkg' ? ['tsconfig.json', 'package.json'] : []));
    return { sources, listings: () => listings };
  }

  it('a path outside every output folder is answered without listing the package (the compiler default rootDir needs the list)', () => {
    const { sources, listings } = packageWithListingCount();
    assert.equal(sources.sourceFolderOf('/w/pkg/node_modules'), undefined);
    assert.equal(sources.sourceOf('/w/pkg/src/index.d.ts'), undefined);
    assert.equal(listings(), 0);
    assert.equal(sources.sourceFolderOf('/w/pkg/lib/a'), '/w/pkg/src/a');
    assert.equal(sources.sourceOf('/w/pkg/lib/a/b.d.ts'), '/w/pkg/src/a/b.ts');
    assert.equal(listings(), 1);
  });
});
