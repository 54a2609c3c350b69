/** The parts of citation-js the site uses (the packages ship no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: 'bibtex' | 'bibliography' | 'citation' | 'data', options?: Record<string, unknown>): string;
    format(format: 'bibliography', options: Record<string, unknown> & { asEntryArray: true }): [string, string][];
  }
  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean; list(): string[] } };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
