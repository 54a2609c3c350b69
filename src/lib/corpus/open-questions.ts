/**
 * The questions an item leaves open: a block or a heading that starts "Open
 * question:" (or "Open questions:"), and every block under a heading named "Open
 * question(s)", "Unanswered" or "Unanswered questions". A block "Open
 * questions:" with nothing after it opens a list: the blocks after it that
 * end in "?" are its questions.
 */
import { headingKey } from '../content/stance';
import type { RenderedBody } from '../markdown';
import { sentencesOf } from '../markdown/sentences';
import { bodyBlocks } from './blocks';

const LEAD = /^open questions?\s*:\s*/i;
const HEADINGS = new Set(['open question', 'open questions', 'unanswered', 'unanswered questions', 'unanswered question']);
/** A question longer than this is cut at a word: the gaps view lists every one. */
const MAX_CHARS = 300;

const cut = (s: string) => (s.length <= MAX_CHARS ? s : `${s.slice(0, s.lastIndexOf(' ', MAX_CHARS))}…`);

/** The question itself: the first sentence when it asks one, else the whole text. */
function questionOf(text: string): string {
  const first = sentencesOf(text)[0] ?? text;
  return cut(first.endsWith('?') ? first : text.trim());
}

export function openQuestions(body: RenderedBody): string[] {
  const found: string[] = [];
  let listing = false;
  for (const block of bodyBlocks(body)) {
    if (block.heading) {
      listing = false;
      // "### Open question: does typed input skip the staging tier?" is a question of its own.
      const lead = LEAD.exec(block.text);
      if (lead && block.text.slice(lead[0].length).trim()) found.push(questionOf(block.text.slice(lead[0].length)));
      continue;
    }
    if (block.section.some((h) => HEADINGS.has(headingKey(h.text)))) {
      found.push(questionOf(block.text.replace(LEAD, '')));
      continue;
    }
    const lead = LEAD.exec(block.text);
    if (lead) {
      const rest = block.text.slice(lead[0].length).trim();
      listing = !rest;
      if (rest) found.push(questionOf(rest));
      continue;
    }
    if (listing && block.text.trim().endsWith('?')) found.push(cut(block.text.trim()));
    else listing = false;
  }
  return [...new Set(found)];
}
