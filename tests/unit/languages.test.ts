import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';
import { hasRightToLeft } from '../../src/lib/markdown/bidi';
import { pageLanguage } from '../../src/lib/site/language';

describe('page language', () => {
  it('is the item\'s lang, else the site\'s, with dir="rtl" for right-to-left languages', () => {
    expect(pageLanguage(undefined, 'en')).toEqual({ lang: 'en' });
    expect(pageLanguage('zh-Hans', 'en')).toEqual({ lang: 'zh-Hans' });
    for (const rtl of ['ar', 'he', 'fa-IR', 'ur', 'yi', 'ku-Arab', 'pa-Arab']) expect(pageLanguage(rtl, 'en'), rtl).toEqual({ lang: rtl, dir: 'rtl' });
    expect(pageLanguage(undefined, 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    // Not a language tag: the site's language stands.
    expect(pageLanguage('Arabic language', 'en')).toEqual({ lang: 'en' });
  });
});

describe('right-to-left blocks', () => {
  it('gives dir="auto" to each block holding right-to-left letters, and leaves other blocks as they were', () => {
    const { html } = renderMarkdown('An English paragraph.\n\nפסקה בעברית.\n\n- English item\n- بند عربي\n\n| a | b |\n|---|---|\n| x | ي |\n');
    expect(html).toContain('<p>An English paragraph.</p>');
    expect(html).toContain('<p dir="auto">פסקה בעברית.</p>');
    expect(html).toContain('<li>English item</li>');
    expect(html).toContain('<li dir="auto">بند عربي</li>');
    expect(html).toMatch(/<td dir="auto">ي<\/td>/);
    expect(hasRightToLeft('Latin, 中文, русский')).toBe(false);
    expect(hasRightToLeft('𞤀𞤣𞤤𞤢𞤥')).toBe(true);
  });
});
