import type { Reporter } from './reporter';

/** The documented result (rules/schema/result.schema.json), as is. */
export const jsonReporter: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
