/** Builds a corpus from inline files, so a test shows all of its input. */
import { buildCorpus, type Corpus } from '../../src/lib/corpus';
import { nodeId, slugify, type Kind, type NodeId } from '../../src/lib/content/ids';

/** Markdown files from inline text; `attachments` are the paths of other files beside them. */
export function corpusOf(files: Record<string, string>, attachments: string[] = []): Corpus {
  const encoder = new TextEncoder();
  return buildCorpus(Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) })), attachments);
}

/** A Markdown file with YAML frontmatter. */
export function md(frontmatter: string, body = ''): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}

export const idOf = (kind: Kind, title: string): NodeId => nodeId(kind, slugify(title));
