/**
 * The whole import: read every export, read the output folder, find and link
 * mentions, merge, and write the files that changed. One bad file is an error
 * in the report; the others still import.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMAS } from '../content/schema';
import { KIND_FOLDER, slugify, titleKey, type Kind } from '../content/ids';
import { embeddedQuestions, MentionLinker } from './mentions';
import { mergeContributions, nodeKey, type MergedNode } from './merge';
import { readOutFolder, type HandWritten } from './out-folder';
import { parseExport } from './parse-export';
import { emptyCounts, type ImportReport } from './report';
import { ExportError, type Block, type Contribution, type ParsedExport } from './types';
import { escapeBlockStart, serialize } from './write';
import { contentError, contentWarning } from '../content/problems';

/** Export files named by the inputs: files as given, folders walked (hidden entries skipped), sorted. */
export async function collectExports(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (p: string) => {
    const s = await stat(p);
    if (!s.isDirectory()) return void files.push(p);
    for (const name of (await readdir(p)).sort()) if (!name.startsWith('.')) await walk(path.join(p, name));
  };
  for (const input of inputs) await walk(input);
  return [...new Set(files)].sort((a, b) => path.basename(a).localeCompare(path.basename(b)) || a.localeCompare(b));
}

export async function importExports(inputs: string[], outDir: string): Promise<ImportReport> {
  const report: ImportReport = {
    exports: [], items: emptyCounts(), stubs: emptyCounts(), written: [], unchanged: 0,
    mentions: {}, detectedTitles: [], unclassified: [], warnings: [], errors: [],
  };
  const parsed: ParsedExport[] = [];
  const seenNames = new Map<string, string>();
  for (const file of await collectExports(inputs)) {
    const name = path.basename(file);
    if (seenNames.has(name)) {
      report.errors.push(contentError('import/duplicate-name', file, `another export is also named ${name} (${seenNames.get(name)}); rename one, as imported_from records file names`));
      continue;
    }
    seenNames.set(name, file);
    try {
      const result = parseExport(name, new Uint8Array(await readFile(file)));
      parsed.push(result);
      report.exports.push({ file: name, kind: result.exportKind });
      report.unclassified.push(...result.unclassified);
      report.warnings.push(...result.warnings);
    } catch (e) {
      if (e instanceof ExportError) report.errors.push(contentError(e.rule, file, e.message, { line: e.line }));
      else report.errors.push(contentError('import/unreadable', file, `could not be imported: ${(e as Error).message}`));
    }
  }

  const out = await readOutFolder(outDir, report.warnings);
  const fromRun = parsed.flatMap((p) => p.contributions);
  const contributions: Contribution[] = [...out.generated, ...fromRun];
  const known = new Map<string, string>();
  const learn = (t: string) => t && !known.has(titleKey(t)) && known.set(titleKey(t), t);
  for (const c of fromRun) learn(c.title);
  // A title the output folder holds as a note still gets this run's mention stub (so the stub
  // is written the same way on every run); one held as another kind, or by hand, does not.
  for (const c of out.generated) if (c.kind !== 'note') learn(c.title);
  for (const h of out.handWritten) [h.title, ...h.aliases].forEach(learn);
  contributions.push(...mentionStubs(parsed, known, report));
  for (const c of out.generated) learn(c.title);
  const linker = new MentionLinker(known.values());
  for (const p of parsed) {
    for (const c of p.contributions) {
      if (!Array.isArray(c.body)) continue;
      const { markdown, linked } = renderBody(c.body, linker, c.title);
      c.body = markdown;
      if (linked) report.mentions[p.file] = (report.mentions[p.file] ?? 0) + linked;
    }
  }

  const nodes = mergeContributions(contributions, report.warnings);
  await writeNodes(nodes, out.handWritten, out.bytes, outDir, report);
  return report;
}

/** Pass 1 of mention linking: question titles embedded in prose that nothing defines become stub notes. */
function mentionStubs(parsed: ParsedExport[], known: Map<string, string>, report: ImportReport): Contribution[] {
  const stubs = new Map<string, Contribution>();
  for (const p of parsed) {
    for (const c of p.contributions) {
      if (!Array.isArray(c.body)) continue;
      for (const block of c.body) {
        if (block.type !== 'paragraph') continue;
        for (const { title } of embeddedQuestions(block.text)) {
          const key = titleKey(title);
          if (known.has(key) && !stubs.has(key)) continue;
          const stub = stubs.get(key);
          if (stub) {
            if (!stub.files.includes(p.file)) stub.files.push(p.file);
            continue;
          }
          known.set(key, title);
          report.detectedTitles.push(title);
          stubs.set(key, { kind: 'note', title, files: [p.file], full: false, fields: {} });
        }
      }
    }
  }
  return [...stubs.values()];
}

/** Pass 2: blocks to Markdown, every known title linked in paragraphs. */
function renderBody(blocks: Block[], linker: MentionLinker, self: string) {
  let linked = 0;
  const parts = blocks.map((b) => {
    if (b.type === 'heading') return `## ${b.text}`;
    const result = linker.link(b.text, self);
    linked += result.linked.length;
    return escapeBlockStart(result.text);
  });
  return { markdown: parts.join('\n\n'), linked };
}

async function writeNodes(nodes: MergedNode[], handWritten: HandWritten[], bytes: Map<string, string>, outDir: string, report: ImportReport) {
  const handByKey = new Map(handWritten.filter((h) => h.title).map((h) => [nodeKey(h.kind, h.title), h]));
  const handByPath = new Map(handWritten.map((h) => [h.path, h]));
  const taken = new Map<string, MergedNode>();
  const ordered = [...nodes].sort((a, b) => Number(b.freshFull) - Number(a.freshFull) || Number(a.stub) - Number(b.stub));
  for (const node of ordered) {
    if (!node.fresh) continue;
    const file = path.join(outDir, KIND_FOLDER[node.kind], `${slugify(node.title)}.md`);
    const hand = handByKey.get(nodeKey(node.kind, node.title)) ?? handByPath.get(file);
    if (hand) {
      if (node.freshFull) {
        report.errors.push(
          contentError(
            'import/hand-written',
            hand.path,
            `clash: written by hand (no imported_from), so the ${node.kind} "${node.title}" from ${node.importedFrom.join(', ')} was not written; merge the export into it by hand, or delete or rename it and import again`,
          ),
        );
      } else {
        report.warnings.push(contentWarning('import/hand-written', hand.path, `the ${node.kind} "${node.title}" is written by hand; the stub the exports name was not written`));
      }
      continue;
    }
    const other = taken.get(file);
    if (other) {
      report.errors.push(contentError('import/same-file-name', file, `the ${node.kind}s "${other.title}" and "${node.title}" have the same file name; only the first was written`));
      continue;
    }
    taken.set(file, node);
    const data = { ...node.fields, title: node.title, imported_from: node.importedFrom, stub: node.stub };
    const text = serialize(node.kind, data, typeof node.body === 'string' ? node.body : '');
    const check = SCHEMAS[node.kind as Kind].safeParse(data);
    if (!check.success) {
      const issue = check.error.issues[0];
      report.errors.push(contentError('import/invalid-field', file, `not written: field ${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') }));
      continue;
    }
    (node.stub ? report.stubs : report.items)[node.kind]++;
    if (bytes.get(file) === text) {
      report.unchanged++;
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    report.written.push(file);
  }
}
