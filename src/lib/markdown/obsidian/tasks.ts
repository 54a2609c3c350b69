/**
 * Task list items (`- [ ] to do`, `- [x] done`), collected for Dataview's
 * `TASK` queries and `file.tasks`: each with its text as a reader sees it and
 * its line. The list itself renders as GFM renders it.
 *
 * Reads `file.data.lineOffset`; writes `file.data.tasks`.
 */
import type { Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { inlineText } from '../sentences';
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
    const text = first && 'children' in first ? inlineText(first).text.trim() : '';
    tasks.push({ text, completed: item.checked, line: (item.position?.start.line ?? 1) + offset });
  });
  if (tasks.length) file.data.tasks = tasks;
};
