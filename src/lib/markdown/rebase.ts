/**
 * Site paths in a rendered body (`/notes/x/`, `/attachments/a.png`,
 * `/tags/t/`, and root-relative links written by hand) rewritten to the
 * addresses the site is published at, so a site under a base path links
 * to itself. Full URLs, `#fragments` and relative links are left alone.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const URL_PROPERTIES = ['href', 'src'] as const;

/** Rewrites every `href` and `src` that is a site path with `toAddress`, in place. */
export function rebaseSitePaths(tree: Root, toAddress: (path: string) => string): void {
  visit(tree, 'element', (node: Element) => {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) node.properties[name] = toAddress(value);
    }
  });
}
