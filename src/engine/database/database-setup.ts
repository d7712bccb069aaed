import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CheckedConfig, configDiagnostic, type ConfigLocator } from '../config';
import { type InputDiagnostic, toPosix } from '../model';
import { DriverMatcher } from './driver-matcher';
import { expandDrivers, PRESET_NAMES } from './driver-presets';
import { parsePrismaSchema, type PrismaModel } from './prisma-schema';
import { INPUT_LIMITS, readRegularText } from '../io';

/** The config-dependent half of `database-coupling`: drivers, where they are allowed, Prisma models. */
export interface DatabaseSetup {
  /** Set when `database.allowedIn` is: driver imports are then checked. */
  drivers?: DriverMatcher;
  allowedIn: string[];
  /** `database.sharedAccess`: files that may touch every table. */
  sharedAccess: string[];
  /** `database.tableHolders`: per module root, the files that hold its tables. */
  tableHolders: string[];
  /** `database.tableFunctions`: the project's own functions that take a table name. */
  tableFunctions: { call: string; argument: number }[];
  prismaModels: PrismaModel[];
  /** Config `tables` per module declaration index, with the declaration's (placeholder) name. */
  tables: ReadonlyMap<number, { name: string; tables: string[] }>;
  diagnostics: InputDiagnostic[];
}

const DEFAULT_PRISMA_SCHEMAS = ['prisma/schema.prisma', 'prisma/schema', 'schema.prisma'];

/** Reads what `database` in bulkhead.json points at: presets and Prisma schema files. */
export function loadDatabaseSetup(root: string, config: CheckedConfig, locator: ConfigLocator): DatabaseSetup {
  const diagnostics: InputDiagnostic[] = [];
  const db = config.database;
  const { drivers, unknown } = expandDrivers(db?.drivers ?? ['preset:all']);
  for (const { entry, index } of unknown) {
    diagnostics.push(configDiagnostic(locator.file, locator.rangeOf(['database', 'drivers', index]), 'error', 'unknown-preset',
      `Unknown driver preset "${entry}". Presets: ${PRESET_NAMES.map((n) => `preset:${n}`).join(', ')}.`));
  }
  const tables = new Map<number, { name: string; tables: string[] }>();
  for (const m of config.modules) if (m.tables && m.tables.length > 0) tables.set(m.index, { name: m.name, tables: m.tables });

  const prismaModels: PrismaModel[] = [];
  const configured = db?.prismaSchema === undefined ? undefined : Array.isArray(db.prismaSchema) ? db.prismaSchema : [db.prismaSchema];
  (configured ?? DEFAULT_PRISMA_SCHEMAS).forEach((rel, i) => {
    const files = prismaFiles(path.join(root, rel));
    if (files === undefined) {
      if (configured) {
        const where = Array.isArray(db?.prismaSchema) ? ['database', 'prismaSchema', i] : ['database', 'prismaSchema'];
        diagnostics.push(configDiagnostic(locator.file, locator.rangeOf(where), 'error', 'missing-prisma-schema',
          `Prisma schema "${rel}" does not exist (a .prisma file or a folder of them, relative to bulkhead.json).`));
      }
      return;
    }
    for (const file of files) {
      prismaModels.push(...parsePrismaSchema(readRegularText(file, INPUT_LIMITS.config), toPosix(path.relative(root, file))));
    }
  });
  return {
    drivers: db?.allowedIn ? new DriverMatcher(drivers) : undefined,
    allowedIn: db?.allowedIn ?? [],
    sharedAccess: db?.sharedAccess ?? [],
    tableHolders: db?.tableHolders ?? [],
    tableFunctions: db?.tableFunctions ?? [],
    prismaModels, tables, diagnostics,
  };
}

/** The .prisma files at a path (a file, or a folder's top-level files), or undefined when absent. */
function prismaFiles(abs: string): string[] | undefined {
  try {
    const stat = fs.statSync(abs);
    if (stat.isFile()) return [abs];
    if (!stat.isDirectory()) return undefined;
    return fs.readdirSync(abs).filter((f) => f.endsWith('.prisma')).sort().map((f) => path.join(abs, f));
  } catch {
    return undefined;
  }
}
