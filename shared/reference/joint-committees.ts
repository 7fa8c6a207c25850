import type { CodeList } from './code-list';

/**
 * Joint committees (paritaire comités) that volunteered to decide on applications (R-DEC-1).
 *
 * EXAMPLE DATA — TO BE REPLACED. The real list of committees that volunteered is not in the sources.
 * These are a few real PC numbers with their usual names, chosen only so the rule can be exercised;
 * they do NOT mean that these committees volunteered. Replace with the department's list (and bump
 * REFERENCE_VERSION).
 */
export const JOINT_COMMITTEES = [
  { code: '124', label: 'PC 124 – Bouwbedrijf (voorbeeld)' },
  { code: '200', label: 'PC 200 – Aanvullend paritair comité voor de bedienden (voorbeeld)' },
  { code: '302', label: 'PC 302 – Hotelbedrijf (voorbeeld)' },
  { code: '330', label: 'PC 330 – Gezondheidsinrichtingen en -diensten (voorbeeld)' },
] as const satisfies CodeList;

export const JOINT_COMMITTEES_ARE_EXAMPLE_DATA = true;
