/** Every Markdown file parsed into a document; a file that fails is reported and left out. */
import path from 'node:path';
import { decodeUtf8, parseDocument, type Document } from '../content/document';
import { kindOfPath, type SourceFile } from '../content/files';
import { isSafeSlug, KIND_FOLDER, nodeId, slugify, type NodeId, type Slug } from '../content/ids';
import { contentWarning, type Problem } from '../content/problems';
import { vaultSlug } from '../content/vault';

export function parseAll(files: SourceFile[], problems: Problem[]): Map<NodeId, Document> {
  const documents = new Map<NodeId, Document>();
  for (const file of files) {
    // Markdown outside the kind folders is a vault note, at any depth, with or without frontmatter.
    const folderKind = kindOfPath(file.path);
    const vault = !folderKind;
    const kind = folderKind ?? 'note';
    const decoded = decodeUtf8(file.bytes, file.path);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const stem = path.posix.basename(file.path, '.md');
    let slug = vault ? vaultSlug(file.path) : ((isSafeSlug(stem) ? stem : slugify(stem)) as Slug);
    if (documents.has(nodeId(kind, slug))) {
      const base = slug;
      for (let n = 2; documents.has(nodeId(kind, slug)); n++) slug = `${base}-${n}` as Slug;
      problems.push(contentWarning('file/same-address', file.path, `another file already has the address /${KIND_FOLDER[kind]}/${base}/; this one is published at /${KIND_FOLDER[kind]}/${slug}/; rename one of them`));
    }
    const result = parseDocument(kind, slug, file.path, decoded.text, vault ? { vault: { fileTitle: stem } } : {});
    if (result.ok) documents.set(result.doc.id, result.doc);
    else problems.push(...result.problems);
  }
  return documents;
}

