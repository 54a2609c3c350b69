/**
 * What a link means for the claim of the item that makes it: it supports the
 * claim, challenges it, or qualifies it; and where that reading came from.
 * The tables here are the whole of the vocabulary: the field names authors
 * may write (with their synonyms) and the section headings that carry a
 * stance. The Markdown layer reads fields with them, the corpus layer reads
 * headings; what the site calls each stance, status and grounding is in the interface text
 * (src/lib/site/interface-text/).
 */
export const STANCES = ['supports', 'challenges', 'qualifies'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * Where a stance came from, strongest first:
 * - `declared`: the author said so (`supports:: [[X]]`, a `challenges:` frontmatter list);
 * - `heading`: the link sits under a section such as "The Counter-Evidence";
 * - `inferred`: any other link in the body of an item with a claim (the author cites it while arguing);
 * - `verified`: a figure or quotation of the item was found in the paper's text.
 * A verified stance never overrides another: it is given to papers the text checks against.
 */
export const STANCE_SOURCES = ['declared', 'heading', 'inferred', 'verified'] as const;
export type StanceSource = (typeof STANCE_SOURCES)[number];

/** Lower is stronger; a link keeps the strongest stance any of its places gives it. */
export const stanceStrength = (from: StanceSource) => STANCE_SOURCES.indexOf(from);

/** A stance and where it came from, as edges and links carry it. */
export interface StanceOf {
  stance: Stance;
  from: StanceSource;
}

/**
 * Field names (Dataview inline fields and frontmatter keys) and the stance
 * each declares. Keys match without regard to case.
 */
export const STANCE_FIELDS = {
  supports: 'supports',
  confirms: 'supports',
  corroborates: 'supports',
  challenges: 'challenges',
  opposes: 'challenges',
  contradicts: 'challenges',
  refutes: 'challenges',
  disputes: 'challenges',
  qualifies: 'qualifies',
  limits: 'qualifies',
  nuances: 'qualifies',
} as const satisfies Record<string, Stance>;

export type StanceField = keyof typeof STANCE_FIELDS;

/** The stance a field name declares, or undefined for any other field (left as text). */
export const stanceOfField = (key: string): Stance | undefined => (STANCE_FIELDS as Record<string, Stance>)[key.trim().toLowerCase()];

/**
 * Section headings that give the links under them a stance. A heading
 * matches when, with case, dashes and a leading "The" set aside, it is one
 * of these phrases or starts with one ("Counter-evidence from RL" counts).
 */
export const STANCE_HEADINGS: Record<Stance, readonly string[]> = {
  challenges: [
    'counter evidence',
    'counterevidence',
    'counterpoints',
    'counterpoint',
    'counter arguments',
    'counterarguments',
    'counter argument',
    'objections',
    'objection',
    'critiques',
    'critique',
    'criticism',
    'criticisms',
    'rebuttals',
    'rebuttal',
    'contrary evidence',
    'evidence against',
    'opposing evidence',
    'disconfirming evidence',
  ],
  qualifies: ['limitations', 'limitation', 'caveats', 'caveat', 'nuances', 'nuance', 'qualifications', 'boundary conditions'],
  supports: ['evidence', 'supporting evidence', 'evidence for', 'support', 'supporting work', 'corroboration'],
};

/** A heading folded for matching: lower case, dashes as spaces, no leading "The", no trailing punctuation. */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const HEADING_TABLE: [string, Stance][] = (Object.entries(STANCE_HEADINGS) as [Stance, readonly string[]][])
  .flatMap(([stance, phrases]) => phrases.map((p): [string, Stance] => [headingKey(p), stance]))
  // Longest phrase first, so "evidence against" wins over "evidence".
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The stance a section heading gives the links under it, or undefined.
 *
 * @example
 * headingStance('The Counter-Evidence') // 'challenges'
 * headingStance('Limitations and caveats') // 'qualifies'
 * headingStance('The Three-Layer Argument') // undefined
 */
export function headingStance(heading: string): Stance | undefined {
  const key = headingKey(heading);
  for (const [phrase, stance] of HEADING_TABLE) {
    if (key === phrase || key.startsWith(`${phrase} `)) return stance;
  }
  return undefined;
}

/**
 * Where a claim stands on its evidence:
 * - `supported`: something supports it and nothing challenges it;
 * - `contested`: both;
 * - `challenged`: challenged and not supported;
 * - `open`: neither (qualifications alone leave it open).
 */
export const CLAIM_STATUSES = ['supported', 'contested', 'challenged', 'open'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type StanceCounts = Record<Stance, number>;

export function claimStatus(counts: StanceCounts): ClaimStatus {
  if (counts.supports && counts.challenges) return 'contested';
  if (counts.supports) return 'supported';
  if (counts.challenges) return 'challenged';
  return 'open';
}

/** The CSS variable that colours each stance (both themes define it). */
export const STANCE_VOCABULARY = {
  supports: { colourVar: '--stance-supports' },
  challenges: { colourVar: '--stance-challenges' },
  qualifies: { colourVar: '--stance-qualifies' },
} as const satisfies Record<Stance, { colourVar: string }>;

/**
 * How far a claim's evidence reaches, strongest first:
 * - `verified`: a passage of a paper in the collection states it;
 * - `cited`: a source paper is named, but its text is not in the collection (or states nothing of it);
 * - `inferred`: only links to notes, written or not, none of which reaches a source;
 * - `none`: no evidence at all.
 * Status says which way the evidence points; grounding says how far down it goes.
 */
export const GROUNDINGS = ['verified', 'cited', 'inferred', 'none'] as const;
export type Grounding = (typeof GROUNDINGS)[number];

/** Lower is stronger. */
export const groundingStrength = (g: Grounding) => GROUNDINGS.indexOf(g);

/** The strongest of some groundings; `none` for none. */
export const strongestGrounding = (gs: Iterable<Grounding>): Grounding => {
  let best: Grounding = 'none';
  for (const g of gs) if (groundingStrength(g) < groundingStrength(best)) best = g;
  return best;
};

/**
 * How a link was given to one part of a compound claim:
 * - `declared`: a `part::` field in its paragraph names the part;
 * - `paragraph`: the lead sentence of its paragraph restates the part;
 * - `section`: the heading of its section restates the part;
 * - `whole`: nothing tells; it bears on the claim as a whole.
 */
export const PART_SOURCES = ['declared', 'paragraph', 'section', 'whole'] as const;
export type PartSource = (typeof PART_SOURCES)[number];
