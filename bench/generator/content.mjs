// Writes the text of each planned file: imports that name real exports, and bodies of a realistic
// size (classes, interfaces, SQL and ORM code), plus a sprinkling of boundary violations.
import * as path from 'node:path';
import { cap } from './plan.mjs';

const EXTERNALS = ['zod', 'express', 'date-fns', 'lodash-es', 'node:crypto', 'node:events', 'rxjs'];
/** Per-file odds of each deliberate violation (application and api layers). */
const ODDS = { internal: 0.01, undeclared: 0.006, unresolved: 0.002, driver: 0.002, foreignTable: 0.004 };

export function moduleFileText(plan, mod, fileIndex, random) {
  const file = mod.files[fileIndex];
  const imports = new ImportList(file.rel);
  const earlier = mod.files.slice(0, fileIndex);
  const pickEarlier = (layers, n) => random.sample(earlier.filter((f) => layers.includes(f.layer)), n);
  const shared = (area) => imports.named(`@shared/${area}`, [pickSharedName(plan, area, random)]);

  if (file.layer === 'domain') {
    for (const f of pickEarlier(['domain'], random.int(0, 2))) imports.fromFile(f, [f.exports[f.exports.length - 1]], true);
    if (random.chance(0.4)) shared('kernel');
  } else if (file.layer === 'application') {
    const domain = pickEarlier(['domain'], random.int(1, 3));
    if (domain.length > 0 && random.chance(0.5)) imports.named(rel(file.rel, `src/modules/${mod.name}/domain`), domain.map((f) => f.exports[0].name));
    else for (const f of domain) imports.fromFile(f, f.exports, false);
    for (const f of pickEarlier(['application'], random.int(0, 2))) imports.fromFile(f, f.exports, random.chance(0.3));
    crossModule(plan, mod, imports, random);
    shared('util');
  } else if (file.layer === 'infrastructure') {
    for (const f of pickEarlier(['domain'], random.int(1, 2))) imports.fromFile(f, f.exports, true);
    shared('db');
    imports.raw(usesTypeorm(file) ? `import { Entity, Column, PrimaryColumn } from 'typeorm';` : `import { sql } from 'drizzle-orm';`);
  } else {
    for (const f of pickEarlier(['application'], random.int(1, 2))) imports.fromFile(f, f.exports, false);
    crossModule(plan, mod, imports, random, 1);
    imports.raw(`import { z } from 'zod';`);
  }
  if (random.chance(0.3)) imports.raw(`import { ${random.pick(['randomUUID', 'createHash'])} } from 'node:crypto';`);
  if (random.chance(0.2)) imports.raw(`import * as ext${fileIndex} from '${random.pick(EXTERNALS)}';`);
  if (file.layer === 'application' || file.layer === 'api') violations(plan, mod, file, imports, random);

  const body = file.layer === 'infrastructure' ? repositoryBody(file, random)
    : file.layer === 'api' ? controllerBody(file, mod, earlier, random)
      : file.layer === 'domain' ? entityBody(file, random)
        : serviceBody(file, random);
  return `${header(mod, file)}${imports.text()}\n${body}`;
}

/** Imports from the public barrels of the modules this one declares it depends on. */
function crossModule(plan, mod, imports, random, max = 2) {
  for (const depIndex of random.sample(mod.deps, random.int(0, Math.min(max, mod.deps.length)))) {
    const dep = plan.modules[depIndex];
    const names = random.sample(dep.publicNames, random.int(1, 3));
    const typeOnly = names.every((n) => n.typeOnly) || random.chance(0.25);
    imports.named(`@app/${dep.name}`, names.map((n) => n.name), typeOnly);
  }
}

function violations(plan, mod, file, imports, random) {
  const others = plan.modules.filter((m) => m !== mod);
  if (random.chance(ODDS.internal)) {
    const target = mod.deps.length > 0 ? plan.modules[random.pick(mod.deps)] : random.pick(others);
    const inner = random.pick(target.files.filter((f) => f.layer === 'domain'));
    imports.named(`@app/${target.name}/${inner.rel.slice(`src/modules/${target.name}/`.length, -3)}`, [inner.exports[0].name]);
  }
  if (random.chance(ODDS.undeclared)) {
    const target = random.pick(others.filter((m) => !mod.deps.includes(m.index)));
    if (target) imports.named(`@app/${target.name}`, [random.pick(target.publicNames).name]);
  }
  if (random.chance(ODDS.unresolved)) imports.named('./missing-helper', ['missingHelper']);
  if (random.chance(ODDS.driver)) imports.raw(`import { Pool } from 'pg';`);
  if (random.chance(ODDS.foreignTable)) {
    const target = random.pick(others);
    const repository = target.files.find((f) => f.layer === 'infrastructure');
    if (repository) file.foreignTable = tableOf(repository);
  }
}

/** Half of the repositories are TypeORM entities, the other half drizzle with raw SQL. */
function usesTypeorm(file) {
  return file.seq % 2 === 0;
}

function tableOf(repositoryFile) {
  return `${repositoryFile.exports[0].name.replace(/Repository$/, '').replace(/([a-z])([A-Z0-9])/g, '$1_$2').toLowerCase()}s`;
}

function pickSharedName(plan, area, random) {
  return random.pick(plan.shared.files.filter((f) => f.area === area)).exports[0].name;
}

export function layerBarrelText(mod, layer) {
  const lines = mod.files.filter((f) => f.layer === layer).map((f) => {
    const spec = rel(`src/modules/${mod.name}/${layer}/index.ts`, f.rel);
    return layer === 'domain' ? `export * from '${spec}';` : `export { ${f.exports.map((e) => (e.typeOnly ? `type ${e.name}` : e.name)).join(', ')} } from '${spec}';`;
  });
  return `// Public surface of the ${layer} layer of ${mod.name}.\n${lines.join('\n')}\n`;
}

/** The module's public API; a few modules also re-export a dependency's name (laundering). */
export function moduleBarrelText(plan, mod, random) {
  const lines = [`// ${cap(mod.name)}: the module's public API. Import from '@app/${mod.name}', never from its folders.`, `export * from './domain';`];
  for (const f of mod.barrelNamed) {
    lines.push(`export { ${f.exports.map((e) => (e.typeOnly ? `type ${e.name}` : e.name)).join(', ')} } from '${rel(`src/modules/${mod.name}/index.ts`, f.rel)}';`);
  }
  if (mod.deps.length > 0 && random.chance(0.08)) {
    const dep = plan.modules[random.pick(mod.deps)];
    const name = dep.publicNames.find((n) => !n.typeOnly && n.file.includes('/domain/'));
    if (name) {
      lines.push(`export { ${name.name} } from '@app/${dep.name}';`);
      mod.publicNames.push({ name: name.name, typeOnly: false, file: name.file });
    }
  }
  return `${lines.join('\n')}\n`;
}

export function sharedFileText(file, random) {
  const cls = file.exports[0].name;
  const extra = file.area === 'db'
    ? `\n  query<T>(text: string, values: readonly unknown[] = []): Promise<T[]> {\n    this.log.push(text);\n    return Promise.resolve(values as T[]);\n  }\n`
    : '';
  return `// Shared ${file.area}: ${cls}.\nexport class ${cls} {\n  private readonly log: string[] = [];\n${fields(random, 3, 6)}${extra}\n  describe(): string {\n    return \`${cls}(\${this.log.length})\`;\n  }\n}\n`;
}

export function sharedBarrelText(plan, area) {
  return plan.shared.files.filter((f) => f.area === area).map((f) => `export * from './${path.posix.basename(f.rel, '.ts')}';`).join('\n') + '\n';
}

/** The composition root: wires every module, loading the heavy ones lazily. */
export function mainText(plan, random) {
  const lines = ['// Composition root: the only place that knows every module.'];
  const lazy = [];
  for (const mod of plan.modules) {
    const service = mod.files.find((f) => f.layer === 'application');
    if (random.chance(0.2)) lazy.push(`  await import('@app/${mod.name}');`);
    else lines.push(`import { ${service.exports[0].name} } from '@app/${mod.name}';`);
  }
  lines.push('', 'export async function start(): Promise<void> {', ...lazy, '}', '');
  return lines.join('\n');
}

class ImportList {
  constructor(from) {
    this.from = from;
    this.lines = [];
    this.seen = new Set();
  }
  fromFile(target, exports, typeOnly) {
    this.named(rel(this.from, target.rel), exports.map((e) => e.name), typeOnly || exports.every((e) => e.typeOnly));
  }
  named(specifier, names, typeOnly = false) {
    const fresh = [...new Set(names)].filter((n) => !this.seen.has(n));
    if (fresh.length === 0) return;
    for (const n of fresh) this.seen.add(n);
    this.lines.push(`import ${typeOnly ? 'type ' : ''}{ ${fresh.join(', ')} } from '${specifier}';`);
  }
  raw(line) {
    this.lines.push(line);
  }
  text() {
    return this.lines.join('\n') + '\n';
  }
}

function rel(fromFile, toFile) {
  const spec = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, '').replace(/\/index$/, '');
  return spec.startsWith('.') ? spec : `./${spec}`;
}

function header(mod, file) {
  return `/**\n * ${cap(mod.name)} / ${file.layer}: ${file.exports[0].name}.\n * Generated by bench/generator for performance measurements.\n */\n`;
}

function fields(random, min, max) {
  const types = ['string', 'number', 'boolean', 'Date', 'string[]', 'Record<string, number>'];
  let out = '';
  for (let i = 0, n = random.int(min, max); i < n; i++) out += `  readonly field${i}: ${random.pick(types)} | undefined = undefined;\n`;
  return out;
}

function methods(random, min, max, subject) {
  let out = '';
  for (let i = 0, n = random.int(min, max); i < n; i++) {
    out += `\n  step${i}(input: ReadonlyArray<number>, limit = ${random.int(2, 90)}): number {\n    let total = 0;\n    for (const value of input) {\n      if (value > limit) break;\n      total += value * ${random.int(1, 9)};\n    }\n    // ${subject} keeps its own running total; callers only see the result.\n    return total;\n  }\n`;
  }
  return out;
}

function entityBody(file, random) {
  const [cls, props] = file.exports;
  return `export interface ${props.name} {\n  id: string;\n  createdAt: Date;\n  status: 'draft' | 'active' | 'archived';\n  tags: string[];\n}\n\nexport class ${cls.name} {\n${fields(random, 2, 5)}\n  constructor(private readonly props: ${props.name}) {}\n\n  get id(): string {\n    return this.props.id;\n  }\n${methods(random, 2, 5, cls.name)}}\n`;
}

function serviceBody(file, random) {
  const cls = file.exports[0].name;
  const shortcut = file.foreignTable
    ? `\n  async shortcut(db: { query(text: string): Promise<unknown> }): Promise<unknown> {\n    return db.query('SELECT count(*) FROM ${file.foreignTable}');\n  }\n`
    : '';
  return `export class ${cls} {\n${fields(random, 1, 3)}${methods(random, 3, 7, cls)}${shortcut}\n  async run(ids: readonly string[]): Promise<number> {\n    const results = await Promise.all(ids.map(async (id) => id.length));\n    return results.reduce((a, b) => a + b, 0);\n  }\n}\n`;
}

function repositoryBody(file, random) {
  const cls = file.exports[0].name;
  const table = tableOf(file);
  const entity = usesTypeorm(file)
    ? `@Entity('${table}')\nexport class ${cls.replace(/Repository$/, '')}Entity {\n  @PrimaryColumn() id!: string;\n  @Column() status!: string;\n  @Column() createdAt!: Date;\n}\n\n`
    : `export const ${cls.replace(/Repository$/, '')}ByStatus = (status: string) => sql\`SELECT id FROM ${table} WHERE status = \${status}\`;\n\n`;
  return `${entity}export class ${cls} {\n  private readonly statements = new Map<string, string>();\n\n  async findById(id: string): Promise<unknown> {\n    return this.exec(\`SELECT id, status, created_at FROM ${table} WHERE id = $1\`, [id]);\n  }\n\n  async archiveOlderThan(days: number): Promise<unknown> {\n    return this.exec(\`UPDATE ${table} SET status = 'archived' WHERE created_at < now() - ($1 || ' days')::interval\`, [days]);\n  }\n\n  async countByStatus(): Promise<unknown> {\n    return this.exec(\`SELECT status, count(*) FROM ${table} JOIN audit_log ON audit_log.ref = ${table}.id GROUP BY status\`, []);\n  }\n${methods(random, 1, 3, cls)}\n  private async exec(text: string, values: unknown[]): Promise<unknown> {\n    this.statements.set(text, String(values.length));\n    return { text, values };\n  }\n}\n`;
}

function controllerBody(file, mod, earlier, random) {
  const [cls, dto] = file.exports;
  const lazyTarget = random.chance(0.3) ? random.pick(earlier.filter((f) => f.layer === 'application')) : undefined;
  const lazy = lazyTarget
    ? `\n  async heavy(): Promise<unknown> {\n    const { ${lazyTarget.exports[0].name} } = await import('${rel(file.rel, lazyTarget.rel)}');\n    return new ${lazyTarget.exports[0].name}();\n  }\n`
    : '';
  return `export type ${dto.name} = { id: string; total: number; note?: string };\n\nexport const ${cls.name}Schema = z.object({ id: z.string(), total: z.number() });\n\nexport class ${cls.name} {\n  readonly route = '/${mod.name}/${file.seq}';\n${methods(random, 2, 4, cls.name)}${lazy}\n  handle(body: unknown): ${dto.name} {\n    const parsed = ${cls.name}Schema.parse(body);\n    return { id: parsed.id, total: parsed.total };\n  }\n}\n`;
}
