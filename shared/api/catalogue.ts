import * as z from 'zod';
import { normaliseKbo } from '../organisations/kbo';
import { ChequeCategory, CompetenceGroup, PublishedTraining } from '../catalogue/published-training';
import { defineOperation } from './operation';
import { pageLimit } from './page-limit';

export const MAX_TRAININGS_PAGE = 100;
export const DEFAULT_TRAININGS_PAGE = 20;

export const trainingSearchQuery = z.object({
  q: z
    .string()
    .max(200, 'De zoekterm is te lang (max. 200 tekens).')
    .optional()
    .meta({ description: 'Trefwoorden (elk woord is het begin van een woord van de opleiding, na Nederlandse stamvorming: "heftrucks" vindt "heftruck"; hoofdletters en accenten tellen niet), of een ODB-nummer in eender welke schrijfwijze (ODB-A000123, odba000123, ODB A000123). Trefwoorden vinden alleen actieve registraties; een ODB-nummer vindt ook een vervangen registratie', example: 'jeugd' }),
  group: CompetenceGroup.optional().meta({ description: 'Competentiegroep: basic, professionSpecific of general' }),
  provider: z
    .string()
    .max(20)
    .refine((value) => normaliseKbo(value) !== null, 'Geef een geldig ondernemingsnummer (KBO) op, bv. 0403170701.')
    .optional()
    .meta({ description: 'KBO-nummer van de aanbieder (ook 0403.170.701 of BE0403170701)', example: '0403170701' }),
  size: z
    .enum(['lt32', '32to100', 'gt100', 'studyPoints'])
    .optional()
    .meta({ description: 'Omvang: lt32 (minder dan 32 contacturen), 32to100, gt100 (meer dan 100) of studyPoints (in studiepunten)' }),
  blended: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'Blended leren: true of false' }),
  chequeCategory: ChequeCategory.optional().meta({ description: 'Categorie voor opleidingscheques' }),
  limit: pageLimit(MAX_TRAININGS_PAGE, `Hoeveel opleidingen per pagina (standaard ${DEFAULT_TRAININGS_PAGE}, max. ${MAX_TRAININGS_PAGE})`),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Deze cursor is ongeldig; gebruik nextCursor van de vorige pagina.')
    .optional()
    .meta({ description: 'Vervolg van de vorige pagina (nextCursor)' }),
});

export const trainingSearchResponse = z.object({
  items: z.array(PublishedTraining),
  total: z.number().int().meta({ description: 'Aantal gevonden opleidingen' }),
  nextCursor: z.string().nullable().meta({ description: 'Geef mee als cursor voor de volgende pagina; null op de laatste' }),
  publishedAt: z.string().nullable().meta({ description: 'Tijdstip van publicatie van de doorzochte catalogus (ISO 8601); null zolang er geen is' }),
});
export type TrainingSearchResponse = z.infer<typeof trainingSearchResponse>;

export const searchTrainings = defineOperation({
  id: 'searchTrainings',
  method: 'GET',
  path: '/v1/trainings',
  fn: 'catalogue',
  auth: { kind: 'public' },
  summary: 'Search the published catalogue by keyword or ODB number; filter by competence group or provider (R-CHQ-1)',
  tags: ['catalogue'],
  query: trainingSearchQuery,
  responses: {
    200: { description: 'Active registrations as published (an ODB number finds that registration, also a replaced one), best match first', schema: trainingSearchResponse },
    400: { description: 'Invalid query' },
  },
});

export const catalogueOperations = [searchTrainings];
