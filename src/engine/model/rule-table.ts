/**
 * The one place a rule's facts are written. Everything else that names rules derives from this
 * table: the engine's RULE_IDS / DEFAULT_SEVERITY / RULE_CATALOG (rule-ids.ts), and, through
 * `scripts/generate-rule-facts.mjs` at build time, the rule enums of the JSON schemas, the
 * editor's `bulkhead.severityOverrides` setting in package.json and the rules tables of the docs.
 * Adding a rule: docs/architecture.md, "Adding a rule".
 *
 * Kept free of imports so the generator can load it without the rest of the engine.
 */

/** What `rules` in bulkhead.json may set a rule to. */
export const RULE_SEVERITIES = ['error', 'warn', 'off'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export interface RuleFacts {
  readonly id: string;
  readonly defaultSeverity: RuleSeverity;
  /** One sentence: SARIF, `--help`-style lists, the schema's hover text, the docs' rules tables. */
  readonly description: string;
  /** What the sentence leaves out, added where there is room (schema hover, docs tables). */
  readonly details?: string;
  /** What produces the finding: an analysis rule (src/engine/rules) or the ignore-comment pass (src/engine/check). */
  readonly source: 'rule' | 'ignore-comments';
}

/** In the order every list shows them (config errors, SARIF, schema, docs). */
export const RULES = [
  {
    id: 'internal-import',
    defaultSeverity: 'error',
    description: "A module imports a file of another module that is not part of that module's public API.",
    details: 'The public API is the `public` globs of the module (default: its index file).',
    source: 'rule',
  },
  {
    id: 'undeclared-dependency',
    defaultSeverity: 'error',
    description: 'A module depends on another module that bulkhead.json does not allow it to depend on.',
    details: 'Also when the import goes through the public API of the other module or through a re-export that leads to it.',
    source: 'rule',
  },
  {
    id: 'cycle',
    defaultSeverity: 'error',
    description: 'Modules depend on each other in a loop.',
    details: 'Every pair of modules that import each other, and once per group with a longer loop, naming the dependencies to cut.',
    source: 'rule',
  },
  { id: 'unowned-file', defaultSeverity: 'off', description: 'A scanned file belongs to no module of bulkhead.json.', source: 'rule' },
  {
    id: 'unresolved-import',
    defaultSeverity: 'warn',
    description: 'A relative or path-alias import that TypeScript cannot resolve.',
    details: 'Bare package names that are not installed are recorded but not reported.',
    source: 'rule',
  },
  {
    id: 'ignore-comment',
    defaultSeverity: 'error',
    description: 'A bulkhead-ignore comment gives no reason or names an unknown rule.',
    source: 'ignore-comments',
  },
  { id: 'unused-ignore', defaultSeverity: 'warn', description: 'A bulkhead-ignore comment silences nothing.', source: 'ignore-comments' },
  {
    id: 'database-coupling',
    defaultSeverity: 'error',
    description: "A module reads or writes another module's tables, or imports a database driver outside `database.allowedIn`.",
    details: 'Tables are found in raw SQL, Prisma, query builders and ORM entities and models (TypeORM, Sequelize, Mongoose, Drizzle).',
    source: 'rule',
  },
  {
    id: 'package-import',
    defaultSeverity: 'error',
    description: "A module imports a package (npm or a Node built-in) that a constraint's allowPackages or denyPackages forbids.",
    details: 'Built-ins match both `fs` and `node:fs`; workspace packages are module dependencies, checked by the other rules.',
    source: 'rule',
  },
  {
    id: 'unchecked-file',
    defaultSeverity: 'error',
    description: 'A source file or folder could not be read, so the imports in it are not checked.',
    details: 'Files over 64 MiB, binary content, unreadable files and folders, and names that are not valid UTF-8: each could hide a violation.',
    source: 'rule',
  },
] as const satisfies readonly RuleFacts[];

export type RuleId = (typeof RULES)[number]['id'];

/** Where the repository's docs live; every rule has `rules/docs/<id>.md`. */
const DOCS_BASE = 'https://github.com/bulkhead-dev/bulkhead/blob/main/';
/** Where each rule's page lives; reporters (SARIF, editor diagnostics) link to it. */
export const RULE_DOCS_BASE = `${DOCS_BASE}rules/docs/`;
export const CONFIG_DOC_URL = `${DOCS_BASE}docs/config.md`;

export function ruleDocUrl(rule: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(rule)}.md`;
}
