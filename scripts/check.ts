/** `npm run check`: validates the content folder and prints every problem; exits 1 on errors. */
import { loadCorpus } from '../src/lib/corpus';
import { bibliographyFiles, contentDir, reportProblems } from '../src/lib/site';

const root = process.argv[2] ?? contentDir();
const corpus = await loadCorpus(root, { bibliographies: bibliographyFiles() });
reportProblems(corpus.problems, root, (line) => console.log(line));
const stubs = [...corpus.graph.nodes.values()].filter((n) => n.stub).length;
console.log(`${corpus.documents.size} documents, ${stubs} stubs, ${corpus.graph.nodes.size} nodes, ${corpus.graph.edges.length} edges.`);
const links = corpus.linkCounts;
console.log(`${links.total} wiki links: ${links.written} to written items, ${links.attachments} to attachments, ${links.stubs} to stubs, ${links.private} to private files (shown as text), ${links.missing} unresolved; ${corpus.attachments.length} attachments.`);
if (corpus.privateFiles.length) console.log(`${corpus.privateFiles.length} kept private (publish: false or draft: true), never published: ${corpus.privateFiles.join(', ')}.`);
const claims = [...corpus.graph.nodes.values()].filter((n) => n.status);
if (claims.length) {
  const by = (status: string) => claims.filter((n) => n.status === status).length;
  console.log(`${claims.length} claims: ${by('supported')} supported, ${by('contested')} contested, ${by('challenged')} challenged, ${by('open')} open.`);
  const grounded = (g: string) => claims.filter((n) => n.grounding === g).length;
  const parts = claims.reduce((n, c) => n + ((c.parts?.length ?? 0) > 1 ? c.parts!.length : 0), 0);
  console.log(`Grounding: ${grounded('verified')} verified, ${grounded('cited')} cited, ${grounded('inferred')} inferred only, ${grounded('none')} with no evidence; ${parts} parts of compound claims.`);
}
process.exit(corpus.problems.some((p) => p.severity === 'error') ? 1 : 0);
