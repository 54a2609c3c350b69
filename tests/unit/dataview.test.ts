/**
 * Dataview queries evaluated at build time: each clause, field and sort with
 * the HTML it gives, the views that are never run, what the site does not
 * read (shown and warned about, the build going on), and the links a result
 * makes (query edges, never evidence). The vault of the last tests is
 * tests/fixtures/dataview-vault, shaped like public Dataview examples.
 */
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/lib/content/ids';
import { buildCorpus, loadCorpus, type CachedBody, type Corpus, type RenderCache, type SourceFile } from '../../src/lib/corpus';
import { parseQuery, QueryError } from '../../src/lib/corpus/dataview/parse';
import { generateCorpus } from '../../scripts/bench/synthetic-corpus';

const NOW = new Date('2026-12-02T10:00:00Z');
const DATES: Record<string, { created: string; updated: string }> = {
  'Games/Outer Wilds.md': { created: '2024-01-05', updated: '2024-03-01' },
  'Games/Minecraft.md': { created: '2023-06-01', updated: '2024-05-20' },
  'Games/Dota 2.md': { created: '2022-02-02', updated: '2022-02-03' },
};

const GAMES: Record<string, string> = {
  'Games/Outer Wilds.md': '---\ntags: games/puzzle\nrating: 9.5\nlength: 15h\nreleased: 2019-05-28\n---\nA time loop. See [[Minecraft]].',
  'Games/Minecraft.md': '---\ntags: games/sandbox\nrating: 9.5\nlength: 2000h\n---\nBlocks.',
  'Games/Dota 2.md': '---\ntags: [games/mobas, multiplayer]\nrating: 6\n---\nFive against five. Unlike [[Outer Wilds]].',
};

const encode = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));

function build(files: Record<string, string>, cache?: RenderCache): Corpus {
  return buildCorpus(encode(files), [], { now: NOW, fileDates: (file) => DATES[file], cache });
}

/** The HTML of a note `Query.md` holding only `query`, in a vault of the games and `more`. */
function run(query: string, more: Record<string, string> = {}): string {
  const corpus = build({ ...GAMES, ...more, 'Query.md': '```dataview\n' + query + '\n```\n' });
  return corpus.bodies.get('notes/query' as NodeId)!.html;
}

const a = (slug: string, title: string) => `<a href="/notes/${slug}/" class="wikilink">${title}</a>`;
const OW = a('games/outer-wilds', 'Outer Wilds');
const MC = a('games/minecraft', 'Minecraft');
const DOTA = a('games/dota-2', 'Dota 2');
const list = (...items: string[]) => `<ul class="dataview dataview-list">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
const table = (headers: string[], rows: string[][]) =>
  `<div class="dataview dataview-table"><table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
const day = (iso: string) => `<time datetime="${iso}T00:00:00.000Z">${iso}</time>`;
const NONE = '<p class="dataview dataview-empty">No results</p>';

describe('FROM', () => {
  it('a folder gives its notes, ordered by path', () => {
    expect(run('LIST FROM "Games"')).toBe(list(DOTA, MC, OW));
  });

  it('a tag gives the notes with it or one of its subtags', () => {
    expect(run('LIST FROM #games')).toBe(list(DOTA, MC, OW));
    expect(run('LIST FROM #games/mobas')).toBe(list(DOTA));
    expect(run('LIST FROM #multiplayer')).toBe(list(DOTA));
  });

  it('[[note]] gives the notes linking to it, outgoing([[note]]) the notes it links to', () => {
    expect(run('LIST FROM [[Outer Wilds]]')).toBe(list(DOTA));
    expect(run('LIST FROM outgoing([[Outer Wilds]])')).toBe(list(MC));
  });

  it('sources combine with and, or and -', () => {
    expect(run('LIST FROM #games/mobas OR #games/puzzle')).toBe(list(DOTA, OW));
    expect(run('LIST FROM "Games" AND -#games/mobas')).toBe(list(MC, OW));
    expect(run('LIST FROM #games and ([[Minecraft]] or [[Outer Wilds]])')).toBe(list(DOTA, OW));
  });

  it('no FROM (or FROM "/") reads every note', () => {
    expect(run('LIST WHERE rating > 9')).toBe(list(MC, OW));
    expect(run('LIST FROM "/" WHERE rating > 9')).toBe(list(MC, OW));
  });
});

describe('WHERE', () => {
  it('compares numbers and text, and joins conditions with and, or and !', () => {
    expect(run('LIST FROM "Games" WHERE rating >= 9.5 AND !contains(file.name, "Mine")')).toBe(list(OW));
    expect(run('LIST FROM "Games" WHERE rating < 7 OR file.name = "Minecraft"')).toBe(list(DOTA, MC));
    expect(run('LIST FROM "Games" WHERE rating != 9.5')).toBe(list(DOTA));
  });

  it('a field alone tests that the note has it', () => {
    expect(run('LIST FROM "Games" WHERE length')).toBe(list(MC, OW));
    expect(run('LIST FROM "Games" WHERE !length')).toBe(list(DOTA));
  });

  it('contains() looks in lists and text', () => {
    expect(run('LIST FROM "Games" WHERE contains(file.tags, "#multiplayer")')).toBe(list(DOTA));
    expect(run('LIST FROM "Games" WHERE contains(file.outlinks, [[Minecraft]])')).toBe(list(OW));
  });

  it('dates compare with date(today) and durations with dur()', () => {
    expect(run('LIST FROM "Games" WHERE released AND released < date(today)')).toBe(list(OW));
    // As in Dataview, nothing sorts before everything: a note without the field is earlier than any date.
    expect(run('LIST FROM "Games" WHERE released < date(today)')).toBe(list(DOTA, MC, OW));
    expect(run('LIST FROM "Games" WHERE date(today) - released > dur(365 days)')).toBe(list(OW));
    expect(run('LIST FROM "Games" WHERE length > dur(1 day)')).toBe(list(MC));
    expect(run('LIST FROM "Games" WHERE file.mtime >= date(2024-03-01)')).toBe(list(MC, OW));
  });
});

describe('SORT, LIMIT, GROUP BY, FLATTEN', () => {
  it('sorts by several keys, each ascending or descending', () => {
    expect(run('LIST FROM "Games" SORT rating DESC, file.name ASC')).toBe(list(MC, OW, DOTA));
    expect(run('LIST FROM "Games" SORT rating DESC, file.name DESC')).toBe(list(OW, MC, DOTA));
    expect(run('LIST FROM "Games" SORT file.ctime')).toBe(list(DOTA, MC, OW));
    expect(run('LIST FROM "Games" SORT file.mtime descending')).toBe(list(MC, OW, DOTA));
  });

  it('LIMIT keeps the first rows', () => {
    expect(run('LIST FROM "Games" SORT rating ASC LIMIT 2')).toBe(list(DOTA, MC));
  });

  it('GROUP BY makes a row per key, with its rows', () => {
    expect(run('TABLE rows.file.link AS "Games" FROM "Games" GROUP BY rating')).toBe(
      table(['Group', 'Games'], [['6', `<ul><li>${DOTA}</li></ul>`], ['9.5', `<ul><li>${MC}</li><li>${OW}</li></ul>`]]),
    );
    expect(run('LIST FROM "Games" GROUP BY rating')).toBe(list(`6<ul><li>${DOTA}</li></ul>`, `9.5<ul><li>${MC}</li><li>${OW}</li></ul>`));
  });

  it('FLATTEN makes a row per element of a list', () => {
    expect(run('TABLE WITHOUT ID file.link, tag FROM #multiplayer FLATTEN file.etags AS tag')).toBe(table(['file.link', 'tag'], [[DOTA, '#games/mobas'], [DOTA, '#multiplayer']]));
  });
});

describe('views', () => {
  it('TABLE has a header per column, named by AS or as written', () => {
    expect(run('TABLE rating AS "Rating", length FROM #games/puzzle')).toBe(table(['File', 'Rating', 'length'], [[OW, '9.5', '15 hours']]));
  });

  it('TABLE WITHOUT ID leaves out the file column; LIST shows a value after the link', () => {
    expect(run('TABLE WITHOUT ID file.name AS "Name" FROM #games/puzzle')).toBe(table(['Name'], [['Outer Wilds']]));
    expect(run('LIST rating FROM #games/puzzle')).toBe(list(`${OW}: 9.5`));
    expect(run('LIST WITHOUT ID file.name FROM #games/puzzle')).toBe(list('Outer Wilds'));
  });

  it('TASK lists tasks by note, with checkboxes shown but not editable', () => {
    const more = { 'Projects/Site.md': '- [ ] Write the copy\n- [x] Buy the domain\n' };
    expect(run('TASK FROM "Projects"', more)).toBe(
      '<div class="dataview dataview-tasks"><p class="dataview-group"><a href="/notes/projects/site/" class="wikilink">Site</a></p><ul class="contains-task-list">' +
        '<li class="task-list-item"><input type="checkbox" disabled> Write the copy</li><li class="task-list-item"><input type="checkbox" disabled checked> Buy the domain</li></ul></div>',
    );
    expect(run('TASK FROM "Projects" WHERE !completed', more)).toContain('Write the copy');
    // A task's links are links, labelled as written, and the query's edges.
    const linked = { 'Projects/Play.md': '- [ ] Finish [[Outer Wilds|the time-loop game]] before [[Minecraft]]' };
    expect(run('TASK FROM "Projects"', linked)).toContain(
      `<input type="checkbox" disabled> Finish <a href="/notes/games/outer-wilds/" class="wikilink" title="Outer Wilds">the time-loop game</a> before ${MC}</li>`,
    );
    expect(run('LIST FROM "Projects" WHERE contains(file.tasks.outlinks, [[Minecraft]])', linked)).toBe(list(a('projects/play', 'Play')));
    expect(run('TASK FROM "Projects" WHERE !completed', more)).not.toContain('Buy the domain');
  });

  it('an empty result says so', () => {
    expect(run('LIST FROM "Nowhere"')).toBe(NONE);
    expect(run('TABLE rating FROM "Games" WHERE rating > 10')).toBe(NONE);
    expect(run('TASK FROM "Games"')).toBe(NONE);
  });
});

describe('fields', () => {
  it('inline fields in their three forms are fields, typed like frontmatter', () => {
    const more = { 'Books/Dune.md': 'author:: Frank Herbert\nWritten in [year:: 1965], read (read:: 2021-08-07).\nseries:: [[Dune Messiah]], [[Children of Dune]]' };
    expect(run('TABLE author, year, read FROM "Books"', more)).toBe(table(['File', 'author', 'year', 'read'], [[a('books/dune', 'Dune'), 'Frank Herbert', '1965', day('2021-08-07')]]));
    expect(run('LIST FROM "Books" WHERE year < 1970 AND read > date(2020-01-01) AND length(series) = 2', more)).toBe(list(a('books/dune', 'Dune')));
  });

  it('the implicit file fields', () => {
    expect(run('TABLE file.name, file.folder, file.path, file.tags, file.inlinks, file.outlinks FROM #games/puzzle')).toBe(
      table(['File', 'file.name', 'file.folder', 'file.path', 'file.tags', 'file.inlinks', 'file.outlinks'], [[OW, 'Outer Wilds', 'Games', 'Games/Outer Wilds.md', '<ul><li>#games</li><li>#games/puzzle</li></ul>', `<ul><li>${DOTA}</li></ul>`, `<ul><li>${MC}</li></ul>`]]),
    );
    expect(run('TABLE file.ctime, file.mtime FROM #games/puzzle')).toBe(table(['File', 'file.ctime', 'file.mtime'], [[OW, day('2024-01-05'), day('2024-03-01')]]));
    const daily = { 'Daily/2024-08-07.md': '- [ ] call\n- [x] write', 'Daily/2024-08-10.md': 'Nothing.' };
    expect(run('TABLE file.day, length(file.tasks) AS "Tasks" FROM "Daily" WHERE file.day SORT file.day DESC', daily)).toBe(
      table(['File', 'file.day', 'Tasks'], [[a('daily/2024-08-10', '2024-08-10'), day('2024-08-10'), '0'], [a('daily/2024-08-07', '2024-08-07'), day('2024-08-07'), '2']]),
    );
  });

  it('claim status and grounding are fields, and the items a note challenges', () => {
    const claims = {
      'Claims/Warm drinks.md': '---\nclaim: A warm drink warms judgements.\ntags: [warmth]\n---\nsupports:: [[Williams 2008]]\nchallenges:: [[Lynott 2014]]',
      'Claims/Warm rooms.md': '---\nclaim: A warm room makes people generous.\ntags: [warmth]\n---\nsupports:: [[Williams 2008]]',
      'Studies/Lynott 2014.md': 'A replication.',
      'Studies/Williams 2008.md': 'The study.',
    };
    const warm = a('claims/warm-drinks', 'Warm drinks');
    expect(run('TABLE status, grounding FROM #warmth WHERE status = "contested"', claims)).toBe(table(['File', 'status', 'grounding'], [[warm, 'contested', 'inferred']]));
    expect(run('LIST claim FROM [[Lynott 2014]] WHERE contains(challenges, [[Lynott 2014]])', claims)).toBe(list(`${warm}: A warm drink warms judgements.`));
    expect(run('LIST FROM #warmth WHERE [[Warm rooms]].status = "supported" SORT file.name DESC LIMIT 1', claims)).toBe(list(a('claims/warm-rooms', 'Warm rooms')));
  });
});

describe('inline expressions and DataviewJS', () => {
  it('= this.field and = date(today) are evaluated', () => {
    const corpus = build({ 'Home.md': '---\nowner: Ada\n---\nOwner: `= this.owner`, on `= date(today)`, rated `= this.rating + 1`.' });
    expect(corpus.bodies.get('notes/home' as NodeId)!.html).toBe(
      `<p>Owner: <span class="dataview-inline">Ada</span>, on <span class="dataview-inline">${day('2026-12-02')}</span>, rated <span class="dataview-inline"></span>.</p>`,
    );
  });

  it('DataviewJS blocks and $= are never run: folded and labelled, with their source', () => {
    const corpus = build({ 'Home.md': '```dataviewjs\ndv.list(dv.pages("#x").file.link)\n```\n\nCount: `$= dv.pages().length`' });
    const html = corpus.bodies.get('notes/home' as NodeId)!.html;
    expect(html).toContain('<details class="dataview dataview-dynamic"><summary>Dynamic view: not available in the published site</summary><pre><code>dv.list(dv.pages(&#34;#x&#34;).file.link)</code></pre></details>');
    expect(html).toContain('<code class="dataview-dynamic" title="Dynamic view: not available in the published site">$= dv.pages().length</code>');
    expect(corpus.problems).toEqual([]);
  });
});

describe('what the site does not read', () => {
  it('shows the source labelled with the reason, warns with the file and line, and builds the rest', () => {
    const corpus = build({ ...GAMES, 'Home.md': 'Intro.\n\n```dataview\nLIST FROM "Games"\nWHERE regexmatch("a", file.name)\n```\n\n```dataview\nCALENDAR file.day\n```\n\nAfter: `= this.x +`' });
    const html = corpus.bodies.get('notes/home' as NodeId)!.html;
    expect(html).toContain('<figure class="dataview dataview-unsupported"><figcaption>Query not evaluated: the function regexmatch() is not supported</figcaption><pre><code>LIST FROM &#34;Games&#34;\nWHERE regexmatch(&#34;a&#34;, file.name)</code></pre></figure>');
    expect(html).toContain('Query not evaluated: CALENDAR views are not supported');
    expect(html).toContain('<code class="dataview-unsupported"');
    expect(corpus.problems.map((p) => [p.rule, p.file, p.line])).toEqual([
      ['dataview/unsupported', 'Home.md', 5],
      ['dataview/unsupported', 'Home.md', 9],
      ['dataview/unsupported', 'Home.md', 12],
    ]);
    expect(corpus.problems[0].message).toMatch(/regexmatch\(\) is not supported; the query is shown as written/);
    expect(corpus.bodies.size).toBe(4);
  });

  it('the parser names what it stops at, with its place in the query', () => {
    expect(() => parseQuery('TABLE x FROM "a" ORDER BY x')).toThrow(QueryError);
    try {
      parseQuery('LIST\nFROM "a"\nWHERE x >');
    } catch (e) {
      expect((e as QueryError).message).toBe('the query ends where a value was expected');
    }
  });
});

describe('what a result links to', () => {
  it('links in results are query edges, which are not evidence', () => {
    const corpus = build({ ...GAMES, 'Home.md': '---\nclaim: Games are good.\n---\n```dataview\nLIST FROM #games/puzzle\n```' });
    const edges = corpus.graph.outgoing.get('notes/home' as NodeId)!;
    expect(edges.map((e) => [e.target, e.type, e.stance])).toEqual([['notes/games/outer-wilds', 'query', undefined]]);
    const home = corpus.graph.nodes.get('notes/home' as NodeId)!;
    expect([home.status, home.grounding]).toEqual(['open', 'none']);
  });

  it('a cached body with a query is filled afresh: a note written since appears', () => {
    const entries = new Map<string, CachedBody>();
    const cache: RenderCache = { get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
    const home = { 'Home.md': '```dataview\nLIST FROM "Games"\n```' };
    const first = build({ ...home, 'Games/Dota 2.md': GAMES['Games/Dota 2.md'] }, cache);
    expect(first.bodies.get('notes/home' as NodeId)!.html).toBe(list(DOTA));
    const second = build({ ...home, ...GAMES }, cache);
    expect(second.timings.reused).toBeGreaterThan(0);
    expect(second.bodies.get('notes/home' as NodeId)!.html).toBe(list(DOTA, MC, OW));
  });

  it('a note embedding a note with a query says where its result is', () => {
    const corpus = build({ ...GAMES, 'Board.md': '```dataview\nLIST FROM "Games"\n```', 'Home.md': '![[Board]]' });
    const html = corpus.bodies.get('notes/home' as NodeId)!.html;
    expect(html).toContain('<div class="dataview-elsewhere">A query, shown on the page of the note that holds it</div>');
    expect(html).not.toContain('data-dataview');
  });
});

describe('the dashboard of the fixture vault', () => {
  it('evaluates every query of the dashboard, and warns about its calendar only', async () => {
    const corpus = await loadCorpus('tests/fixtures/dataview-vault', { now: NOW });
    const html = corpus.bodies.get('notes/home' as NodeId)!.html;
    expect(html).not.toContain('data-dataview');
    expect(html.match(/class="dataview /g)?.length).toBe(9);
    expect(html).toContain(table(['File', 'status', 'grounding'], [[a('claims/warm-drinks', 'Warm drinks'), 'contested', 'inferred']]));
    expect(corpus.problems.filter((p) => p.rule === 'dataview/unsupported').map((p) => [p.file, p.line])).toEqual([['Home.md', 65]]);
  });
});

describe('the benchmark corpus with queries', () => {
  it('evaluates every query the generator writes, each into its note', () => {
    const files = generateCorpus({ notes: 60, queries: 24 }).map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.content) }));
    const corpus = buildCorpus(files, [], { now: NOW });
    const holders = [...corpus.bodies.values()].filter((b) => b.dataviewViews);
    expect(holders.length).toBe(24);
    for (const body of holders) {
      expect(body.html).not.toContain('data-dataview');
      expect(body.html).toMatch(/class="dataview (dataview-list|dataview-table|dataview-empty)"/);
    }
    expect(corpus.problems.filter((p) => p.rule === 'dataview/unsupported')).toEqual([]);
    expect(corpus.timings.queryMs).toBeGreaterThan(0);
  });
});
