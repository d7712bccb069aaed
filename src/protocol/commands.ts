/** Client-side commands that server code actions attach to their edits (not in the palette). */
export const PLACEHOLDER_COMMAND = 'bulkhead.selectPlaceholder';
export const SAVE_CONFIG_COMMAND = 'bulkhead.saveConfig';
