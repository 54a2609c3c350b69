/** The Content-Security-Policy of a built page: what it allows by hash. */
import { describe, expect, it } from 'vitest';
import { cspHash, withOwnScriptHashes } from '../../src/lib/site/csp';

const page = (scriptSrc: string, body: string) =>
  `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src ${scriptSrc}; style-src 'self' 'sha256-s='"></head><body>${body}</body>`;

describe('a page’s policy', () => {
  it('allows by hash only the inline scripts the page carries, keeping every other source and directive', () => {
    const theme = '(()=>{})()';
    const table = 'for(const e of[])e';
    const html = page(`'self' '${cspHash(theme)}' 'sha256-island=' '${cspHash(table)}'`, `<script>${theme}</script><script type="module" src="/_astro/a.js"></script>`);
    expect(withOwnScriptHashes(html)).toBe(page(`'self' '${cspHash(theme)}'`, `<script>${theme}</script><script type="module" src="/_astro/a.js"></script>`));
  });

  it('keeps the hash of an inline module script the page carries', () => {
    const sort = 'document.querySelectorAll("table")';
    const html = page(`'self' '${cspHash(sort)}'`, `<table></table><script type="module">${sort}</script>`);
    expect(withOwnScriptHashes(html)).toBe(html);
  });

  it('leaves a page without a policy as it is', () => {
    expect(withOwnScriptHashes('<p>no policy</p><script>x</script>')).toBe('<p>no policy</p><script>x</script>');
  });
});
