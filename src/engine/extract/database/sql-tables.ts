import { tokenizeSql, type SqlToken } from './sql-tokens';

/** A table named in SQL text: `name` is unquoted, schema-qualified parts joined with `.`. */
export interface SqlTableRef {
  name: string;
  start: number;
  end: number;
}

const STATEMENT_START = /^\s*\(?\s*(select|insert|update|delete|with|merge|truncate|replace)\b/i;

/**
 * Whether text reads like a SQL statement rather than prose that happens to start with a keyword:
 * SQL writes its keywords in one case (`SELECT`, `select`), a sentence capitalises its first word
 * (`"Delete from cart"`, `"Update invoices set by the admin"`).
 */
export function startsLikeSql(text: string): boolean {
  const keyword = STATEMENT_START.exec(text)?.[1];
  return !!keyword && (keyword === keyword.toUpperCase() || keyword === keyword.toLowerCase());
}

/** Words that end or continue a clause; never a table name when they follow FROM/JOIN/…. */
const RESERVED = new Set(
  (
    'select insert update delete merge with from join into table where set values on using lateral only as ' +
    'left right inner outer full cross natural straight_join group order by limit offset having union except intersect ' +
    'returning window for and or not in is null default if exists do conflict when then else end fetch ' +
    'dual case distinct all any some unnest rows row nowait skip locked share of key no action cascade restrict'
  ).split(' '),
);
/** Functions whose argument syntax contains FROM without naming a table. */
const FROM_IN_ARGUMENTS = new Set(['extract', 'substring', 'substr', 'trim', 'overlay', 'position']);
/** What INTO must follow to name a table (`SELECT … INTO var` names a variable). */
const INTO_AFTER = new Set(['insert', 'merge', 'replace', 'ignore']);
const TABLE_AFTER = new Set(['truncate', 'alter', 'create', 'drop', 'lock']);

/**
 * The tables a SQL statement (or fragment) reads or writes: names after FROM (including
 * comma lists), JOIN, INSERT/MERGE/REPLACE INTO, UPDATE … SET, DELETE FROM, MERGE … USING,
 * TRUNCATE/ALTER/CREATE/DROP TABLE and REFERENCES. Columns, CTE names, functions in FROM
 * (`generate_series(…)`), subqueries and parameters are not tables.
 */
export function sqlTables(text: string): SqlTableRef[] {
  const tokens = tokenizeSql(text);
  const lower = tokens.map((t) => (t.kind === 'word' ? t.value.toLowerCase() : ''));
  const isPunct = (i: number, p: string): boolean => tokens[i]?.kind === 'punct' && tokens[i].value === p;
  const ctes = cteNames(tokens, lower);
  const refs: SqlTableRef[] = [];
  const openers: string[] = [];

  /** Reads a (qualified) name at i; returns the index after it, or -1 when there is none. */
  const readName = (i: number, columnsMayFollow = false): { ref?: SqlTableRef; next: number } => {
    const first = tokens[i];
    if (!first || first.kind === 'punct' || (first.kind === 'word' && RESERVED.has(lower[i]))) return { next: -1 };
    const parts: string[] = [];
    let j = i;
    let dynamic = false;
    for (;;) {
      const t = tokens[j];
      if (!t || t.kind === 'punct' || (t.kind === 'word' && parts.length === 0 && RESERVED.has(lower[j]))) break;
      if (t.kind === 'param') dynamic = true;
      parts.push(t.value);
      j++;
      if (!isPunct(j, '.')) break;
      j++;
    }
    if (parts.length === 0) return { next: -1 };
    // `""` or an unterminated quote names nothing.
    if (parts.includes('')) return { next: j };
    // `FROM generate_series(…)` is a function; `FROM ${table}` cannot be known.
    if ((isPunct(j, '(') && !columnsMayFollow) || (dynamic && parts.length === 1) || tokens[j - 1].kind === 'param') return { next: j };
    const name = parts.join('.');
    if (parts.length === 1 && ctes.has(name.toLowerCase())) return { next: j };
    return { ref: { name, start: first.start, end: tokens[j - 1].end }, next: j };
  };
  const skipAlias = (i: number): number => {
    if (lower[i] === 'as') return i + 2;
    if ((tokens[i]?.kind === 'word' && !RESERVED.has(lower[i])) || tokens[i]?.kind === 'quoted') return i + 1;
    return i;
  };
  const skipWords = (i: number, words: string[]): number => {
    let j = i;
    while (j < tokens.length && words.includes(lower[j])) j++;
    return j;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isPunct(i, '(')) {
      openers.push(lower[i - 1] ?? '');
      continue;
    }
    if (isPunct(i, ')')) {
      openers.pop();
      continue;
    }
    if (t.kind !== 'word') continue;
    const word = lower[i];
    const prev = lower[i - 1] ?? '';
    if (word === 'from' || word === 'join' || word === 'using') {
      if (word === 'from' && (prev === 'distinct' || FROM_IN_ARGUMENTS.has(openers[openers.length - 1] ?? ''))) continue;
      if (word === 'using' && lower[0] === 'create') continue;
      let j = skipWords(i + 1, ['only']);
      for (;;) {
        const { ref, next } = readName(j);
        if (ref) refs.push(ref);
        if (next < 0 || word !== 'from') break;
        j = skipAlias(next);
        if (!isPunct(j, ',')) break;
        j++;
      }
    } else if (word === 'into' && INTO_AFTER.has(prev)) {
      const { ref } = readName(i + 1, true);
      if (ref) refs.push(ref);
    } else if (word === 'update' && !['for', 'do', 'on', 'key'].includes(prev)) {
      const { ref, next } = readName(skipWords(i + 1, ['only', 'low_priority', 'ignore']));
      // `UPDATE name SET` (optionally with an alias) is a statement; "update the invoices" is prose.
      if (ref && next >= 0 && lower[skipAlias(next)] === 'set') refs.push(ref);
    } else if ((word === 'table' && TABLE_AFTER.has(prev)) || (word === 'truncate' && lower[i + 1] !== 'table') || word === 'references') {
      const { ref } = readName(skipWords(i + 1, ['if', 'not', 'exists', 'only']), true);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/** Names defined by `WITH name AS (…)` / `, name (cols) AS (…)`, lower-cased. */
function cteNames(tokens: SqlToken[], lower: string[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (lower[i] !== 'as') continue;
    let k = i + 1;
    if (lower[k] === 'materialized' || (lower[k] === 'not' && lower[k + 1] === 'materialized')) k += lower[k] === 'not' ? 2 : 1;
    if (!(tokens[k]?.kind === 'punct' && tokens[k].value === '(')) continue;
    let j = i - 1;
    // Skip a column list: `name (a, b) AS (`.
    if (tokens[j]?.kind === 'punct' && tokens[j].value === ')') {
      while (j >= 0 && !(tokens[j].kind === 'punct' && tokens[j].value === '(')) j--;
      j--;
    }
    const before = tokens[j];
    if (before && (before.kind === 'word' || before.kind === 'quoted')) names.add(before.value.toLowerCase());
  }
  return names;
}
