/** Shared test helpers: the seed exports, temp folders, and reading generated files back. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { parseExport } from '../../../src/lib/import/parse-export';
import { KIND_FOLDER, KINDS, type Kind } from '../../../src/lib/content/ids';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/import');
/** The five seed exports, copied verbatim from the shared seeds folder. */
export const SEEDS = path.join(FIXTURES, 'seeds');
export const SEED = {
  note000: '000_d8fdf720284b6379.txt',
  paperSummary: '001_33dbd17e5e4bbdbf.txt',
  note002: '002_7b4f3540f4dfc5b7.txt',
  paperFullText: '003_c955907f1361f938.txt',
  line: '004_c4cdc0524ef45b56.txt',
} as const;

export const fixture = (name: string) => path.join(FIXTURES, name);
export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'import-test-'));

export function parseSeed(name: string) {
  return parseExport(name, new Uint8Array(readFileSync(path.join(SEEDS, name))));
}

export interface GeneratedFile {
  kind: Kind;
  path: string;
  raw: string;
  data: Record<string, unknown>;
  body: string;
}

/** Every content file under a folder, parsed with gray-matter. */
export function readGenerated(outDir: string): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const kind of KINDS) {
    const dir = path.join(outDir, KIND_FOLDER[kind]);
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const raw = readFileSync(path.join(dir, name), 'utf8');
      const { data, content } = matter(raw);
      files.push({ kind, path: path.join(dir, name), raw, data, body: content });
    }
  }
  return files;
}

/** The wiki-link targets of a body, in order. */
export const wikiLinks = (body: string) => [...body.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]);
