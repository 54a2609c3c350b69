/**
 * Stances and claim statuses as the graph views read them: the one table is
 * `content/stance.ts`; these accessors read an edge's or a node's field from
 * any shape (the corpus graph, the compact file, a test's plain objects).
 */
import { CLAIM_STATUSES, STANCE_VOCABULARY, STANCES, STATUS_VOCABULARY, type ClaimStatus, type Stance } from '../content/stance';

export { STANCES, type Stance };
export const STATUSES = CLAIM_STATUSES;
export type Status = ClaimStatus;

export const STANCE_LABELS: Record<Stance, string> = Object.fromEntries(STANCES.map((s) => [s, STANCE_VOCABULARY[s].label])) as Record<Stance, string>;
export const STATUS_LABELS: Record<Status, string> = Object.fromEntries(STATUSES.map((s) => [s, STATUS_VOCABULARY[s].label])) as Record<Status, string>;

/** The stance an edge carries, if it carries a known one. */
export function stanceOf(edge: object): Stance | undefined {
  const s = (edge as { stance?: unknown }).stance;
  return typeof s === 'string' && (STANCES as readonly string[]).includes(s) ? (s as Stance) : undefined;
}

/** The status a node carries, if it carries a known one. */
export function statusOf(node: object): Status | undefined {
  const s = (node as { status?: unknown }).status;
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s) ? (s as Status) : undefined;
}
