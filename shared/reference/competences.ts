import type { CodeList } from './code-list';

/**
 * Competence lists per group (R-CMP-1). The basic and profession-specific entries follow domain.md
 * ([M] step 4 and public information); the precise definitions are in the department's
 * "beoordelingssysteem arbeidsmarktgerichtheid", which is not available here.
 */
export const BASIC_COMPETENCES = [
  { code: 'literacy', label: 'Geletterdheid (lezen en schrijven)' },
  { code: 'numeracy', label: 'Rekenvaardigheid' },
  { code: 'basicIct', label: 'Basisvaardigheden ICT (ook courante kantoorsoftware)' },
  { code: 'nt2', label: 'Nederlands als tweede taal (NT2)' },
  // Assumption: language trainings as a basic competence (R-APP-7: only up to CEFR level B1).
  { code: 'foreignLanguage', label: 'Vreemde taal (tot en met ERK-niveau B1)' },
  { code: 'secondaryDiploma', label: 'Diploma secundair onderwijs' },
] as const satisfies CodeList;

/** Basic competences that are language trainings: from B2 upward they are not basic (R-APP-7). */
export const LANGUAGE_BASIC_COMPETENCES: readonly string[] = ['nt2', 'foreignLanguage'];

export const PROFESSION_SPECIFIC_COMPETENCES = [
  { code: 'shortageOccupation', label: 'Opleiding voor een knelpuntberoep' },
  { code: 'stemProfession', label: 'Opleiding voor een STEM-beroep' },
  { code: 'legallyRequiredCertificate', label: 'Opleiding voor een wettelijk vereist attest' },
  { code: 'expectedFutureShortage', label: 'Opleiding voor een verwacht toekomstig competentietekort' },
  { code: 'professionSoftware', label: 'Beroepsgebonden software (bv. BIM, CAD)' },
] as const satisfies CodeList;

/**
 * The five pillars of the general labour-market competence group (R-CMP-2).
 * The official names are in the department's "beoordelingssysteem" document, which is NOT available
 * here: these labels are deliberately neutral placeholders until the official wording is supplied.
 */
export const GENERAL_PILLARS = [
  { code: 'P1', label: 'Pijler 1' },
  { code: 'P2', label: 'Pijler 2' },
  { code: 'P3', label: 'Pijler 3' },
  { code: 'P4', label: 'Pijler 4' },
  { code: 'P5', label: 'Pijler 5' },
] as const satisfies CodeList;

export const PILLAR_CODES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type PillarCode = (typeof PILLAR_CODES)[number];

/** R-CMP-2: a training belongs to the general group when it meets at least this many pillars. */
export const MIN_PILLARS_FOR_GENERAL_GROUP = 3;

export const COMPETENCE_GROUPS = [
  { code: 'basic', label: 'Basiscompetenties' },
  { code: 'professionSpecific', label: 'Beroepsspecifieke competenties' },
  { code: 'general', label: 'Algemene arbeidsmarktcompetenties' },
] as const satisfies CodeList;

export type CompetenceGroup = (typeof COMPETENCE_GROUPS)[number]['code'];
