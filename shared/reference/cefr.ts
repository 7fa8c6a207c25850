import type { CodeList } from './code-list';

/** CEFR (ERK) levels, in ascending order (R-APP-7). */
export const CEFR_LEVEL_CODES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVEL_CODES)[number];

export const CEFR_LEVELS = [
  { code: 'A1', label: 'ERK-niveau A1' },
  { code: 'A2', label: 'ERK-niveau A2' },
  { code: 'B1', label: 'ERK-niveau B1' },
  { code: 'B2', label: 'ERK-niveau B2' },
  { code: 'C1', label: 'ERK-niveau C1' },
  { code: 'C2', label: 'ERK-niveau C2' },
] as const satisfies CodeList<CefrLevel>;

/** R-APP-7: from this level upward a language training is not a basic competence. */
export const FIRST_NON_BASIC_CEFR_LEVEL: CefrLevel = 'B2';

export function cefrRank(level: CefrLevel): number {
  return CEFR_LEVEL_CODES.indexOf(level);
}

export function isAtLeastCefr(level: CefrLevel, threshold: CefrLevel): boolean {
  return cefrRank(level) >= cefrRank(threshold);
}
