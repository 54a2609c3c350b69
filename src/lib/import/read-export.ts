/**
 * Turns the bytes of an export into lines of text, or explains why it cannot:
 * an empty file, a binary file (NUL bytes) and text that is not valid UTF-8
 * each get an error naming the line to look at.
 */
import { ExportError } from './types';

/** One line of an export with its 1-based line number. */
export interface Line {
  no: number;
  text: string;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Decodes an export, throwing an ExportError for empty or binary content. */
export function decodeExport(file: string, bytes: Uint8Array): Line[] {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ExportError(
      'import/binary',
      file,
      lineOfOffset(bytes, nul),
      'binary content (a NUL byte): this is not a plain-text export; export the item again as text',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExportError(
      'import/not-utf8',
      file,
      lineOfOffset(bytes, firstInvalidUtf8(bytes)),
      'not valid UTF-8: re-save the export as UTF-8 text',
    );
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new ExportError('import/empty', file, 1, 'the file is empty: export the item again or remove the file');
  }
  return text.split('\n').map((t, i) => ({ no: i + 1, text: t.replace(/\s+$/, '') }));
}

/** Offset of the first byte that breaks UTF-8 (the decoder only says that one does). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return i;
}

/** The non-empty lines of a range. */
export const nonEmpty = (lines: Line[]) => lines.filter((l) => l.text.trim() !== '');
