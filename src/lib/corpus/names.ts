/**
 * Stage: the names a body's links can reach. Files are parsed, bibliography
 * entries become papers, private files leave, and every title, alias, file
 * name and frontmatter reference (a stub) is known before the first body
 * renders. Every thread that renders bodies makes its names this way, from
 * the same files, so a link resolves alike on each.
 */
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import type { Problem } from '../content/problems';
import type { SourceFile } from '../content/files';
import type { FolderDialect } from '../content/dialect';
import type { VaultSettings } from '../content/vault';
import { citedKeys } from '../markdown/citations';
import { addBibliography, isBibliographyPath, readBibliographies, type Bibliography, type BibliographyOptions } from './bibliography';
import { BodyLinks } from './body-links';
import { frontmatterReferences } from './frontmatter-edges';
import { parseAll, type Drawing } from './parse-files';
import { LinkResolver } from './resolve';

/** `publish: false` (as Obsidian Publish reads it) or `draft: true`. */
export const isPrivate = (doc: Document) => doc.data.publish === false || doc.data.draft === true;

export interface Names {
  /** The published documents, in the order of the files. */
  documents: Map<NodeId, Document>;
  /** Files kept private, read only to tell links to them apart from links to nothing. */
  privateDocs: Document[];
  bibliography: Bibliography;
  resolver: LinkResolver;
  /** Whether a name is a private file's (and no published item's). */
  namesPrivate: (name: string) => boolean;
  /** Resolves the links of bodies; records what it warns about in the `problems` given. */
  links: BodyLinks;
  /** The dialect each top folder was read in, and why. */
  dialects: FolderDialect[];
  /** Files left out on purpose (templates, drawings), with the reason. */
  setAside: { file: string; reason: string }[];
  drawings: Drawing[];
}

export function resolveNames(files: SourceFile[], attachments: string[], problems: Problem[], settings: VaultSettings = {}, bibliographyOptions: BibliographyOptions = {}): Names {
  const { documents, dialects, setAside, drawings } = parseAll(files.filter((f) => !isBibliographyPath(f.path)), problems, settings);
  // Bibliography entries become papers (or complete them) before any link is resolved, so titles and keys find them;
  // only the entries published items cite, unless every entry is to be published.
  const cited = citedKeys([...documents.values()].filter((d) => !isPrivate(d)).map((d) => d.body));
  const bibliography = addBibliography(documents, readBibliographies(files.filter((f) => isBibliographyPath(f.path)), problems), cited, problems, bibliographyOptions);

  // Private files leave before anything reads them; links to them are told apart from links to nothing.
  const privateDocs = [...documents.values()].filter(isPrivate);
  for (const doc of privateDocs) documents.delete(doc.id);
  const resolver = new LinkResolver(documents.values());
  problems.push(...resolver.problems);
  const privateNames = new LinkResolver(privateDocs);
  const namesPrivate = (name: string) => privateDocs.length > 0 && !resolver.resolve(name) && privateNames.resolve(name) !== undefined;
  resolver.declareStubs([...frontmatterReferences(documents.values())].filter((ref) => !namesPrivate(ref.title)));
  const links = new BodyLinks(documents, resolver, attachments, problems, bibliography, namesPrivate, drawings);
  return { documents, privateDocs, bibliography, resolver, namesPrivate, links, dialects, setAside, drawings };
}
