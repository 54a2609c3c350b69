/**
 * Task list items (`- [ ] to do`, `- [x] done`), collected for Dataview's
 * `TASK` queries and `file.tasks`: each with its text as a reader sees it, the
 * wiki links in it, and its line. The list itself renders as GFM renders it.
 *
 * Reads `file.data.lineOffset`; writes `file.data.tasks`.
 */
import type { Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { inlineText } from '../sentences';
import { splitTarget } from '../targets';
import type { BodyTask } from '../types';

declare module 'vfile' {
  interface DataMap {
    tasks: BodyTask[];
  }
}

export const remarkTasks: Plugin<[], MdRoot> = () => (tree, file) => {
  const offset = file.data.lineOffset ?? 0;
  const tasks: BodyTask[] = [];
  visit(tree, 'listItem', (item) => {
    if (typeof item.checked !== 'boolean') return;
    const first = item.children[0];
    const line = (item.position?.start.line ?? 1) + offset;
    if (!first || !('children' in first)) return void tasks.push({ text: '', completed: item.checked, line });
    const read = inlineText(first);
    const text = read.text.trim();
    const lead = read.text.length - read.text.trimStart().length;
    const links = [...read.spans]
      .filter(([node]) => !node.data.embed && splitTarget(node.value).target)
      .map(([node, [start, end]]) => ({ start: start - lead, end: end - lead, target: splitTarget(node.value).target }));
    tasks.push({ text, ...(links.length ? { links } : {}), completed: item.checked, line });
  });
  if (tasks.length) file.data.tasks = tasks;
};
