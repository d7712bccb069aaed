// Writes a synthetic workspace of about N files: `node bench/generator/generate.mjs <files> <outDir>`.
// Layered modules (domain/application/infrastructure/api) behind barrels, tsconfig `paths`
// aliases, type-only and dynamic imports, SQL/ORM code, and a few violations of each rule.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandom } from './random.mjs';
import { LAYERS, planWorkspace } from './plan.mjs';
import { layerBarrelText, mainText, moduleBarrelText, moduleFileText, sharedBarrelText, sharedFileText } from './content.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Generates (or reuses, when the stamp matches) a workspace; returns its root and file count. */
export function generateWorkspace(totalFiles, outDir, seed = 42) {
  const stampFile = path.join(outDir, '.bench-stamp.json');
  const stamp = JSON.stringify({ generator: generatorHash(), totalFiles, seed });
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    return { root: outDir, files: countTs(path.join(outDir, 'src')), reused: true };
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  const plan = planWorkspace(totalFiles, seed);
  const random = createRandom(seed + 1);
  let written = 0;
  const made = new Set();
  const write = (rel, text) => {
    const abs = path.join(outDir, rel);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(abs, text);
    if (rel.endsWith('.ts')) written++;
  };

  write('package.json', `${JSON.stringify({ name: `bench-workspace-${totalFiles}`, private: true, type: 'module' }, null, 2)}\n`);
  write('tsconfig.json', `${JSON.stringify(tsconfig(), null, 2)}\n`);
  write('bulkhead.json', `${JSON.stringify(moduleMap(plan), null, 2)}\n`);
  for (const area of plan.shared.areas) write(`src/shared/${area}/index.ts`, sharedBarrelText(plan, area));
  for (const file of plan.shared.files) write(file.rel, sharedFileText(file, random));
  // Barrels first: laundering re-exports add names that later files may import.
  for (const mod of plan.modules) {
    write(`src/modules/${mod.name}/index.ts`, moduleBarrelText(plan, mod, random));
    for (const layer of LAYERS) write(`src/modules/${mod.name}/${layer.name}/index.ts`, layerBarrelText(mod, layer.name));
  }
  for (const mod of plan.modules) {
    mod.files.forEach((file, i) => write(file.rel, moduleFileText(plan, mod, i, random)));
  }
  write('src/main.ts', mainText(plan, random));
  fs.writeFileSync(stampFile, stamp);
  return { root: outDir, files: written, reused: false };
}

function tsconfig() {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      strict: true,
      experimentalDecorators: true,
      paths: { '@app/*': ['./src/modules/*'], '@shared/*': ['./src/shared/*'] },
    },
    include: ['src'],
  };
}

function moduleMap(plan) {
  return {
    modules: [
      { name: 'app', path: 'src', public: ['main.ts'], dependsOn: ['*'] },
      { name: 'shared/<area>', path: 'src/shared/<area>', public: ['**'], dependsOn: [] },
      ...plan.modules.map((m) => ({
        name: m.name,
        path: `src/modules/${m.name}`,
        dependsOn: ['shared/*', ...m.deps.map((d) => plan.modules[d].name)],
      })),
    ],
    database: { allowedIn: ['src/modules/*/infrastructure/**', 'src/shared/db/**'] },
    rules: { 'unowned-file': 'warn' },
  };
}

/** Any change to the generator's code regenerates workspaces made by the old one. */
function generatorHash() {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(HERE).sort()) hash.update(fs.readFileSync(path.join(HERE, name)));
  return hash.digest('hex').slice(0, 16);
}

function countTs(dir) {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.ts')) n++;
  return n;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [files, out] = process.argv.slice(2);
  if (!files || !out) {
    process.stderr.write('usage: node bench/generator/generate.mjs <files> <outDir>\n');
    process.exit(2);
  }
  const started = performance.now();
  const result = generateWorkspace(Number(files), path.resolve(out));
  process.stdout.write(`${result.files} files in ${result.root} (${Math.round(performance.now() - started)} ms${result.reused ? ', reused' : ''})\n`);
}
