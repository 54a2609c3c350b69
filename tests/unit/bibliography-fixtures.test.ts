/**
 * Real bibliographies, one folder each (tests/fixtures/bibliographies/README.md
 * says where each comes from): each builds, cites every entry, shows no private
 * field, and its in-text labels carry the years its references carry.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/lib/content/ids';
import { isPrivateField } from '../../src/lib/corpus/bibliography/bibtex-scan';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import { citedKeys } from '../../src/lib/markdown/citations';
import { referenceOf } from '../../src/lib/site/references';

const ROOT = 'tests/fixtures/bibliographies';
const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Every citation link of a body: the paper it goes to and the text it shows. */
const citationLinks = (html: string) => [...html.matchAll(/<a href="\/papers\/([^/"]+)\/"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ id: `papers/${m[1]}` as NodeId, text: m[2].replace(/&#x26;/g, '&') }));

/** The date part of a label: `2006b` from `Acar et al., 2006b`, `1931` from `Doe (1931, p. 33)`, `375 B.C.E.` from `Plato, 375 B.C.E.`. */
const datePart = (label: string) => {
  const inParens = /\(([^)]*)\)$/.exec(label)?.[1];
  const date = (inParens ?? label.split(', ').slice(-1)[0]).split(', ')[0];
  return inParens === undefined && label.includes(', ') ? label.split(', ').slice(1)[0] : date;
};

describe.each(fixtures)('the %s bibliography', (name) => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(path.join(ROOT, name));
  });

  it('builds: no errors, and every problem names its file and line', () => {
    expect(corpus.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const p of corpus.problems.filter((p) => p.rule.startsWith('bibliography/'))) expect(p.line).toBeGreaterThan(0);
    expect(corpus.problems.filter((p) => p.rule === 'citation/unknown-key')).toEqual([]);
  });

  it('publishes every cited entry, and only those', () => {
    const note = [...corpus.documents.values()].find((d) => d.kind === 'note')!;
    const published = new Set([...corpus.bibliography.values()].map((e) => e.key));
    for (const key of citedKeys([note.body])) expect(published).toContain(key);
    expect(published.size).toBeLessThanOrEqual(citedKeys([note.body]).size);
  });

  it('its in-text labels carry the year their references carry', () => {
    const note = [...corpus.documents.values()].find((d) => d.kind === 'note')!;
    const links = citationLinks(corpus.bodies.get(note.id)!.html);
    expect(links.length).toBeGreaterThan(0);
    for (const { id, text } of links) {
      const reference = referenceOf(corpus, id);
      expect(reference, `${id} has a reference`).toBeDefined();
      expect(reference!.html, `"${text}" agrees with its reference`).toContain(`(${datePart(text)})`);
    }
  });

  it('never counts a CSL-JSON library as an attachment to publish', () => {
    expect(corpus.attachments.filter((a) => a.endsWith('.json'))).toEqual([]);
  });

  it('shows no private field in any BibTeX or reference', () => {
    for (const id of corpus.bibliography.keys()) {
      const { bibtex, html } = referenceOf(corpus, id)!;
      const fields = [...bibtex.matchAll(/^\s*([\w:-]+)\s*=/gm)].map((m) => m[1].toLowerCase());
      expect(fields.filter(isPrivateField)).toEqual([]);
      expect(`${bibtex}\n${html}`).not.toMatch(/Zotero\/storage|Bdsk|Date-Added|annotation|timestamp/i);
    }
  });
});
