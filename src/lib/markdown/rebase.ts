/**
 * Site paths in a rendered body (`/notes/x/`, `/attachments/a.png`,
 * `/tags/t/`, and root-relative links written by hand) rewritten to the
 * addresses the site is published at, so a site under a base path links to
 * itself. Full URLs, `#fragments` and relative links are left alone. Runs last,
 * on the whole tree: embedded notes are copies in it, so each address is
 * rewritten once.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller: turns a site path (`/notes/x/`) into the address to write. Absent: paths stay as they are. */
    siteAddress: (path: string) => string;
  }
}

const URL_PROPERTIES = ['href', 'src'] as const;

export function rehypeSiteAddresses() {
  return (tree: Root, file: VFile) => {
    const toAddress = file.data.siteAddress;
    if (!toAddress) return;
    visit(tree, 'element', (node: Element) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) node.properties[name] = toAddress(value);
      }
    });
  };
}
