/**
 * Figures as an item or a paper writes them ("+8.6pp", "19.4%", "10-30
 * percentage points", "p < 0.001", "β = 0.4266"): found in a text by value
 * and unit, and compared, so that a figure an item states can be found again
 * in a paper's text however either spells or rounds it (provenance.ts).
 */

/** `pp` percentage points, `%` percent, `p` a p-value, `stat` a named statistic such as β or r. */
export type FigureUnit = 'pp' | '%' | 'p' | 'stat';

export interface Figure {
  /** The figure as written. */
  raw: string;
  unit: FigureUnit;
  /** The value, or the lower bound of a range; signs are not part of it ("+8.6pp" is 8.6). */
  value: number;
  /** The upper bound of a range. */
  upper?: number;
  /** `<`, `=`, `≤`… for p-values. */
  comparator?: string;
  /** The statistic's name, folded (`β`, `r`, `n`…). */
  name?: string;
  /** Decimal places as written, which decides how a rounded figure may match. */
  decimals: number;
  /** Offsets in the text it was found in. */
  start: number;
  end: number;
}

const NUM = String.raw`\d+(?:\.\d+)?|\.\d+`;
const SIGN = String.raw`[+\-−]?`;
const PP = String.raw`(?:pp\b|p\.p\.|percentage[\s-]points?\b|percent(?:age)?[\s-]point\b)`;
const PCT = String.raw`(?:%|\s?per\s?cent\b)`;
const UNIT = `(${PP}|${PCT})`;
const DASH = String.raw`\s*(?:-|–|—|to)\s*`;
const NOT_IN_WORD = String.raw`(?<![\p{L}\p{N}.])`;

/** Ranges first, so "10-30 pp" is one figure rather than "30 pp". */
const PATTERNS: { unit: 'range' | 'single' | 'p' | 'stat'; re: RegExp }[] = [
  { unit: 'range', re: new RegExp(`${NOT_IN_WORD}${SIGN}(${NUM})\\s*(?:${PP}|${PCT})?${DASH}${SIGN}(${NUM})\\s*${UNIT}`, 'giu') },
  { unit: 'single', re: new RegExp(`${NOT_IN_WORD}${SIGN}(${NUM})\\s*${UNIT}`, 'giu') },
  { unit: 'p', re: new RegExp(String.raw`(?<![\p{L}\p{N}])p\s*(<=|>=|[<>=≤≥])\s*(${NUM}(?:e-?\d+)?)`, 'gu') },
  { unit: 'stat', re: new RegExp(String.raw`(?<![\p{L}\p{N}])(β|beta|ρ|rho|r|d|OR|HR|n|N|t|F)\s*=\s*(${SIGN}(?:${NUM}))`, 'gu') },
];

const decimalsOf = (n: string) => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0);
const unitOf = (u: string): 'pp' | '%' => (/^\s*(%|per\s?cent)$/i.test(u) ? '%' : 'pp');
const STAT_NAMES: Record<string, string> = { beta: 'β', rho: 'ρ', N: 'n' };

/** Every figure in a text, in reading order, none overlapping another. */
export function findFigures(text: string): Figure[] {
  const found: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  for (const { unit, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const raw = m[0].trimEnd();
      const end = start + raw.length;
      if (!free(start, end)) continue;
      let figure: Figure;
      if (unit === 'range') {
        const [lo, hi] = [Number(m[1]), Number(m[2])];
        if (!(hi > lo)) continue; // "2020-2024 %" and other accidents of punctuation.
        figure = { raw, unit: unitOf(m[3]), value: lo, upper: hi, decimals: Math.max(decimalsOf(m[1]), decimalsOf(m[2])), start, end };
      } else if (unit === 'single') {
        figure = { raw, unit: unitOf(m[2]), value: Number(m[1]), decimals: decimalsOf(m[1]), start, end };
      } else if (unit === 'p') {
        figure = { raw, unit: 'p', comparator: m[1].replace('<=', '≤').replace('>=', '≥'), value: Number(m[2]), decimals: decimalsOf(m[2]), start, end };
      } else {
        const value = m[2].replace('−', '-');
        figure = { raw, unit: 'stat', name: STAT_NAMES[m[1]] ?? STAT_NAMES[m[1].toLowerCase()] ?? m[1], value: Math.abs(Number(value)), decimals: decimalsOf(value), start, end };
      }
      found.push(figure);
      taken.push([start, end]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Two figures that say the same thing, whatever the spelling; keys a note's figures so each is checked once. */
export const figureKey = (f: Figure) => [f.unit, f.name ?? '', f.comparator ?? '', f.value, f.upper ?? ''].join('|');

const roundTo = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * How a stated figure relates to one found in a source: `exact` when the
 * values are equal, `rounded` when the statement is the source's value
 * rounded to the places the statement gives ("19%" for "19.4%"), else none.
 */
export function compareFigures(stated: Figure, source: Figure): 'exact' | 'rounded' | undefined {
  if (stated.unit !== source.unit || stated.name !== source.name || stated.comparator !== source.comparator) return undefined;
  if ((stated.upper === undefined) !== (source.upper === undefined)) return undefined;
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  if (same(stated.value, source.value) && (stated.upper === undefined || same(stated.upper, source.upper!))) return 'exact';
  if (stated.unit === 'p' || stated.decimals >= source.decimals) return undefined;
  const rounds = (a: number, b: number) => same(roundTo(b, stated.decimals), a);
  if (rounds(stated.value, source.value) && (stated.upper === undefined || rounds(stated.upper, source.upper!))) return 'rounded';
  return undefined;
}
