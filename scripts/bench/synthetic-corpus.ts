/**
 * A deterministic synthetic corpus of notes, papers and inquiry lines, for
 * benchmarks. Same options → byte-identical files; nothing here reads the
 * clock, the environment or the file system.
 *
 * Shape (per 1,000 notes): 300 papers and 150 lines, the proportions of the
 * real collection. Words come from a generated lexicon of pseudo-words drawn
 * with a Zipf (1/rank) distribution, so term statistics (and so index sizes
 * and query costs) behave like natural text rather than a repeated word list.
 */
import { stringify } from 'yaml';
import { KIND_FOLDER, slugify, titleKey, type Kind } from '../../src/lib/content/ids';
import { mulberry32 } from '../../src/lib/graph/random';

/** Papers and lines generated per note. */
export const PAPERS_PER_NOTE = 0.3;
export const LINES_PER_NOTE = 0.15;
/** Wiki links in a note body: at least / at most. */
export const MIN_LINKS = 5;
export const MAX_LINKS = 15;
/** Share of note links that point at a title with no file (a stub). */
export const STUB_LINK_SHARE = 0.07;
/** Share of note links that point at a paper rather than a note. */
export const PAPER_LINK_SHARE = 0.12;
/** Share of papers that carry full text. */
export const FULL_TEXT_SHARE = 0.3;
export const LEXICON_SIZE = 8000;
/** Share of notes that also carry Chinese text (a paragraph per section), so search meets runs without spaces. */
export const CJK_SHARE = 0.05;
/** Chinese words (two characters each) the Chinese paragraphs draw from, Zipf-distributed as the others. */
export const CJK_LEXICON_SIZE = 600;
/** Common Han characters the Chinese words are made of. */
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';

/** `size` distinct two-character words from `HAN`. */
function makeCjkLexicon(rng: Random, size: number): string[] {
  const seen = new Set<string>();
  while (seen.size < size) seen.add(rng.pick([...HAN]) + rng.pick([...HAN]));
  return [...seen];
}
export const DEFAULT_SEED = 1;

export interface CorpusOptions {
  notes: number;
  seed?: number;
  /**
   * Dataview queries to add, one to each of this many notes spread over the corpus (none by default). They
   * draw on their own random stream, so the rest of every file is the same with or without them.
   */
  queries?: number;
}

export interface CorpusFile {
  /** Relative path with `/` separators, e.g. `notes/does-x.md`. */
  path: string;
  kind: Kind;
  title: string;
  content: string;
}

export function corpusCounts(notes: number) {
  return { notes, papers: Math.round(notes * PAPERS_PER_NOTE), lines: Math.round(notes * LINES_PER_NOTE) };
}

export { mulberry32 } from '../../src/lib/graph/random';

export class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const FUNCTION_WORDS = ['the', 'of', 'and', 'in', 'to', 'a', 'for', 'with', 'on', 'by'];
/** English words the templates use; the lexicon avoids them so word counts stay clean. */
const RESERVED = new Set([...FUNCTION_WORDS, 'does', 'how', 'why', 'can', 'when', 'what', 'where', 'than', 'more', 'see', 'make', 'take', 'should', 'weigh', 'against', 'under', 'towards', 'improves', 'affect', 'outweigh', 'expected', 'break', 'down', 'would', 'it']);
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'qu', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'cl', 'dr', 'fl', 'gr', 'pl', 'pr', 'sh', 'sk', 'st', 'th', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'rt', 'st', 'x', 'ck', 'th'];

/** `size` distinct pseudo-words, shorter words more likely (frequent words are short in real text). */
export function makeLexicon(rng: Random, size: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < size) {
    const syllables = rng.next() < 0.25 ? 1 : rng.next() < 0.65 ? 2 : 3;
    let w = '';
    for (let i = 0; i < syllables; i++) w += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
    if (w.length < 3 || seen.has(w) || RESERVED.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  // Zipf's law of abbreviation: the most frequent ranks get the shortest words.
  return words.map((w, i) => [w, i] as const).sort((a, b) => a[0].length - b[0].length || a[1] - b[1]).map(([w]) => w);
}

/** Draws indices 0..n-1 with P(rank r) ∝ 1 / (r+1)^exponent. */
export class Zipf {
  private readonly cumulative: Float64Array;
  constructor(
    private readonly rng: Random,
    n: number,
    exponent = 1,
  ) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) this.cumulative[r] = sum += 1 / Math.pow(r + 1, exponent);
    for (let r = 0; r < n; r++) this.cumulative[r] /= sum;
  }
  index(): number {
    const u = this.rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const capWords = (s: string) => s.split(' ').map((w) => (w.length > 3 || /^[a-z]/.test(w) === false ? cap(w) : w)).join(' ');

const NOTE_HEADINGS = ['Evidence', 'Mechanism', 'Counterpoints', 'Open questions', 'Context', 'Implications', 'Method notes'];
const PAPER_SECTIONS = ['Introduction', 'Related work', 'Method', 'Experimental setup', 'Results', 'Analysis', 'Limitations', 'Conclusion'];
const NOTE_TEMPLATES = [
  (a: string, b: string, v: string) => `Does ${a} ${v} ${b}?`,
  (a: string, b: string, v: string) => `Why does ${a} ${v} ${b}?`,
  (a: string, b: string) => `How does ${a} affect ${b}?`,
  (a: string, b: string, v: string) => `Can ${a} ${v} ${b}?`,
  (a: string, b: string) => `Is ${a} more ${b} than expected?`,
  (a: string, b: string) => `When does ${a} outweigh ${b}?`,
];
const LINE_TEMPLATES = [
  (a: string, b: string) => `What would it take to make ${a} ${b}?`,
  (a: string, b: string) => `How should we weigh ${a} against ${b}?`,
  (a: string, b: string) => `Where does ${a} break down for ${b}?`,
];
const PAPER_TEMPLATES = [
  (a: string, b: string, c: string) => `${a}: ${b} for ${c}`,
  (a: string, b: string, c: string) => `${a} with ${b} improves ${c}`,
  (a: string, b: string, c: string) => `Towards ${a} in ${b} and ${c}`,
  (a: string, b: string, c: string) => `On the ${a} of ${b} under ${c}`,
];

interface NotePlan {
  title: string;
  claim: string;
  summary: string;
  tags: string[];
  papers: number[];
  lines: number[];
}
interface PaperPlan {
  title: string;
  fullText: boolean;
}
interface LinePlan {
  title: string;
  sources: number[];
  next: number[];
}

/**
 * The generator. Call `files()` once; it yields notes, then papers, then lines,
 * each file built on demand so a 50,000-note corpus never sits in memory whole.
 */
export class SyntheticCorpus {
  readonly seed: number;
  readonly counts: ReturnType<typeof corpusCounts>;
  readonly lexicon: string[];
  private readonly rng: Random;
  private readonly zipf: Zipf;
  private readonly cjkLexicon: string[];
  private readonly cjkZipf: Zipf;
  /** Popularity order for note link targets: a few hubs, a long tail. */
  private readonly noteZipf: Zipf;
  private readonly notePopularity: number[];
  private readonly usedKeys = new Set<string>();
  private readonly usedSlugs = new Set<string>();
  private readonly tags: string[];
  private readonly tagZipf: Zipf;
  private readonly authors: string[];
  private readonly venues: string[];
  readonly notes: NotePlan[] = [];
  readonly papers: PaperPlan[] = [];
  readonly lines: LinePlan[] = [];
  readonly stubTitles: string[] = [];
  private readonly queries: number;
  private readonly queryRng: Random;

  constructor(options: CorpusOptions) {
    if (!Number.isInteger(options.notes) || options.notes < 2) throw new Error(`notes must be a whole number ≥ 2, got ${options.notes}`);
    this.seed = options.seed ?? DEFAULT_SEED;
    this.counts = corpusCounts(options.notes);
    this.rng = new Random(this.seed);
    this.lexicon = makeLexicon(this.rng, LEXICON_SIZE);
    this.zipf = new Zipf(this.rng, this.lexicon.length, 1);
    this.cjkLexicon = makeCjkLexicon(this.rng, CJK_LEXICON_SIZE);
    this.cjkZipf = new Zipf(this.rng, this.cjkLexicon.length, 1);
    this.noteZipf = new Zipf(this.rng, options.notes, 0.8);
    this.notePopularity = this.shuffled(options.notes);
    this.tags = this.uniqueWords(40 + Math.ceil(options.notes / 50), 1);
    this.tagZipf = new Zipf(this.rng, this.tags.length, 1);
    this.authors = this.uniqueWords(Math.max(20, Math.ceil(options.notes / 2)), 2).map((n) => n.split(' ').map(cap).join(' '));
    this.venues = this.uniqueWords(15, 2).map((v) => `Proceedings of ${capWords(v)}`).concat(['arXiv preprint']);
    this.plan();
    this.queries = Math.min(options.queries ?? 0, options.notes);
    if (!Number.isInteger(this.queries) || this.queries < 0) throw new Error(`queries must be a whole number ≥ 0, got ${options.queries}`);
    this.queryRng = new Random(this.seed + 7919);
  }

  /** Whether note `i` carries a query: `queries` of the notes, evenly spread. */
  private hasQuery(i: number): boolean {
    return this.queries > 0 && Math.floor(((i + 1) * this.queries) / this.counts.notes) > Math.floor((i * this.queries) / this.counts.notes);
  }

  /** A Dataview query of one of the shapes dashboards use, over this corpus's tags, folders and notes. */
  query(): string {
    const r = this.queryRng;
    const tag = () => this.tags[r.int(0, Math.min(this.tags.length, 30) - 1)];
    const note = () => this.notes[r.int(0, this.notes.length - 1)].title;
    const t = tag();
    switch (r.int(0, 5)) {
      case 0:
        return `TABLE status, grounding FROM #${t} WHERE status = "contested"`;
      case 1:
        return `LIST FROM #${t} SORT file.name ASC LIMIT 10`;
      case 2:
        return `TABLE claim AS "Claim" FROM "notes" WHERE contains(file.tags, "#${t}") SORT file.name DESC LIMIT 20`;
      case 3:
        return `LIST FROM [[${note()}]]`;
      case 4:
        return `TABLE length(file.inlinks) AS "Links" FROM #${t} AND -#${tag()} SORT length(file.inlinks) DESC, file.name LIMIT 10`;
      default:
        return `TABLE rows.file.link AS "Notes" FROM #${t} GROUP BY status`;
    }
  }

  // ---- words -------------------------------------------------------------

  word(): string {
    return this.lexicon[this.zipf.index()];
  }
  phrase(min: number, max: number): string {
    const n = this.rng.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    return out.join(' ');
  }
  sentence(min = 8, max = 18): string {
    const n = this.rng.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(i > 0 && i < n - 1 && this.rng.chance(0.18) ? this.rng.pick(FUNCTION_WORDS) : this.word());
    return cap(out.join(' ')) + '.';
  }
  /** A Chinese sentence: words run together, no spaces, a full stop of its own. */
  cjkSentence(min = 8, max = 20): string {
    const n = this.rng.int(min, max);
    let out = '';
    for (let i = 0; i < n; i++) out += this.cjkLexicon[this.cjkZipf.index()];
    return out + '。';
  }
  private uniqueWords(count: number, perItem: number): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (let guard = 0; out.length < count && guard < count * 100; guard++) {
      const w = this.phrase(perItem, perItem);
      if (!seen.has(w)) seen.add(w), out.push(w);
    }
    return out;
  }
  private shuffled(n: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.rng.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** A title that is unique across the whole corpus (by title key) and by slug. */
  private uniqueTitle(make: () => string): string {
    for (;;) {
      const title = make();
      const key = titleKey(title);
      const slug = slugify(title);
      if (this.usedKeys.has(key) || this.usedSlugs.has(slug)) continue;
      this.usedKeys.add(key);
      this.usedSlugs.add(slug);
      return title;
    }
  }
  private distinct(count: number, draw: () => number, exclude = -1): number[] {
    const out: number[] = [];
    for (let guard = 0; out.length < count && guard < count * 50; guard++) {
      const i = draw();
      if (i !== exclude && !out.includes(i)) out.push(i);
    }
    return out;
  }
  private popularNote(): number {
    return this.rng.chance(0.5) ? this.notePopularity[this.noteZipf.index()] : this.rng.int(0, this.counts.notes - 1);
  }

  // ---- plan: titles and relations ------------------------------------------

  private plan() {
    const { notes, papers, lines } = this.counts;
    for (let i = 0; i < notes; i++) {
      const title = this.uniqueTitle(() => this.rng.pick(NOTE_TEMPLATES)(this.phrase(1, 3), this.phrase(1, 3), this.word()));
      this.notes.push({
        title,
        claim: this.sentence(8, 16),
        summary: this.sentence(12, 24),
        tags: [...new Set(Array.from({ length: this.rng.int(1, 4) }, () => this.tags[this.tagZipf.index()]))],
        papers: [],
        lines: [],
      });
    }
    for (let i = 0; i < papers; i++) {
      const title = this.uniqueTitle(() => capWords(this.rng.pick(PAPER_TEMPLATES)(this.phrase(1, 3), this.phrase(1, 3), this.phrase(1, 3))));
      this.papers.push({ title, fullText: this.rng.chance(FULL_TEXT_SHARE) });
    }
    for (let i = 0; i < lines; i++) {
      const title = this.uniqueTitle(() => this.rng.pick(LINE_TEMPLATES)(this.phrase(1, 3), this.phrase(1, 3)));
      const sources = this.distinct(this.rng.int(3, 10), () => this.popularNote());
      this.lines.push({ title, sources, next: [] });
      for (const s of sources) this.notes[s].lines.push(i);
    }
    this.lines.forEach((line, i) => (line.next = this.distinct(this.rng.int(0, 3), () => this.rng.int(0, lines - 1), i)));
    if (papers > 0) for (const note of this.notes) note.papers = this.distinct(this.rng.int(0, 5), () => this.rng.int(0, papers - 1));
    const stubs = Math.max(5, Math.ceil(notes * 0.05));
    for (let i = 0; i < stubs; i++) this.stubTitles.push(this.uniqueTitle(() => this.rng.pick(NOTE_TEMPLATES)(this.phrase(1, 3), this.phrase(1, 3), this.word())));
    // Stub titles must never reach a file, but they may not collide with real ones either: uniqueTitle saw to that.
  }

  // ---- files ---------------------------------------------------------------

  *files(): Generator<CorpusFile> {
    for (let i = 0; i < this.notes.length; i++) yield this.noteFile(i);
    for (let i = 0; i < this.papers.length; i++) yield this.paperFile(i);
    for (let i = 0; i < this.lines.length; i++) yield this.lineFile(i);
  }

  private file(kind: Kind, title: string, data: Record<string, unknown>, body: string): CorpusFile {
    const content = `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
    return { path: `${KIND_FOLDER[kind]}/${slugify(title)}.md`, kind, title, content };
  }

  private paragraph(sentences: number, links: string[] = []): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(this.sentence());
    for (const link of links) {
      const at = this.rng.int(0, parts.length - 1);
      parts[at] = parts[at].replace(/\.$/, '') + ` (see [[${link}]]).`;
    }
    return parts.join(' ');
  }

  /** Link targets for a note: mostly notes, some papers, ~7% stubs; distinct, never itself. */
  private noteLinks(self: number): string[] {
    const want = this.rng.int(MIN_LINKS, MAX_LINKS);
    const out = new Set<string>();
    for (let guard = 0; out.size < want && guard < want * 50; guard++) {
      const u = this.rng.next();
      if (u < STUB_LINK_SHARE) out.add(this.rng.pick(this.stubTitles));
      else if (u < STUB_LINK_SHARE + PAPER_LINK_SHARE && this.papers.length > 0) out.add(this.rng.pick(this.papers).title);
      else {
        const n = this.popularNote();
        if (n !== self) out.add(this.notes[n].title);
      }
    }
    return [...out];
  }

  private noteFile(i: number): CorpusFile {
    const note = this.notes[i];
    const links = this.noteLinks(i);
    const sections = this.rng.int(2, 4);
    const headings = this.distinct(sections, () => this.rng.int(0, NOTE_HEADINGS.length - 1)).map((h) => NOTE_HEADINGS[h]);
    const body: string[] = [this.paragraph(this.rng.int(2, 4))];
    const chinese = this.rng.chance(CJK_SHARE);
    // A third of the claims are compound ("A while B"); the first two sections each open by restating one part.
    const parts = compoundParts(note.claim, i);
    headings.forEach((heading, s) => {
      const share = links.filter((_, k) => k % headings.length === s);
      const lead = parts?.[s] ? `${capitalise(parts[s])}. ` : '';
      // A heading names its section's subject, as real notes' headings do.
      body.push(`## ${heading} on ${this.phrase(1, 2)}`, lead + this.paragraph(this.rng.int(3, 6), share));
      if (chinese) body.push(Array.from({ length: this.rng.int(2, 4) }, () => this.cjkSentence()).join(''));
    });
    if (i % 4 === 1) body.push(`Open question: does ${note.claim.replace(/\.$/, '').split(' ').slice(0, 6).join(' ')} hold at scale?`);
    // Plain mentions: a related paper's title and a tag named in running text, without link syntax.
    if (note.papers.length > 0) body.push(`The closest reading is ${this.papers[note.papers[0]].title}, which frames ${this.phrase(2, 4)} differently.`);
    body.push(`Keywords: ${note.tags.join(', ')}.`);
    if (this.hasQuery(i)) body.push('## Related by query', '```dataview\n' + this.query() + '\n```');
    return this.file(
      'note',
      note.title,
      {
        title: note.title,
        claim: parts ? parts.join(' while ') : note.claim,
        summary: note.summary,
        tags: note.tags,
        papers: note.papers.map((p) => this.papers[p].title),
        lines: note.lines.map((l) => this.lines[l].title),
      },
      body.join('\n\n'),
    );
  }

  private figure(): string {
    switch (this.rng.int(0, 4)) {
      case 0:
        return `${this.rng.int(1, 25)}.${this.rng.int(0, 9)} percentage points`;
      case 1:
        return `${this.rng.int(1, 99)}.${this.rng.int(0, 9)}%`;
      case 2:
        return `p < 0.${'0'.repeat(this.rng.int(1, 2))}1`;
      case 3:
        return `n = ${this.rng.int(1, 40)},${String(this.rng.int(0, 999)).padStart(3, '0')}`;
      default:
        return `${this.rng.int(1, 9)}.${this.rng.int(0, 99)}× faster`;
    }
  }

  private paperFile(i: number): CorpusFile {
    const paper = this.papers[i];
    const citations = Math.floor(2000 / (1 + this.rng.int(0, 400)) + this.rng.int(0, 5));
    const body: string[] = [];
    if (paper.fullText) {
      for (const section of PAPER_SECTIONS) {
        body.push(`## ${section}`);
        for (let p = this.rng.int(3, 6); p > 0; p--) {
          const text = this.paragraph(this.rng.int(4, 8));
          body.push(this.rng.chance(0.6) ? text.replace(/\.$/, `, a change of ${this.figure()} (${this.figure()}).`) : text);
        }
      }
    } else {
      body.push(this.paragraph(this.rng.int(2, 4)));
    }
    const similar = this.distinct(this.rng.int(0, 4), () => this.rng.int(0, this.papers.length - 1), i).map((p) => this.papers[p].title);
    return this.file(
      'paper',
      paper.title,
      {
        title: paper.title,
        authors: this.distinct(this.rng.int(1, 6), () => this.rng.int(0, this.authors.length - 1)).map((a) => this.authors[a]),
        date: `${this.rng.int(2012, 2025)}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`,
        venue: this.rng.pick(this.venues),
        citations,
        influential: Math.floor(citations * this.rng.next() * 0.1),
        summary: this.sentence(12, 24),
        abstract: this.paragraph(this.rng.int(4, 7)),
        problem: Array.from({ length: this.rng.int(1, 3) }, () => this.sentence(8, 14)),
        innovation: Array.from({ length: this.rng.int(1, 3) }, () => this.sentence(8, 14)),
        similar,
      },
      body.join('\n\n'),
    );
  }

  private lineFile(i: number): CorpusFile {
    const line = this.lines[i];
    const sources = line.sources.map((s) => ({ title: this.notes[s].title, summary: this.sentence(8, 16) }));
    const body = [this.paragraph(this.rng.int(2, 3)), ...sources.map((s) => `[[${s.title}]]: ${s.summary} ${this.sentence()}`)];
    if (line.next.length > 0) body.push('## Next', ...line.next.map((n) => `- ${this.lines[n].title}`));
    return this.file('line', line.title, { title: line.title, summary: this.sentence(12, 24), sources, next: line.next.map((n) => this.lines[n].title) }, body.join('\n\n'));
  }
}

/** All files of a corpus, in generation order. Prefer `new SyntheticCorpus(o).files()` for big corpora. */
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every third claim cut in two at its middle word, to be written "A while B"; the others stay simple. */
function compoundParts(claim: string, index: number): [string, string] | undefined {
  const words = claim.replace(/\.$/, '').split(' ');
  if (index % 3 !== 0 || words.length < 8) return undefined;
  const half = Math.floor(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  return [...new SyntheticCorpus(options).files()];
}
