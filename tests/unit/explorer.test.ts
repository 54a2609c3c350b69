import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import type { NodeId } from '../../src/lib/content/ids';
import { BRANCH_NOTES, explorerFileContents, explorerView, type ExplorerItem, type ExplorerView } from '../../src/lib/site/explorer';
import { corpusOf, md } from '../helpers/corpus';

const id = (s: string) => s as NodeId;
const labels = (view: ExplorerView | undefined) => view?.entries.map((e) => e.label);
const entry = (view: ExplorerView | undefined, label: string): ExplorerItem => view!.entries.find((e) => e.label === label)!;

describe('the explorer of a vault', () => {
  const big = Object.fromEntries(Array.from({ length: BRANCH_NOTES + 10 }, (_, i) => [`Big/Note ${String(i).padStart(2, '0')}.md`, 'Text.']));
  const corpus = corpusOf({
    'Deep Work/Plan.md': 'A plan.',
    'Deep Work/Sub Folder/Step.md': 'A step.',
    'Deep Work/Sub Folder.md': 'The folder’s own note.',
    'Top.md': 'At the top.',
    ...big,
  });

  it('shows the top folders, then the notes outside any folder, every folder closed on a page outside them', () => {
    const view = explorerView(corpus, { item: id('notes/top') });
    expect(labels(view)).toEqual(['Big', 'Deep Work', 'Top']);
    expect(entry(view, 'Deep Work')).toMatchObject({ path: '/notes/deep-work/', branch: 'folders/deep-work', count: 3, folder: true });
    expect(entry(view, 'Deep Work').open).toBeUndefined();
    expect(entry(view, 'Top').current).toBe(true);
  });

  it('opens the folders down to a note with only the row that leads on, and marks the note; their other rows are left to their files', () => {
    const view = explorerView(corpus, { item: id('notes/deep-work/sub-folder/step') });
    expect(view?.partial).toBeUndefined();
    const deep = entry(view, 'Deep Work').open;
    expect(deep).toMatchObject({ partial: true, more: 1 });
    expect(labels(deep)).toEqual(['Sub Folder']);
    const sub = entry(deep, 'Sub Folder').open;
    expect(sub).toEqual({ entries: [{ label: 'Step', path: '/notes/deep-work/sub-folder/step/', current: true }], partial: true });
    expect(entry(view, 'Big').open).toBeUndefined();
  });

  it('lets a folder’s own note stand in the folder’s row, opening the folder on that note’s page', () => {
    const view = explorerView(corpus, { item: id('notes/deep-work/sub-folder') });
    const row = entry(entry(view, 'Deep Work').open, 'Sub Folder');
    expect(row).toMatchObject({ path: '/notes/deep-work/sub-folder/', current: true, branch: 'folders/deep-work/sub-folder' });
    expect(row.open).toBeDefined();
    // The row leads to a note, which has a preview: it is not marked as a folder's page.
    expect(row.folder).toBeUndefined();
  });

  it('lists a folder’s first notes and says how many more; on a page, the page’s own note stands wherever it is', () => {
    const last = `Note ${BRANCH_NOTES + 9}`;
    const big = entry(explorerView(corpus, { item: id(`notes/big/note-${BRANCH_NOTES + 9}`) }), 'Big').open!;
    expect(big.entries).toEqual([{ label: last, path: `/notes/big/note-${BRANCH_NOTES + 9}/`, current: true }]);
    expect(big.more).toBe(BRANCH_NOTES + 9);
    const file = JSON.parse(explorerFileContents(corpus).get('/explorer/folders/big.json')!);
    expect(file.entries).toHaveLength(BRANCH_NOTES);
    expect(file.more).toBe(10);
  });

  it('marks a folder’s page and opens it', () => {
    const view = explorerView(corpus, { folder: 'deep-work' });
    expect(entry(view, 'Deep Work')).toMatchObject({ current: true });
    expect(entry(view, 'Deep Work').open).toEqual({ entries: [], partial: true, more: 2 });
  });

  it('writes one file per folder with its entries, which no page carries closed', () => {
    const files = explorerFileContents(corpus);
    expect([...files.keys()].sort()).toEqual(['/explorer/folders/big.json', '/explorer/folders/deep-work.json', '/explorer/folders/deep-work/sub-folder.json']);
    expect(JSON.parse(files.get('/explorer/folders/deep-work.json')!)).toEqual({
      entries: [
        { label: 'Sub Folder', path: '/notes/deep-work/sub-folder/', branch: 'folders/deep-work/sub-folder', count: 1 },
        { label: 'Plan', path: '/notes/deep-work/plan/' },
      ],
    });
    expect(JSON.parse(files.get('/explorer/folders/big.json')!).more).toBe(10);
  });

  it('is absent from a collection with neither folders nor a hierarchy', () => {
    const research = corpusOf({ 'notes/a.md': md('title: A'), 'Loose.md': 'Text.' });
    expect(explorerView(research, undefined)).toBeUndefined();
    expect(explorerFileContents(research).size).toBe(0);
  });
});

describe('the explorer of a Dendron vault', async () => {
  const corpus = await loadCorpus('tests/fixtures/dendron-vault');

  it('puts the root note’s children at the top and opens the dotted names above a note', () => {
    const view = explorerView(corpus, { item: id('notes/python.fixtures.scope') });
    expect(labels(view)).toEqual(['Lang', 'Python', 'README']);
    const python = entry(view, 'Python');
    expect(python).toMatchObject({ branch: 'notes/python', count: 1 });
    expect(labels(python.open)).toEqual(['Fixtures']);
    expect(entry(python.open, 'Fixtures').open?.entries).toEqual([{ label: 'Scope', path: '/notes/python.fixtures.scope/', current: true }]);
    expect(entry(view, 'Lang').open).toBeUndefined();
  });

  it('writes a file for each note with children', () => {
    expect([...explorerFileContents(corpus).keys()].sort()).toEqual(['/explorer/notes/lang.json', '/explorer/notes/python.fixtures.json', '/explorer/notes/python.json']);
  });
});
