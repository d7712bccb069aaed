import { INPUT_LIMITS, readRegularText } from '../io';
import { parse, type ParseError } from 'jsonc-parser';

/** A JSON/JSONC file as a plain object, or undefined when it is missing or not an object. */
export function readJsonObject(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readRegularText(file, INPUT_LIMITS.config);
  } catch {
    return undefined;
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  return errors.length === 0 && value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}
