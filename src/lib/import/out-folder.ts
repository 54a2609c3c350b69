/**
 * Reads what the output folder already holds. Files with `imported_from`
 * were generated: they join the merge, so a re-import keeps what they know.
 * Files without it were written by hand: they are never overwritten, and
 * their titles (and aliases) still count as known titles for linking.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { SCHEMAS } from '../content/schema';
import { KINDS, KIND_FOLDER, type Kind } from '../content/ids';
import type { Contribution, Diagnostic, Fields } from './types';
import { contentWarning } from '../content/problems';

export interface HandWritten {
  kind: Kind;
  title: string;
  aliases: string[];
  path: string;
}

export interface OutFolder {
  generated: Contribution[];
  /** Generated files by path, with their bytes (to leave unchanged files alone). */
  bytes: Map<string, string>;
  handWritten: HandWritten[];
}

export async function readOutFolder(outDir: string, warnings: Diagnostic[]): Promise<OutFolder> {
  const result: OutFolder = { generated: [], bytes: new Map(), handWritten: [] };
  for (const kind of KINDS) {
    const dir = path.join(outDir, KIND_FOLDER[kind]);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8');
      let data: Fields;
      let body: string;
      try {
        const parsed = matter(text);
        data = parsed.data as Fields;
        body = parsed.content;
      } catch (e) {
        warnings.push(contentWarning('import/unreadable-frontmatter', file, `cannot read its frontmatter (${(e as Error).message.split('\n')[0]}); left untouched`));
        result.handWritten.push({ kind, title: '', aliases: [], path: file });
        continue;
      }
      const title = typeof data.title === 'string' ? data.title : '';
      const importedFrom = Array.isArray(data.imported_from) ? data.imported_from.map(String) : [];
      if (!importedFrom.length || !title) {
        const aliases = Array.isArray(data.aliases) ? data.aliases.map(String) : [];
        result.handWritten.push({ kind, title, aliases, path: file });
        continue;
      }
      const checked = SCHEMAS[kind].safeParse(data);
      const fields: Fields = { ...(checked.success ? checked.data : data) };
      for (const key of ['title', 'stub', 'imported_from']) delete fields[key];
      result.bytes.set(file, text);
      result.generated.push({ kind, title, files: importedFrom, full: data.stub !== true, existing: true, fields, body });
    }
  }
  return result;
}
