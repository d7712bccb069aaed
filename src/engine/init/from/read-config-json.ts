import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { INPUT_LIMITS, readRegularText } from '../../io';
import { ForeignConfigError } from './foreign-map';

/**
 * A JSON (or JSONC, as ESLint and dependency-cruiser accept) config file as an object. A syntax
 * error is a ForeignConfigError naming `file:line:col`, relative to `root`, so the user can jump
 * to it.
 */
export function readConfigJson(root: string, file: string): Record<string, unknown> {
  const shown = path.relative(root, file) || file;
  let text: string;
  try {
    text = readRegularText(file, INPUT_LIMITS.config);
  } catch (err) {
    throw new ForeignConfigError(`${shown}: cannot be read (${(err as Error).message}).`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const { line, column } = lineColumn(text, errors[0].offset);
    throw new ForeignConfigError(`${shown}:${line}:${column}: invalid JSON (${printParseErrorCode(errors[0].error)}).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ForeignConfigError(`${shown}:1:1: expected a JSON object.`);
  return value as Record<string, unknown>;
}

/** 1-based line and column of an offset, as editors and compilers print them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
