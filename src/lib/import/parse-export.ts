/**
 * One export file, from bytes to a parsed export: decode, recognise the
 * layout, hand it to the parser for that layout.
 */
import { detectKind } from './detect-kind';
import { parseLine } from './parse-line';
import { parseNote } from './parse-note';
import { parsePaperFullText, parsePaperSummary } from './parse-paper';
import { decodeExport, type Line } from './read-export';
import type { ExportKind, ParsedExport } from './types';

const PARSERS: Record<ExportKind, (file: string, lines: Line[]) => ParsedExport> = {
  note: parseNote,
  'paper-summary': parsePaperSummary,
  'paper-fulltext': parsePaperFullText,
  line: parseLine,
};

/** Parses one export; throws an ExportError (file, line, what to fix) when it cannot. */
export function parseExport(file: string, bytes: Uint8Array): ParsedExport {
  const lines = decodeExport(file, bytes);
  return PARSERS[detectKind(file, lines)](file, lines);
}
