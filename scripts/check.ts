/** `npm run check`: validates the content folder and prints every problem and how each folder was read; exits 1 on errors. */
import { loadCorpus } from '../src/lib/corpus';
import { resolveOptions } from '../src/integrations/options-schema';
import { bibliographySettings, reportProblems, type SiteOptions } from '../src/lib/site';

// The settings a build would read (the environment's overrides over the defaults), checked the same way.
let options: SiteOptions;
try {
  options = resolveOptions({});
} catch (e) {
  console.log(`error: ${(e as Error).message}`);
  process.exit(1);
}
const root = process.argv[2] ?? options.content;
const corpus = await loadCorpus(root, { bibliographies: options.bibliography, bibliography: bibliographySettings(options), dialect: options.dialect });
reportProblems(corpus.problems, root, (line) => console.log(line));
for (const d of corpus.reading.dialects) console.log(`${d.folder ? `${d.folder}/` : '(top of the folder)'}: read as ${d.dialect === 'research' ? 'the research format' : d.dialect === 'dendron' ? 'a Dendron vault' : 'an Obsidian vault'}, ${d.files} file(s) (${d.reason}).`);
for (const s of corpus.reading.setAside) console.log(`left out: ${s.file}: ${s.reason}.`);
for (const c of corpus.reading.canvases) console.log(`not read yet: ${c}: a JSON Canvas file; canvases are not published yet.`);
const stubs = [...corpus.graph.nodes.values()].filter((n) => n.stub).length;
console.log(`${corpus.documents.size} documents, ${stubs} stubs, ${corpus.graph.nodes.size} nodes, ${corpus.graph.edges.length} edges.`);
const links = corpus.linkCounts;
console.log(`${links.total} wiki links: ${links.written} to written items, ${links.attachments} to attachments, ${links.stubs} to stubs, ${links.private} to private files (shown as text), ${links.missing} unresolved; ${corpus.attachments.length} attachments, ${corpus.linkedAttachments.length} of them linked and published.`);
if (corpus.bibliography.size || corpus.unpublishedEntries) {
  console.log(`${corpus.bibliography.size} bibliography entries published; ${corpus.unpublishedEntries} left out because nothing published cites them (BIBLIOGRAPHY_PUBLISH=all publishes every entry).`);
}
if (corpus.privateFiles.length) console.log(`${corpus.privateFiles.length} kept private (publish: false or draft: true), never published: ${corpus.privateFiles.join(', ')}.`);
const claims = [...corpus.graph.nodes.values()].filter((n) => n.status);
if (claims.length) {
  const by = (status: string) => claims.filter((n) => n.status === status).length;
  console.log(`${claims.length} claims: ${by('supported')} supported, ${by('contested')} contested, ${by('challenged')} challenged, ${by('open')} open.`);
  const grounded = (g: string) => claims.filter((n) => n.grounding === g).length;
  const parts = claims.reduce((n, c) => n + ((c.parts?.length ?? 0) > 1 ? c.parts!.length : 0), 0);
  console.log(`Grounding: ${grounded('verified')} verified, ${grounded('cited')} cited, ${grounded('inferred')} inferred only, ${grounded('none')} with no evidence; ${parts} parts of compound claims.`);
}
if (corpus.documents.size === 0) console.log(`nothing could be published from ${root}.`);
process.exit(corpus.documents.size === 0 || corpus.problems.some((p) => p.severity === 'error') ? 1 : 0);
