/**
 * The edges frontmatter lists make: a note's related papers (ranked) and the
 * lines that use it, a paper's similar papers, a line's sources (ranked, with
 * their gloss) and next lines. Titles are resolved, or stubbed with a kind
 * guessed from the list that names them. Stance lists (`supports:`,
 * `challenges:`, `qualifies:` and their synonyms) make `cites` edges with a
 * declared stance.
 */
import type { Document } from '../content/document';
import type { EdgeContext, GraphBuilder } from '../graph/graph';
import type { LinkResolver, ReferenceRole } from './resolve';
import { frontmatterStances } from './stances';

/** Every title a frontmatter list names, with the role that tells a stub's kind. */
export function* frontmatterReferences(documents: Iterable<Document>): Generator<{ title: string; role: ReferenceRole; summary?: string }> {
  for (const doc of documents) {
    for (const { title } of frontmatterStances(doc)) yield { title, role: 'cites' };
    if (doc.kind === 'note') {
      const data = (doc as Document<'note'>).data;
      for (const title of data.papers) yield { title, role: 'paper' };
      for (const title of data.lines) yield { title, role: 'line' };
    } else if (doc.kind === 'paper') {
      for (const title of (doc as Document<'paper'>).data.similar) yield { title, role: 'paper' };
    } else {
      const data = (doc as Document<'line'>).data;
      for (const source of data.sources) yield { title: source.title, role: 'source', summary: source.summary };
      for (const title of data.next) yield { title, role: 'line' };
    }
  }
}

export function addFrontmatterEdges(documents: Iterable<Document>, resolver: LinkResolver, builder: GraphBuilder, isPrivate: (title: string) => boolean = () => false): void {
  const gloss = (text: string | undefined): EdgeContext | undefined => (text ? { sentence: text, start: 0, end: 0 } : undefined);
  for (const doc of documents) {
    const link = (title: string, role: ReferenceRole) => {
      if (isPrivate(title)) return undefined;
      const target = resolver.resolveOrStub(title, role);
      return target === doc.id ? undefined : target;
    };
    for (const { title, stance } of frontmatterStances(doc)) {
      const target = link(title, 'cites');
      if (target) builder.addEdge(doc.id, target, 'cites', { stance: { stance, from: 'declared' } });
    }
    if (doc.kind === 'note') {
      const data = (doc as Document<'note'>).data;
      data.papers.forEach((title, i) => {
        const target = link(title, 'paper');
        if (target) builder.addEdge(doc.id, target, 'related', { rank: i + 1 });
      });
      for (const title of data.lines) {
        const line = link(title, 'line');
        if (line) builder.addEdge(line, doc.id, 'source');
      }
    } else if (doc.kind === 'paper') {
      for (const title of (doc as Document<'paper'>).data.similar) {
        const target = link(title, 'paper');
        if (target) builder.addEdge(doc.id, target, 'similar');
      }
    } else {
      const data = (doc as Document<'line'>).data;
      data.sources.forEach((source, i) => {
        const target = link(source.title, 'source');
        if (target) builder.addEdge(doc.id, target, 'source', { rank: i + 1, context: gloss(source.summary) });
      });
      for (const title of data.next) {
        const target = link(title, 'line');
        if (target) builder.addEdge(doc.id, target, 'next');
      }
    }
  }
}

