/** The Content-Security-Policy a page carries: what it allows, by source and by hash. */
import { describe, expect, it } from 'vitest';
import { cspHash, GRAPH_LIBRARY_STYLE, pagePolicy } from '../../src/lib/site/csp';
import { MERMAID_STYLE_DIRECTIVES } from '../../src/lib/site/mermaid-script';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('a page’s policy', () => {
  it('allows scripts from the site and the page’s inline scripts by hash, never inline code as such', () => {
    const theme = '(()=>{})()';
    const policy = directives(pagePolicy({ scripts: [cspHash(theme), cspHash(theme)] }));
    expect(policy.get('script-src')).toEqual(["'self'", `'${cspHash(theme)}'`]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
  });

  it('allows the graph library’s style rule and the body’s style attributes by hash', () => {
    const styles = [cspHash('color:#d73a49'), cspHash('margin-right:0.1667em')];
    const policy = directives(pagePolicy({ scripts: [], styles }));
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-hashes'", `'${cspHash(GRAPH_LIBRARY_STYLE)}'`, ...styles.map((h) => `'${h}'`)]);
  });

  it('adds a diagram page’s directives once each, after the others', () => {
    const policy = pagePolicy({ scripts: [], extra: [...MERMAID_STYLE_DIRECTIVES, ...MERMAID_STYLE_DIRECTIVES] });
    expect(policy.split('; ').slice(-2)).toEqual([...MERMAID_STYLE_DIRECTIVES]);
    expect(new Set(policy.split('; ').map((d) => d.split(' ')[0])).size).toBe(policy.split('; ').length);
  });
});
