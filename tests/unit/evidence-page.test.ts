/**
 * The evidence section as built into a page (the stance fixture): each cited
 * note's own support named once with counts, and "From this note" not
 * listing again what the evidence section shows.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site';

let html: string;
const text = (fragment: string) => fragment.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const { outDir } = await buildSite('tests/fixtures/stance');
  html = await readFile(path.join(outDir, 'notes/claim-a/index.html'), 'utf8');
});

describe('a claim note page', () => {
  it('names one further support of a cited note, with how many more there are', () => {
    const item = /<li>\s*<span class="badge note">Note<\/span> <a class="node-link" href="\/notes\/note-b\/"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
    const further = /<div class="further">([\s\S]*?)<\/div>/.exec(item)?.[1] ?? '';
    expect(text(further)).toBe('Its own claim is supported by Note C and 3 more.');
    expect(further).toContain('href="/notes/note-b/#evidence-heading"');
  });

  it('lists under "From this note" only the links the evidence section does not show, and says where the others are', () => {
    const outgoing = /<section aria-labelledby="outgoing-heading">([\s\S]*?)<section aria-labelledby="backlinks-heading"/.exec(html)?.[1] ?? '';
    const section = /<section aria-labelledby="evidence-heading"[\s\S]*?<section aria-labelledby="outgoing-heading"/.exec(html)?.[0] ?? '';
    const evidence = new Set([...section.matchAll(/<li>\s*<span class="badge [a-z]+">[^<]+<\/span> <a class="node-link[^"]*" href="\/([^"]+)\/"/g)].map((m) => m[1]));
    const listed = [...outgoing.matchAll(/<a class="node-link[^"]*" href="\/([^"]+)\/"/g)].map((m) => m[1]);
    expect(evidence.size).toBeGreaterThan(5);
    expect(listed.filter((id) => evidence.has(id))).toEqual([]);
    expect(text(outgoing)).toMatch(/(\d+ more (is|are)|It is|All \d+ are) listed under Evidence above\./);
  });
});
