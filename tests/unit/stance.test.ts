import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/lib/content/ids';
import { claimStatus, headingStance, stanceOfField } from '../../src/lib/content/stance';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import { GraphBuilder, toGraphJson } from '../../src/lib/graph';
import { claimEvidence, claimsIndex, textFragmentUrl, toGraphml } from '../../src/lib/site';
import { headingSections } from '../../src/lib/corpus/blocks';
import { corpusOf, idOf, md } from '../helpers/corpus';

const A = 'notes/claim-a' as NodeId;

describe('the stance tables', () => {
  it('read the section headings the content format documents, ignoring case, dashes and "The"', () => {
    expect(headingStance('The Counter-Evidence')).toBe('challenges');
    expect(headingStance('counter evidence from RL')).toBe('challenges');
    expect(headingStance('Objections')).toBe('challenges');
    expect(headingStance('Evidence against')).toBe('challenges');
    expect(headingStance('Limitations and caveats')).toBe('qualifies');
    expect(headingStance('Caveats')).toBe('qualifies');
    expect(headingStance('Supporting evidence')).toBe('supports');
    expect(headingStance('The Three-Layer Argument')).toBeUndefined();
    expect(headingStance('Evidently')).toBeUndefined();
  });

  it('map every synonym of a field to its stance, in any case, and nothing else', () => {
    expect(['opposes', 'Contradicts', 'REFUTES', 'disputes', 'challenges'].map(stanceOfField)).toEqual(Array(5).fill('challenges'));
    expect(['confirms', 'corroborates', 'supports'].map(stanceOfField)).toEqual(Array(3).fill('supports'));
    expect(['limits', 'nuances', 'qualifies'].map(stanceOfField)).toEqual(Array(3).fill('qualifies'));
    expect(stanceOfField('status')).toBeUndefined();
  });

  it('give a claim its status from the counts', () => {
    expect(claimStatus({ supports: 2, challenges: 0, qualifies: 1 })).toBe('supported');
    expect(claimStatus({ supports: 2, challenges: 1, qualifies: 0 })).toBe('contested');
    expect(claimStatus({ supports: 0, challenges: 1, qualifies: 0 })).toBe('challenged');
    expect(claimStatus({ supports: 0, challenges: 0, qualifies: 3 })).toBe('open');
  });
});

describe('precedence on one link', () => {
  it('keeps the strongest stance whatever order its places come in: declared, then heading, then inferred', () => {
    for (const order of [['inferred', 'heading', 'declared'], ['declared', 'inferred', 'heading']] as const) {
      const builder = new GraphBuilder();
      for (const id of ['notes/a', 'notes/b'] as NodeId[]) builder.addNode({ id, kind: 'note', title: id, aliases: [], tags: [], stub: false });
      const stanceOf = { inferred: 'supports', heading: 'qualifies', declared: 'challenges' } as const;
      for (const from of order) builder.addEdge('notes/a' as NodeId, 'notes/b' as NodeId, 'cites', { stance: { stance: stanceOf[from], from } });
      expect(builder.build().edges[0]).toMatchObject({ stance: 'challenges', stanceFrom: 'declared' });
    }
  });
});

describe('a corpus with every stance syntax', () => {
  let corpus: Corpus;
  const edgeTo = (title: string) => {
    const target = [...corpus.graph.nodes.values()].find((n) => n.title === title)!;
    return corpus.graph.outgoing.get(A)!.find((e) => e.target === target.id)!;
  };
  const stanceOf = (title: string) => {
    const e = edgeTo(title);
    return e && [e.stance, e.stanceFrom];
  };

  it('loads', async () => {
    corpus = await loadCorpus('tests/fixtures/stance');
    expect(corpus.graph.nodes.get(A)?.claim).toBe('Warmth training costs factual accuracy.');
  });

  it('reads declared stances from Dataview fields: whole lines, [key:: ] shown, (key:: ) hidden, several links, synonyms', () => {
    expect(stanceOf('Note B')).toEqual(['supports', 'declared']);
    expect(stanceOf('Note C')).toEqual(['challenges', 'declared']);
    expect(stanceOf('Note D')).toEqual(['qualifies', 'declared']);
    expect(stanceOf('Note E')).toEqual(['challenges', 'declared']);
  });

  it('leaves an unknown field as text: its link is inferred support, as any link of a claim is', () => {
    expect(stanceOf('Note F')).toEqual(['supports', 'inferred']);
    expect(corpus.bodies.get(A)!.html).toContain('Status:: ');
  });

  it('reads declared stances from frontmatter lists, as titles or wiki links, and stubs a missing title', () => {
    expect(stanceOf('Frontmatter support')).toEqual(['supports', 'declared']);
    expect(stanceOf('Frontmatter challenge')).toEqual(['challenges', 'declared']);
    const missing = edgeTo('A title nobody wrote');
    expect(missing).toMatchObject({ stance: 'challenges', stanceFrom: 'declared' });
    expect(corpus.graph.nodes.get(missing.target)?.stub).toBe(true);
  });

  it('reads the section a link sits in, subsections included', () => {
    expect(stanceOf('Note G')).toEqual(['challenges', 'heading']);
    expect(stanceOf('Note K2')).toEqual(['challenges', 'heading']);
    expect(stanceOf('Note H')).toEqual(['qualifies', 'heading']);
    expect(stanceOf('Note I')).toEqual(['supports', 'heading']);
  });

  it('keeps a declared stance over its section, and says so in the problems', () => {
    expect(stanceOf('Note J')).toEqual(['supports', 'declared']);
    expect(corpus.problems).toContainEqual(expect.objectContaining({ rule: 'stance/conflict', file: 'notes/claim-a.md', line: 29 }));
  });

  it('warns about a field with no link, with its line', () => {
    expect(corpus.problems).toContainEqual(expect.objectContaining({ rule: 'stance/no-link', file: 'notes/claim-a.md', line: 23 }));
  });

  it('keeps the stance of an item without a claim, warns that nothing is claimed, and infers nothing for it', () => {
    const id = 'notes/no-claim' as NodeId;
    const edges = corpus.graph.outgoing.get(id)!;
    expect(edges.find((e) => e.target === 'notes/note-b')).toMatchObject({ stance: 'supports', stanceFrom: 'declared' });
    expect(edges.find((e) => e.target === 'notes/note-c')?.stance).toBeUndefined();
    expect(corpus.problems).toContainEqual(expect.objectContaining({ rule: 'stance/no-claim', file: 'notes/no-claim.md', line: 4 }));
    expect(corpus.graph.nodes.get(id)?.status).toBeUndefined();
  });

  it('never gives a similarity-ranked paper a stance unless its text verifies something', () => {
    expect(edgeTo('Paper two')).toMatchObject({ type: 'related' });
    expect(edgeTo('Paper two').stance).toBeUndefined();
  });

  it('verifies a figure and a quotation against the paper that states them, keeping the stronger declared stance', () => {
    const edge = corpus.graph.outgoing.get(A)!.find((e) => e.target === 'papers/paper-one' && e.type === 'related')!;
    expect(edge).toMatchObject({ stance: 'supports', stanceFrom: 'verified' });
    expect(edge.passages?.map((p) => [p.quote, p.section?.text])).toEqual([
      ['8.6 pp', 'Results'],
      ['warmth came at a steady cost to truth', 'Discussion'],
    ]);
    const report = corpus.provenance.get(A)!;
    expect(report.quotes.find((q) => q.quote.startsWith('these exact words'))?.sources).toEqual([]);
  });

  it('gives the claim its status and counts each item once per stance', () => {
    const node = corpus.graph.nodes.get(A)!;
    expect(node.stanceCounts).toEqual({ supports: 6, challenges: 6, qualifies: 2 });
    expect(node.status).toBe('contested');
    expect(corpus.graph.nodes.get('notes/note-b' as NodeId)?.status).toBe('supported');
  });

  it('groups the evidence by stance, verified passages first, and follows a cited note one step', () => {
    const evidence = claimEvidence(corpus, A)!;
    const supports = evidence.groups.find((g) => g.stance === 'supports')!;
    expect(supports.items[0].passages.length).toBeGreaterThan(0);
    const noteB = supports.items.find((i) => i.node.title === 'Note B')!;
    expect(noteB.further?.items.map((i) => i.node.title)).toEqual(['Note C']);
    expect(noteB.further?.more).toBe(3);
    expect(noteB.further?.challenges).toBe(0);
    expect(evidence.related).toBe(1);
  });

  it('writes stance, its source and passages into graph.json and GraphML', () => {
    const json = toGraphJson(corpus.graph);
    expect(json.nodes.find((n) => n.id === A)?.status).toBe('contested');
    expect(json.edges.find((e) => e.source === A && e.target === 'notes/note-g')).toMatchObject({ type: 'cites', stance: 'challenges', stanceFrom: 'heading' });
    expect(json.edges.find((e) => e.source === A && e.target === 'papers/paper-one' && e.type === 'related')?.passages?.[0]).toMatchObject({ paper: 'papers/paper-one', section: 'Results', quote: '8.6 pp' });
    const graphml = toGraphml(corpus.graph);
    expect(graphml).toContain('<key id="e_stance" for="edge" attr.name="stance" attr.type="string"/>');
    expect(graphml).toMatch(/<edge id="e\d+" source="notes\/claim-a" target="notes\/note-g"><data key="e_type">cites<\/data><data key="e_stance">challenges<\/data><data key="e_stanceFrom">heading<\/data><\/edge>/);
  });

  it('lists claims by status on /claims/, with gaps', () => {
    const index = claimsIndex(corpus);
    expect(index.rows.map((r) => [r.node.id, r.status])).toEqual([
      ['notes/note-b', 'supported'],
      [A, 'contested'],
    ]);
    expect(index.rows.find((r) => r.node.id === A)?.strongestSource?.node.id).toBe('papers/paper-one');
    expect(index.unanswered.map((u) => u.challenger.title)).toContain('Note G');
  });
});

describe('links in the text of a claim', () => {
  it('a claim without any link has status open', () => {
    const corpus = corpusOf({ 'notes/a.md': md('title: A\nclaim: Something', 'No links at all.') });
    expect(corpus.graph.nodes.get('notes/a' as NodeId)?.status).toBe('open');
  });
});

describe('text fragments', () => {
  it('link to a short passage whole and to a long one by its start and end, encoding - , and &', () => {
    expect(textFragmentUrl('/papers/x/', 'Warm models erred more.')).toBe('/papers/x/#:~:text=Warm%20models%20erred%20more.');
    expect(textFragmentUrl('/p/', 'a-b, c & d')).toBe('/p/#:~:text=a%2Db%2C%20c%20%26%20d');
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(textFragmentUrl('/p/', long)).toBe('/p/#:~:text=one%20two%20three%20four%20five%20six,nine%20ten%20eleven%20twelve%20thirteen%20fourteen');
  });
});

describe('the sections of a body', () => {
  it('are read once: each heading with those it sits under, a heading closing the sections of its depth or deeper', () => {
    const h = (depth: number, text: string) => ({ depth, text, anchor: text, line: 0 });
    const [a, b, c, d, e] = [h(2, 'A'), h(3, 'B'), h(2, 'C'), h(3, 'D'), h(4, 'E')];
    expect(headingSections([a, b, c, d, e])).toEqual([[a], [a, b], [c], [c, d], [c, d, e]]);
  });

  it('give a figure the stance they give a link beside it, subsections included', () => {
    const corpus = corpusOf({
      'notes/claim.md': md('title: Claim\nclaim: warmth costs accuracy', '## The Counter-Evidence\n\n### In detail\n\nErrors fell by 8.6 pp, as [[Other]] shows.\n\n## Method\n\nErrors rose by 3 pp.'),
      'notes/other.md': md('title: Other'),
    });
    const id = idOf('note', 'Claim');
    expect(corpus.provenance.get(id)!.figures.map((f) => [f.figure.raw, f.stance])).toEqual([
      ['8.6 pp', 'challenges'],
      ['3 pp', 'supports'],
    ]);
    expect(corpus.graph.outgoing.get(id)!.find((e) => e.target === idOf('note', 'Other'))).toMatchObject({ stance: 'challenges', stanceFrom: 'heading' });
  });
});
