/** A Prisma model and the table it maps to (`@@map`, `@@schema`). */
export interface PrismaModel {
  model: string;
  table: string;
  /** Workspace-relative schema file and 1-based line of `model X {`. */
  file: string;
  line: number;
}

const MODEL_START = /^\s*model\s+([A-Za-z_]\w*)\s*\{/;
const MAP = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"/;
const SCHEMA = /@@schema\(\s*"([^"]+)"/;

/**
 * Reads the models of a Prisma schema. A line scan is enough: `model Name {` opens a block, a
 * line holding only `}` closes it, and `@@map`/`@@schema` inside name its table.
 */
export function parsePrismaSchema(text: string, file: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  let current: PrismaModel | undefined;
  let schema: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '');
    if (!current) {
      const start = MODEL_START.exec(line);
      if (start) {
        current = { model: start[1], table: start[1], file, line: i + 1 };
        schema = undefined;
      }
      return;
    }
    const map = MAP.exec(line);
    if (map) current.table = map[1];
    const inSchema = SCHEMA.exec(line);
    if (inSchema) schema = inSchema[1];
    if (/^\s*\}\s*$/.test(line)) {
      if (schema) current.table = `${schema}.${current.table}`;
      models.push(current);
      current = undefined;
    }
  });
  return models;
}
