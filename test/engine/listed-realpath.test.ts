import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { findSourceFiles } from '../../src/engine/discover';
import { readWorkspacePackages } from '../../src/engine/resolve';
import { readDirectoryWithTypeScript } from '../../src/engine/resolve/resolution-stack';
import { LazyResolution } from '../../src/engine/session/lazy-resolution';
import { FIXTURES } from '../support/fixtures';
import { tempWorkspace } from '../support/temp-workspace';

/**
 * Every tsconfig's file list in a workspace, expanded over the host's listings twice: with the
 * host's real paths (an lstat per path segment) and with `listedRealpath`, which takes a folder
 * listed from the scan for its own real path.
 */
function fileListsBothWays(real: string): { configs: number; files: number } {
  const discovery = findSourceFiles(real);
  const { host } = new LazyResolution(real, readWorkspacePackages(real, discovery.packageJsons), discovery.links, [], discovery.files);
  const listed = readDirectoryWithTypeScript(host);
  const disk = readDirectoryWithTypeScript({ ...pick(host), listedRealpath: host.realpath });
  let files = 0;
  for (const rel of discovery.tsconfigs) {
    const configFile = path.join(real, rel);
    const read = ts.readConfigFile(configFile, host.readFile);
    if (read.error) continue;
    const parse = (readDirectory: ts.ParseConfigHost['readDirectory']): string[] =>
      ts.parseJsonConfigFileContent(read.config, { useCaseSensitiveFileNames: host.useCaseSensitiveFileNames, fileExists: host.fileExists, readFile: host.readFile, readDirectory }, path.dirname(configFile), undefined, configFile).fileNames;
    const expected = parse(disk);
    assert.deepEqual(parse(listed), expected, rel);
    files += expected.length;
  }
  return { configs: discovery.tsconfigs.length, files };
}

function pick(host: LazyResolution['host']): Parameters<typeof readDirectoryWithTypeScript>[0] {
  return { fileSystemEntries: host.fileSystemEntries, listedRealpath: host.listedRealpath, useCaseSensitiveFileNames: host.useCaseSensitiveFileNames, getCurrentDirectory: host.getCurrentDirectory };
}

describe('tsconfig file lists without real paths for the scanned folders', () => {
  it('equal the lists with every folder real-pathed, in every fixture', () => {
    let configs = 0;
    let files = 0;
    for (const fixture of fs.readdirSync(FIXTURES)) {
      if (!fs.statSync(path.join(FIXTURES, fixture)).isDirectory()) continue;
      const counts = fileListsBothWays(fs.realpathSync(path.join(FIXTURES, fixture)));
      configs += counts.configs;
      files += counts.files;
    }
    // the comparison must have covered real lists
    assert.ok(configs > 40 && files > 200, `${configs} tsconfigs, ${files} files`);
  });

  it('equal them with links inside the workspace, and under a root reached through a link', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'app', path: 'src/app' }, { name: 'shared', path: 'src/shared' }] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src', 'src/app/linked/**/*'] }),
      'packages/p/tsconfig.json': JSON.stringify({ include: ['**/*'], references: [{ path: '../..' }] }),
      'packages/p/src/index.ts': 'export const p = 1;\n',
      'src/shared/util.ts': 'export const u = 1;\n',
      'src/shared/deep/more.ts': 'export const m = 1;\n',
      'src/app/main.ts': 'export const v = 1;\n',
    });
    const outside = `${ws.root}-link`;
    try {
      fs.symlinkSync(path.join(ws.root, 'src/shared'), path.join(ws.root, 'src/app/linked'), 'dir');
      fs.symlinkSync(ws.root, outside, 'dir');
      // the linked folder is not in the scan, whose files are listed by their real paths
      assert.deepEqual(fileListsBothWays(fs.realpathSync(ws.root)), { configs: 2, files: 4 });
      // a session's root is real; a host given another takes no path for real
      assert.deepEqual(fileListsBothWays(outside), { configs: 2, files: 4 });
    } finally {
      fs.rmSync(outside, { force: true });
      ws.dispose();
    }
  });
});
