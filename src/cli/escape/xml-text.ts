/**
 * Text for XML 1.0 attributes and character data. Characters XML forbids even as references
 * (most C0 controls, U+FFFE/U+FFFF, lone surrogates) are written as a visible `\uXXXX`, so any
 * name yields a well-formed document and the name is still recognisable.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(s: string): string {
  return s
    .replace(NOT_XML_CHAR, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
