import * as z from 'zod';
import { ODB_NUMBER_PATTERN } from '../registrations/odb-number';
import {
  evaluationBodySchema,
  registrationSchema,
  stopRequestSchema,
} from '../registrations/registration';
import { PublishedTraining } from '../catalogue/published-training';
import { defineOperation } from './operation';
import { pageLimit } from './page-limit';

const odbNumberParams = z.object({
  odbNumber: z
    .string('Geef een ODB-nummer op.')
    .regex(ODB_NUMBER_PATTERN, 'Dit is geen geldig ODB-nummer (bv. ODB-A000123).')
    .meta({ description: 'ODB-nummer van de opleiding of van een module', example: 'ODB-A000123' }),
});

/** What the provider sees of its own registrations: the published view plus the stop reason. */
export const providerRegistrationSchema = registrationSchema
  .extend({
    stopReason: z.string().nullable().meta({ description: 'Reden van de stopzetting (R-REG-1)' }),
    applicationId: z.string().meta({ description: 'De aanvraag waaruit de registratie voortkomt' }),
  })
  .meta({ description: 'Geregistreerde opleiding (zicht van de aanbieder)' });

/** The back office sees everything, including the evaluation history (R-BO-5). */
export const backofficeRegistrationSchema = providerRegistrationSchema
  .extend({
    evaluations: z.array(z.object({ outcome: z.enum(['positive', 'negative']), evaluatedOn: z.iso.date() })),
  })
  .meta({ description: 'Geregistreerde opleiding (zicht van het back office)' });

export const registrationListQuery = z.object({
  limit: pageLimit(1000, 'Hoeveel registraties per pagina (standaard 100, max. 1000)'),
  cursor: z.string().max(2_000).optional().meta({ description: 'Vervolg van de vorige pagina (nextCursor)' }),
});

export const registrationListResponse = z.object({
  items: z.array(providerRegistrationSchema),
  nextCursor: z.string().nullable().meta({ description: 'Geef mee als cursor voor de volgende pagina; null op de laatste' }),
});

export const listRegistrations = defineOperation({
  id: 'listRegistrations',
  method: 'GET',
  path: '/v1/registrations',
  fn: 'registrations',
  auth: { kind: 'jwt', roles: ['provider'] },
  summary: 'Own registered trainings, with ODB numbers, valid-from and stop dates (R-SUB-2)',
  tags: ['registrations'],
  query: registrationListQuery,
  responses: { 200: { description: "The organisation's registrations, oldest valid-from first", schema: registrationListResponse } },
});

export const stopRegistrationOperation = defineOperation({
  id: 'stopRegistration',
  method: 'POST',
  path: '/v1/registrations/{odbNumber}/stop',
  fn: 'registrations',
  auth: { kind: 'jwt', roles: ['provider'] },
  summary: 'Stop a registration from a date (today or later), with a reason (R-REG-1)',
  tags: ['registrations'],
  params: odbNumberParams,
  body: stopRequestSchema,
  responses: {
    200: { description: 'The registration with its stop date; status `stopped` once the date has come', schema: providerRegistrationSchema },
    404: { description: 'No such registration of this organisation' },
    409: { description: 'Already stopped or removed' },
  },
});

export const getTraining = defineOperation({
  id: 'getTraining',
  method: 'GET',
  path: '/v1/trainings/{odbNumber}',
  fn: 'registrations',
  auth: { kind: 'public' },
  summary: 'One registration as published: active, or replaced (naming its successor in replacedBy). A module number gives its training.',
  tags: ['catalogue'],
  params: odbNumberParams,
  responses: {
    200: { description: 'The published registration: exactly the record the catalogue site publishes', schema: PublishedTraining },
    404: { description: 'No registration with this number' },
    410: { description: 'The registration existed but was stopped or removed: no longer in the catalogue (R-REG-1, R-BO-5)' },
  },
});

export const evaluateRegistration = defineOperation({
  id: 'evaluateRegistration',
  method: 'POST',
  path: '/v1/backoffice/registrations/{odbNumber}/evaluation',
  fn: 'registrations',
  auth: { kind: 'jwt', roles: ['backoffice'] },
  summary: "Annual evaluation (R-BO-5): positive extends by a year; negative removes on 31 December of next year. Mails the organisation's general contact.",
  tags: ['backoffice'],
  params: odbNumberParams,
  body: evaluationBodySchema,
  idempotent: true,
  responses: {
    200: { description: 'The evaluated registration', schema: backofficeRegistrationSchema },
    404: { description: 'No such registration' },
    409: { description: 'The registration is not active' },
  },
});

export const registrationOperations = [listRegistrations, stopRegistrationOperation, getTraining, evaluateRegistration];
