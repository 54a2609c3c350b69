/** What a wiki link's text names: its target, heading or block, and the label a reader sees. */
import { isImagePath } from '../content/vault';
import type { WikiLink } from './types';

/**
 * Splits `Title#Heading` into its parts; an empty heading is no heading.
 * `Title#A#B` names the subheading B (as Obsidian writes it); `Title#^id` a block.
 *
 * @example
 * splitTarget('Note#Results') // { target: 'Note', heading: 'Results' }
 * splitTarget('Note#Method#Data') // { target: 'Note', heading: 'Data' }
 * splitTarget('Note#^key-figure') // { target: 'Note', block: 'key-figure' }
 * splitTarget('#Results') // { target: '', heading: 'Results' }
 */
export function splitTarget(raw: string): { target: string; heading?: string; block?: string } {
  const hash = raw.indexOf('#');
  if (hash < 0) return { target: raw.trim() };
  const heading = raw.slice(raw.lastIndexOf('#') + 1).trim();
  const target = raw.slice(0, hash).trim();
  if (heading.startsWith('^') && heading.length > 1) return { target, block: heading.slice(1) };
  return { target, heading: heading || undefined };
}

/** The text a reader sees for a wiki link: its alias, else its target and part. */
export function linkLabel(node: WikiLink): string {
  if (node.data.alias && node.data.alias !== node.value) return node.data.alias;
  const { target, heading, block } = splitTarget(node.value);
  // A link into the same page ([[#Heading]], [[#^block]]) is labelled by the heading or block alone.
  const part = heading ?? (block ? `^${block}` : undefined);
  if (!part) return target;
  return target ? `${target} › ${part}` : part;
}

/**
 * The text of an image embed shown as a link (the image is missing): its alt
 * text without Obsidian's size (`|381`, `|300x200`), else the image's file
 * name; never the size alone. Any other link keeps its label.
 *
 * @example
 * shownLabel('missing.png', '381') // 'missing.png'
 * shownLabel('img/plot.png', 'A plot|300') // 'A plot'
 */
export function shownLabel(target: string, label: string): string {
  if (!isImagePath(target)) return label;
  const alt = label === target ? '' : label.replace(/(?:^|\|)\s*\d+(?:x\d+)?\s*$/, '').trim();
  return alt || target.slice(target.lastIndexOf('/') + 1);
}
