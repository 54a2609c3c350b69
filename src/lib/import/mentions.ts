/**
 * Mentions: exports cite a note by writing its question title inline, with no
 * markup. Two passes turn them into wiki links:
 *
 * 1. `embeddedQuestions` finds question titles embedded in a sentence, even
 *    when no export defines them (they become stub notes).
 * 2. `MentionLinker` links every occurrence of every known title (defined,
 *    listed, found in pass 1, or already in the output folder).
 *
 * The rule that tells an embedded title from an ordinary question sentence is
 * documented in docs/importer.md.
 */
import { titleKey, type TitleKey } from '../content/ids';

const INTERROGATIVES =
  'Does|Do|Did|Can|Could|How|Why|What|Is|Are|Was|Were|Which|Should|When|Where|Who|Whom|Whose|Will|Would|Has|Have|Had|May|Might|Must|Shall';
const INTERROGATIVE_START = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${INTERROGATIVES})(?=\\s)`, 'u');

/** Characters that end a clause: a question title never spans one. */
const CLAUSE_BREAK = /[?!;:()[\]“”"\n]/;
/** Boundaries after which a question starts a sentence of its own. */
const SENTENCE_START = /[.?!:;“”"\n]/;

export const MIN_TITLE_WORDS = 4;
const MAX_TITLE_LENGTH = 200;

export interface EmbeddedQuestion {
  title: string;
  start: number;
  end: number;
}

/** Index of the character that opens the clause ending at `q` (-1: the paragraph start). */
function clauseBoundary(text: string, q: number): number {
  for (let i = q - 1; i >= 0; i--) {
    const c = text[i];
    if (CLAUSE_BREAK.test(c)) return i;
    if (c === '.' && /\s/.test(text[i + 1] ?? '')) return i;
  }
  return -1;
}

/**
 * Question titles embedded in a paragraph. A candidate runs from a capitalised
 * interrogative word to the next "?" within one clause and has at least
 * MIN_TITLE_WORDS words. It is a title when the sentence goes on after it
 * ("?," "?." "?)" "?;" or a lower-case word), or when it sits mid-sentence
 * (after a word, a comma or "(") and is followed by anything. A question that
 * starts its sentence and is followed by a new sentence, the end of the
 * paragraph, a quote or a bracket is an ordinary question.
 */
export function embeddedQuestions(text: string): EmbeddedQuestion[] {
  const found: EmbeddedQuestion[] = [];
  for (let q = text.indexOf('?'); q >= 0; q = text.indexOf('?', q + 1)) {
    const b = clauseBoundary(text, q);
    const clause = text.slice(b + 1, q + 1);
    const m = INTERROGATIVE_START.exec(clause);
    if (!m) continue;
    const title = clause.slice(m.index);
    if (title.split(/\s+/).length < MIN_TITLE_WORDS || title.length > MAX_TITLE_LENGTH) continue;
    const lead = clause.slice(0, m.index);
    const sentenceInitial = lead.trim() === '' && (b < 0 || SENTENCE_START.test(text[b]));
    const after = text.slice(q + 1);
    let isTitle: boolean;
    if (/^[,.;)\]]/.test(after)) isTitle = true;
    else if (/^\s+\p{Ll}/u.test(after)) isTitle = true;
    else if (/^["”’'»]/.test(after)) isTitle = false;
    else isTitle = !sentenceInitial;
    if (isTitle) found.push({ title: title.replace(/\s+/g, ' '), start: b + 1 + m.index, end: q + 1 });
  }
  return found;
}

const QUOTE_CLASS = `["'\`\u00B4\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033\u00AB\u00BB]`;
const DASH_CLASS = `[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]`;

/** A pattern matching a title in running text the way titleKey would fold it. */
function titlePattern(title: string): string {
  let out = '';
  for (const ch of title.trim()) {
    if (/\s/.test(ch)) out += '\\s+';
    else if (new RegExp(QUOTE_CLASS).test(ch)) out += `${QUOTE_CLASS}?`;
    else if (new RegExp(DASH_CLASS).test(ch)) out += `\\s*${DASH_CLASS}\\s*`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  out = out.replace(/(?:\\s\+)+/g, '\\s+');
  const last = title.trim().slice(-1);
  return `(?<![\\p{L}\\p{N}])${out}${/[\p{L}\p{N}]/u.test(last) ? '(?![\\p{L}\\p{N}])' : ''}`;
}

/** Links every known title mentioned in a paragraph as `[[Title]]`. */
export class MentionLinker {
  private readonly byKey = new Map<TitleKey, string>();
  private readonly re: RegExp | null;

  /** Titles shorter than three words are too likely to be ordinary phrases to link inline. */
  constructor(titles: Iterable<string>) {
    for (const t of titles) {
      const key = titleKey(t);
      if (t.trim().split(/\s+/).length >= 3 && !this.byKey.has(key)) this.byKey.set(key, t.trim());
    }
    const sorted = [...this.byKey.values()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.re = sorted.length ? new RegExp(sorted.map(titlePattern).join('|'), 'giu') : null;
  }

  /** The paragraph with mentions linked, and the titles linked (in order, repeats kept). */
  link(text: string, self?: string): { text: string; linked: string[] } {
    const linked: string[] = [];
    if (!this.re) return { text, linked };
    const selfKey = self === undefined ? undefined : titleKey(self);
    const parts = text.split(/(\[\[[^\]]*\]\]|`[^`]*`)/);
    const out = parts.map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(this.re!, (match) => {
        const key = titleKey(match);
        const canonical = this.byKey.get(key);
        if (!canonical || key === selfKey) return match;
        linked.push(canonical);
        return `[[${canonical}]]`;
      });
    });
    return { text: out.join(''), linked };
  }
}
