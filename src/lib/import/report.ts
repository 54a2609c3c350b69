/**
 * The import report: what was read, what was written, and everything the
 * importer could not place, so that nothing is dropped silently.
 */
import { KINDS, type Kind } from '../content/ids';
import type { Diagnostic, ExportKind, Unclassified } from './types';

export interface ImportReport {
  exports: { file: string; kind: ExportKind }[];
  /** Items written or confirmed from an export of their own, by kind. */
  items: Record<Kind, number>;
  /** Stub items written or confirmed (named only in lists or mentions), by kind. */
  stubs: Record<Kind, number>;
  written: string[];
  unchanged: number;
  /** Mentions turned into wiki links, by export file. */
  mentions: Record<string, number>;
  /** Titles found embedded in prose that no export defines (made stub notes). */
  detectedTitles: string[];
  unclassified: Unclassified[];
  warnings: Diagnostic[];
  errors: Diagnostic[];
}

export const emptyCounts = (): Record<Kind, number> => ({ note: 0, paper: 0, line: 0 });

export const where = (d: { file: string; line?: number }) => (d.line ? `${d.file}:${d.line}` : d.file);

export function formatReport(r: ImportReport): string {
  const out: string[] = [];
  const byKind = (c: Record<Kind, number>) => KINDS.map((k) => `${k}s ${c[k]}`).join(', ');
  const exportKinds = new Map<string, number>();
  for (const e of r.exports) exportKinds.set(e.kind, (exportKinds.get(e.kind) ?? 0) + 1);
  const mentionTotal = Object.values(r.mentions).reduce((a, b) => a + b, 0);
  out.push(`Exports read: ${r.exports.length} (${[...exportKinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`);
  out.push(`Items: ${byKind(r.items)}`);
  out.push(`Stubs: ${byKind(r.stubs)}`);
  out.push(`Files written: ${r.written.length}, unchanged: ${r.unchanged}`);
  out.push(`Mentions linked: ${mentionTotal}${mentionTotal ? ` (${Object.entries(r.mentions).map(([f, n]) => `${f} ${n}`).join(', ')})` : ''}`);
  if (r.detectedTitles.length) out.push(`Question titles found in prose (made stub notes): ${r.detectedTitles.length}`, ...r.detectedTitles.map((t) => `  - ${t}`));
  out.push(`Unclassified text: ${r.unclassified.length}`, ...r.unclassified.map((u) => `  ${where(u)}: ${u.text}`));
  out.push(`Warnings: ${r.warnings.length}`, ...r.warnings.map((w) => `  ${where(w)}: ${w.message} [${w.rule}]`));
  out.push(`Errors: ${r.errors.length}`, ...r.errors.map((e) => `  ${where(e)}: ${e.message} [${e.rule}]`));
  return out.join('\n');
}
