import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, openWorkspace, type CheckResult, type Session } from '../../src/engine';
import { random } from '../support/random';
import { tempWorkspace } from '../support/temp-workspace';
import { withoutTiming } from '../support/without-timing';

const MODULES = ['billing', 'orders', 'shipping', 'users'];

const tableViolations = (result: CheckResult): string => JSON.stringify(result.violations.filter((v) => v.rule === 'database-coupling'));

/** Each module: two TypeORM entities, a barrel exporting one, a service with SQL and entity imports of the next module. */
function workspace(): Record<string, string> {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({ modules: MODULES.map((m) => ({ name: m, path: `src/${m}`, dependsOn: MODULES.filter((o) => o !== m) })), database: {} }, null, 2),
    'package.json': JSON.stringify({ name: 'tables', dependencies: { typeorm: '0.3.0' } }),
  };
  MODULES.forEach((m, i) => {
    const other = MODULES[(i + 1) % MODULES.length];
    for (const e of ['a', 'b']) {
      files[`src/${m}/${m}-${e}.entity.ts`] = `import { Entity, Column } from 'typeorm';\n\n@Entity('${m}_${e}')\nexport class ${cap(m)}${e.toUpperCase()} {\n  @Column()\n  id!: string;\n}\n`;
    }
    files[`src/${m}/index.ts`] = `export { ${cap(m)}A } from './${m}-a.entity';\nexport const ${m}Api = 1;\n`;
    files[`src/${m}/${m}.service.ts`] =
      `import { DataSource } from 'typeorm';\nimport { ${cap(other)}A } from '../${other}';\n\n` +
      `export async function read${cap(m)}(db: DataSource): Promise<unknown> {\n  const rows = await db.query('SELECT id FROM ${other}_b');\n  return [rows, db.getRepository(${cap(other)}A)];\n}\n`;
  });
  return files;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * Differential (issue 16): a session's patch follows changed table declarations instead of
 * analysing the whole workspace: the catalog is updated for the edited files, and the files that
 * reference the changed tables or import the declaring files are analysed again. Random edits
 * move declarations down (the findings quote `file:line`), add entity classes, rename tables (so two modules claim
 * one, and which is quoted first depends on the index's order), and add SQL and entity imports;
 * after each, the session's result must be a fresh check's.
 */
describe('session: table declarations follow edits in a patch', function () {
  this.timeout(300_000);

  for (const seed of [1, 2, 3]) {
    it(`random edits of entities and services in four modules (seed ${seed})`, () => {
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
      const text = new Map(Object.entries(workspace()).filter(([f]) => f.startsWith('src/')));
      const tables = MODULES.flatMap((m) => [`${m}_a`, `${m}_b`]);
      const ws = tempWorkspace(workspace());
      try {
        const session = openWorkspace({ root: ws.root }) as Session;
        let previous = session.result;
        assert.ok(previous.violations.some((v) => v.rule === 'database-coupling'), 'the workspace starts with table findings');
        let patched = 0;
        let tablesPatched = 0;
        for (let step = 0; step < 80; step++) {
          const file = pick([...text.keys()]);
          const edits = new Map<string, string>();
          const lines = text.get(file)!.split('\n');
          const kind = next();
          if (kind < 0.35) lines.splice(Math.floor(next() * lines.length), 0, '');
          else if (kind < 0.45 && file.endsWith('.entity.ts')) {
            // A new entity, imported in the same edit by another module's service: the names entities are imported under change.
            lines.push(`@Entity('renamed_${step}')`, `export class Renamed${step} {}`);
            const [, module] = file.split('/');
            const service = `src/${pick(MODULES.filter((m) => m !== module))}/${pick(MODULES.filter((m) => m !== module))}.service.ts`;
            if (text.has(service)) edits.set(service, `import { Renamed${step} } from '../${module}/${path.basename(file, '.ts')}';\nexport const use${step} = Renamed${step};\n${text.get(service)}`);
          } else if (kind < 0.65 && file.endsWith('.entity.ts')) {
            const at = lines.findIndex((l) => l.startsWith('@Entity('));
            lines[at] = `@Entity('${pick(tables)}')`;
          } else if (kind < 0.85 && file.endsWith('.service.ts')) {
            const at = lines.findIndex((l) => l.includes('const rows'));
            lines.splice(at + 1, 0, `  await db.query('DELETE FROM ${pick(tables)} WHERE id = 1');`);
          } else {
            const [, module] = file.split('/');
            const other = pick(MODULES.filter((m) => m !== module));
            lines.unshift(`import { ${cap(other)}B as B${step} } from '../${other}/${other}-b.entity';\nexport const use${step} = B${step};`);
          }
          edits.set(file, lines.join('\n'));
          for (const [changed, now] of edits) {
            text.set(changed, now);
            session.updateFile(path.join(ws.root, changed), now);
          }
          const got = session.analyze();
          for (const changed of edits.keys()) fs.writeFileSync(path.join(ws.root, changed), text.get(changed)!);
          assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root: ws.root })), `seed ${seed} step ${step} ${file} (${JSON.stringify(session.lastAnalysis)})`);
          if (session.lastAnalysis?.patched) {
            patched++;
            if (tableViolations(got) !== tableViolations(previous)) tablesPatched++;
          }
          previous = got;
        }
        // Patches that never changed a table finding would pass without testing what this is about.
        assert.ok(patched > 60, `patched ${patched} of 80 edits`);
        assert.ok(tablesPatched >= 10, `only ${tablesPatched} patches changed the table findings`);
      } finally {
        ws.dispose();
      }
    });
  }
});
