/**
 * The user-facing shape of `bulkhead.json` (JSONC). The JSON schema in
 * `rules/schema/bulkhead.schema.json` mirrors this file, the validator's field lists are typed by it,
 * and test/engine/config-schema.test.ts fails when schema and validator disagree.
 */

import type { RuleId, RuleSeverity } from '../model';

export type { RuleId, RuleSeverity };

export interface BulkheadConfig {
  /** Editor autocomplete; ignored by the engine. */
  $schema?: string;
  /**
   * Globs (relative to the config's folder) of files to scan.
   * Default: every .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs file.
   */
  include?: string[];
  /**
   * Globs of files to leave out entirely (tests, generated code). `!glob` takes back what earlier
   * entries left out; the last entry matching a path decides, as in .gitignore. `node_modules`,
   * dot-folders and whatever the root `.gitignore` lists are always left out.
   */
  ignore?: string[];
  /** Values that apply to every module that does not set its own. */
  defaults?: ModuleDefaults;
  /** The domain modules. Order does not matter; the deepest module root wins for nested modules. */
  modules: ModuleDeclaration[];
  /**
   * Cross-cutting constraints on module dependencies, Nx-style. Every constraint whose `from`
   * selects the importing module must be satisfied.
   */
  constraints?: DependencyConstraint[];
  /** Severity per rule; rules left out keep their default. */
  rules?: Partial<Record<RuleId, RuleSeverity>>;
  /**
   * Module cycles the team accepts on purpose, each with its reason: a cycle whose modules all
   * match one entry's selectors is not reported.
   */
  acceptedCycles?: AcceptedCycle[];
  /** Where database drivers may be imported and how tables are found (rule `database-coupling`). */
  database?: DatabaseConfig;
}

export interface ModuleDefaults {
  /**
   * Public API globs (relative to each module root) for modules without their own `public`, e.g.
   * `["*.module.ts"]` for NestJS or `["src/index.ts"]` for packages. Default: `index.*` at the root.
   */
  public?: string[];
}

export interface DatabaseConfig {
  /**
   * Packages that talk to a database: package names (`pg`, `@prisma/client`), globs over package
   * names or workspace paths (`src/generated/prisma/**`), and `preset:<name>` for a list shipped in
   * `rules/presets/<name>.json` (`preset:all`, `preset:sql`, `preset:orm`, `preset:document`).
   * Default: `["preset:all"]`.
   */
  drivers?: string[];
  /**
   * Globs of files that may import a driver (`src/db/**`, `src/modules/billing/infrastructure/**`).
   * When absent, driver imports are not checked; table ownership still is.
   */
  allowedIn?: string[];
  /**
   * Prisma schema file(s) or folder(s) of `.prisma` files, relative to the config's folder.
   * Default: whichever of `prisma/schema.prisma`, `prisma/schema/` and `schema.prisma` exist.
   */
  prismaSchema?: string | string[];
  /**
   * Globs of files that may touch every module's tables: migrations, seeds, the ORM registry, a SQL
   * dialect layer (`src/database/migrations/**`). Their table accesses and entity imports are not
   * reported; driver imports still follow `allowedIn`.
   */
  sharedAccess?: string[];
  /**
   * Globs relative to each module root naming the files that hold its tables: repositories, DAOs,
   * entities, schemas (`**\/*.repository.ts`, `infrastructure/persistence/**`). Another module that
   * imports one (directly or through a barrel) is coupled to those tables.
   */
  tableHolders?: string[];
  /**
   * The project's own functions that take a table name (`db.batchInsertSql('ops', rows)`): each
   * call with a string literal in that argument is an access to the table, like `knex('ops')`.
   */
  tableFunctions?: TableFunction[];
}

/** One of the project's own functions whose argument names a table (`database.tableFunctions`). */
export interface TableFunction {
  /**
   * The function as calls name it: `batchInsertSql` (any receiver, or none) or `db.batchInsertSql`
   * (a receiver whose last name is `db`: `db.…`, `this.db.…`).
   */
  call: string;
  /** Which argument is the table name: 1 for the first. */
  argument: number;
}

export interface ModuleDeclaration {
  /**
   * The module's name. May use the placeholders of `path` (e.g. `"<name>"` or `"platform/<area>"`),
   * in which case every folder that matches the path becomes its own module.
   */
  name: string;
  /**
   * Folder glob(s) of the module root, relative to the config's folder, e.g. `src/modules/billing`,
   * `src/modules/<name>` or `src/vs/platform/<area>/<env>`. A file belongs to the module when one
   * of its parent folders (or the file itself) matches.
   */
  path: string | string[];
  /**
   * Globs relative to the module root naming its public API.
   * Default: `defaults.public`, else `index.ts`, `index.tsx`, `index.mts`, `index.js`, `index.jsx`,
   * `index.mjs` at the root.
   */
  public?: string[];
  /**
   * Modules this one may import: module names, name globs (`platform/*`), `tag:<tag>` selectors,
   * or `*` for any. Default when absent: none, unless a constraint selects this module.
   */
  dependsOn?: string[];
  /** Free-form tags (may use placeholders) for `constraints` and `tag:` selectors. */
  tags?: string[];
  /**
   * Tables, collections and ORM models this module owns (`invoices`, `billing.*`, `Invoice`);
   * globs allowed, compared case-insensitively. Tables declared by ORM code inside the module's
   * folder are owned without being listed. May use the placeholders of `path` (`"<name>_*"`).
   */
  tables?: string[];
}

export interface DependencyConstraint {
  /** Selector of importing modules: a module name/glob or `tag:<tag>`. */
  from: string;
  /** When present, the imported module must match one of these selectors. */
  allow?: string[];
  /** The imported module must match none of these selectors. */
  deny?: string[];
  /**
   * Packages (npm names and Node built-ins, globs: `node:*`, `@prisma/*`) the selected modules may
   * import; any other is reported (rule `package-import`). Built-ins match both `fs` and `node:fs`.
   */
  allowPackages?: string[];
  /** Packages the selected modules must not import (rule `package-import`). */
  denyPackages?: string[];
}

export interface AcceptedCycle {
  /**
   * Selectors (module names, name globs, `tag:<tag>`) that together cover every module of the
   * accepted cycle: a two-way pair or a whole strongly connected group.
   */
  modules: string[];
  /** Why the cycle stays (shown by `explain` and kept for reviewers); required. */
  reason: string;
}

/** The config after validation: well-formed parts only, each remembering its index in the file. */
export interface CheckedConfig extends Omit<BulkheadConfig, 'modules' | 'constraints' | 'acceptedCycles'> {
  modules: (ModuleDeclaration & { index: number })[];
  constraints: (DependencyConstraint & { index: number })[];
  acceptedCycles: (AcceptedCycle & { index: number })[];
}
