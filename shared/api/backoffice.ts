import * as z from 'zod';
import {
  answerBodySchema,
  decisionRequestSchema,
  forwardBodySchema,
  questionBodySchema,
} from '../applications/backoffice-bodies';
import { amendmentBodySchema } from '../applications/amendment';
import { historyEntrySchema } from '../applications/history';
import { APPLICATION_EVENTS, APPLICATION_STATUSES } from '../applications/state-machine';
import { OPEN_STATUSES, queryTokens, WORKLIST_SORTS } from '../backoffice/worklist';
import { chequeCategories } from '../cheques/cheque-category';
import { kboSchema } from '../organisations/kbo';
import { registrationSchema } from '../registrations/registration';
import { GRANTED_SERIES } from '../registrations/odb-number';
import { qualityRegistrationBodySchema, organisationResponseSchema } from '../organisations/organisation';
import { defineOperation } from './operation';
import { pageLimit } from './page-limit';
import { applicationIdParams, applicationResponseSchema, documentSchema } from './provider';

/*
 * Back-office routes (api.md "Back office", role `backoffice`) and the provider's answer to a
 * question (R-BO-1). Every status change goes through the one state machine
 * (shared/applications/state-machine.ts): an illegal one is a 409 whose `allowed` lists the events
 * that are possible from the current status.
 */

const TAGS = ['backoffice'];
const BACKOFFICE = { kind: 'jwt', roles: ['backoffice'] } as const;
const PROVIDER = { kind: 'jwt', roles: ['provider'] } as const;

export const questionSchema = z.object({
  question: z.string(),
  askedAt: z.string(),
  deadline: z.string().meta({ description: 'Laatste dag om te antwoorden (R-BO-1)' }),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedBy: z.enum(['answer', 'deadline']).nullable().meta({ description: 'answer: beantwoord; deadline: termijn verstreken' }),
  note: z.string().optional().meta({ description: 'Bv. "beoordeeld op basis van de beschikbare informatie"' }),
  answerDocumentIds: z.array(z.string()).optional().meta({ description: 'Documenten bij het antwoord (R-BO-1)' }),
});

export const forwardingSchema = z.object({
  to: z.string(),
  advice: z.enum(['negative']).nullable(),
  at: z.string(),
  by: z.enum(['backoffice', 'system']).meta({ description: 'system: verplicht doorgestuurd bij het einde van de beslissingstermijn (R-BO-2)' }),
});

const grantedSeriesSchema = z.enum(GRANTED_SERIES).nullable().meta({ description: 'Reeks van de ODB-nummers (R-BO-4); null = gewone reeks' });
const grantedCategorySchema = z.enum(chequeCategories).nullable().meta({ description: 'Chequecategorie (R-CHQ-4, R-CHQ-5)' });

export const decisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  validFrom: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string(),
  chequeCategory: grantedCategorySchema.optional().meta({ description: 'Toegekende chequecategorie (bij goedkeuring)' }),
  series: grantedSeriesSchema.optional(),
});

/** R-CHQ-4, R-BO-4: the provider's proposal and the department's grant, side by side. */
export const grantSchema = z
  .object({
    proposed: z.object({ chequeCategory: grantedCategorySchema, series: grantedSeriesSchema.meta({ description: 'Voorstel op basis van het soort organisatie' }) }),
    granted: z.object({ chequeCategory: grantedCategorySchema, series: grantedSeriesSchema }).nullable().meta({ description: 'Wat de beslissing toekende; null zolang niet goedgekeurd' }),
  })
  .meta({ description: 'Voorstel (aanvraag, soort organisatie) en toekenning (beslissing) naast elkaar' });

export const backofficeDocumentSchema = documentSchema.extend({
  downloadUrl: z.string().nullable().meta({ description: 'Kortlevende downloadlink (presigned GET); null zolang niet opgeladen' }),
  downloadExpiresAt: z.string().nullable(),
});

export const backofficeApplicationSchema = applicationResponseSchema
  .extend({
    orgKbo: z.string(),
    organisationName: z.string().optional().meta({ description: 'Naam van de organisatie bij het indienen (ontbreekt bij dossiers van voor de werkvoorraad)' }),
    referenceVersion: z.string().nullable(),
    documents: z.array(backofficeDocumentSchema),
    questions: z.array(questionSchema),
    forwarding: forwardingSchema.nullable(),
    decision: decisionSchema.nullable(),
    odbNumbers: z.object({ training: z.string(), modules: z.array(z.string()) }).nullable(),
    allowedEvents: z.array(z.enum(APPLICATION_EVENTS)).meta({ description: 'Wat de back office vanuit deze status kan doen' }),
    due: z.object({ job: z.string(), at: z.string() }).nullable()
      .meta({ description: 'De job die hierna op de aanvraag moet handelen (termijnen R-BO-1, R-BO-2) en vanaf wanneer; null als geen termijn loopt' }),
    grant: grantSchema,
    history: z.array(historyEntrySchema).meta({ description: 'Historiek van het dossier (R-BO-6), oudste eerst; niet te wijzigen of te wissen' }),
    organisation: z
      .object({
        kbo: z.string(),
        name: z.string(),
        kind: z.string(),
        contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
        qualityRegistration: z.object({ registered: z.boolean(), since: z.string().nullable() }),
      })
      .nullable(),
  })
  .meta({ description: 'Registratieaanvraag zoals de back office ze ziet' });

const nextDeadlineSchema = z
  .object({
    kind: z.enum(['question-answer', 'decision']).meta({ description: 'question-answer: laatste dag om de open vraag te beantwoorden (R-BO-1); decision: einde van de beslissingstermijn van 3 maanden (R-BO-2)' }),
    date: z.string().meta({ description: 'JJJJ-MM-DD' }),
  })
  .nullable()
  .meta({ description: 'De eerstvolgende termijn van het dossier en welke het is; null zonder lopende termijn (wacht op kwaliteitsregistratie, beslist, …)' });

export const backofficeQueueItemSchema = applicationResponseSchema.extend({
  orgKbo: z.string(),
  organisationName: z.string().nullable().meta({ description: 'Naam van de organisatie bij het indienen' }),
  odbNumbers: z.object({ training: z.string(), modules: z.array(z.string()) }).nullable(),
  nextDeadline: nextDeadlineSchema,
});

export const backofficeQueueResponseSchema = z.object({
  items: z.array(backofficeQueueItemSchema),
  nextCursor: z.string().nullable(),
});

export const backofficeQueueQuery = z
  .object({
    status: z
      .enum(APPLICATION_STATUSES, 'Onbekende status.')
      .optional()
      .meta({ description: `Alleen dossiers met deze status; zonder status: alles wat nog beslist moet worden (${OPEN_STATUSES.join(', ')})` }),
    q: z.string().trim().max(200, 'Zoek met hoogstens 200 tekens.').optional()
      .meta({ description: 'Vrije tekst: titel, eigen referentie, naam of KBO-nummer van de organisatie, ODB-nummer. Elk woord moet voorkomen (hele woorden, hoofdletters en accenten tellen niet)' }),
    deadlineBefore: z.iso.date('Geef een datum op (JJJJ-MM-DD).').optional()
      .meta({ description: 'Alleen dossiers waarvan de eerstvolgende termijn vóór deze dag valt' }),
    sort: z.enum(WORKLIST_SORTS, 'Sorteer op deadline of submitted.').default('deadline')
      .meta({ description: 'deadline: eerstvolgende termijn eerst (standaard); submitted: oudste indiening eerst' }),
    limit: pageLimit(100, 'Hoeveel dossiers per pagina (standaard 50, max. 100)'),
    cursor: z.string().max(2000, 'Ongeldige cursor.').optional(),
  })
  .superRefine((query, ctx) => {
    if (query.q !== undefined && queryTokens(query.q).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['q'], message: 'Geef minstens één woord van twee of meer tekens om op te zoeken.' });
    }
    if (query.deadlineBefore !== undefined && query.sort === 'submitted') {
      ctx.addIssue({ code: 'custom', path: ['deadlineBefore'], message: 'Filteren op termijn gaat samen met sorteren op termijn (sort=deadline).' });
    }
  });

export const kboParams = z.object({ kbo: kboSchema });

export const qualityRegistrationResponseSchema = organisationResponseSchema.extend({
  applicationsMovedToScreening: z
    .array(z.string())
    .meta({ description: 'Aanvragen die op de kwaliteitsregistratie wachtten en nu in screening staan (R-ORG-3)' }),
});

export const answerResponseSchema = applicationResponseSchema;

export const listBackofficeApplications = defineOperation({
  id: 'listBackofficeApplications', method: 'GET', path: '/v1/backoffice/applications', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Werkvoorraad: filteren op status, vrije tekst en termijn; eerstvolgende termijn of oudste indiening eerst; per dossier de eerstvolgende termijn', query: backofficeQueueQuery,
  responses: { 200: { description: 'Aanvragen', schema: backofficeQueueResponseSchema }, 400: { description: 'Ongeldige filter of cursor (alle problemen)' } },
});

export const getBackofficeApplication = defineOperation({
  id: 'getBackofficeApplication', method: 'GET', path: '/v1/backoffice/applications/{id}', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Alles over één aanvraag, met kortlevende downloadlinks voor de documenten', params: applicationIdParams,
  responses: { 200: { description: 'De aanvraag', schema: backofficeApplicationSchema }, 404: { description: 'Niet gevonden' } },
});

export const amendApplication = defineOperation({
  id: 'amendApplication', method: 'PATCH', path: '/v1/backoffice/applications/{id}', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Een ingediend dossier wijzigen tot de beslissing (R-BO-7): dezelfde regels, historiek, mail aan de contactpersoon',
  params: applicationIdParams, body: amendmentBodySchema,
  responses: {
    200: { description: 'Gewijzigd', schema: backofficeApplicationSchema },
    400: { description: 'Het gewijzigde dossier voldoet niet aan de regels (alle problemen); niets gewijzigd' },
    404: { description: 'Niet gevonden' },
    409: { description: 'Al beslist (of niet ingediend)' },
  },
});

export const askQuestion = defineOperation({
  id: 'askQuestion', method: 'POST', path: '/v1/backoffice/applications/{id}/questions', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Bijkomende informatie vragen (R-BO-1): antwoordtermijn één maand, mail naar de contactpersoon',
  params: applicationIdParams, body: questionBodySchema.strict(), idempotent: true,
  responses: {
    201: { description: 'Vraag gesteld; status question-open', schema: backofficeApplicationSchema },
    404: { description: 'Niet gevonden' },
    409: { description: 'Niet mogelijk in deze status (allowed somt op wat wel kan)' },
  },
});

export const forwardApplication = defineOperation({
  id: 'forwardApplication', method: 'POST', path: '/v1/backoffice/applications/{id}/forward', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Doorsturen naar de VOC of een paritair comité uit de lijst, met optioneel negatief advies (R-DEC-2)',
  params: applicationIdParams, body: forwardBodySchema.strict(), idempotent: true,
  responses: {
    200: { description: 'Doorgestuurd', schema: backofficeApplicationSchema },
    400: { description: 'Onbekend paritair comité' },
    404: { description: 'Niet gevonden' },
    409: { description: 'Niet mogelijk in deze status (vraag open, wacht op kwaliteitsregistratie, …)' },
  },
});

export const decideApplication = defineOperation({
  id: 'decideApplication', method: 'POST', path: '/v1/backoffice/applications/{id}/decision', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Beslissing vastleggen (R-BO-3): goedkeuring registreert de opleiding met ODB-nummer(s) (R-BO-4); afkeuring mailt de motivering',
  params: applicationIdParams, body: decisionRequestSchema, idempotent: true,
  responses: {
    200: { description: 'Beslist (een herhaalde gelijke beslissing geeft de bestaande toestand terug)', schema: backofficeApplicationSchema },
    404: { description: 'Niet gevonden' },
    409: { description: 'Niet mogelijk in deze status' },
  },
});

export const recordQualityRegistration = defineOperation({
  id: 'recordQualityRegistration', method: 'PUT', path: '/v1/backoffice/organisations/{kbo}/quality-registration', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Kwaliteitsregistratie vastleggen (R-ORG-3); wachtende aanvragen gaan automatisch naar screening',
  params: kboParams, body: qualityRegistrationBodySchema.strict(),
  responses: { 200: { description: 'Vastgelegd', schema: qualityRegistrationResponseSchema }, 404: { description: 'Organisatie onbekend' } },
});

export const answerQuestion = defineOperation({
  id: 'answerQuestion', method: 'POST', path: '/v1/applications/{id}/answers', fn: 'backoffice', auth: PROVIDER, tags: ['provider'],
  summary: 'De openstaande vraag van de back office beantwoorden (R-BO-1); de aanvraag gaat terug naar screening',
  params: applicationIdParams, body: answerBodySchema.strict(), idempotent: true,
  responses: {
    201: { description: 'Antwoord geregistreerd', schema: answerResponseSchema },
    404: { description: 'Niet gevonden of niet van deze organisatie' },
    409: { description: 'Er staat geen vraag open' },
  },
});

const dateQuery = z.iso.date('Geef een datum op (JJJJ-MM-DD).');

export const evaluationsDueQuery = z.object({
  evaluationDueBefore: dateQuery.meta({ description: 'Registraties waarvan de jaarlijkse evaluatie vóór deze dag valt (R-BO-5)' }),
});

export const registrationsDueResponseSchema = z.object({
  items: z.array(registrationSchema.extend({ evaluations: z.array(z.object({ outcome: z.enum(['positive', 'negative']), evaluatedOn: z.string() })) })),
});

export const organisationsOverviewQuery = z
  .object({
    qualityRegistration: z.enum(['missing'], 'Gebruik qualityRegistration=missing.').optional()
      .meta({ description: 'missing: organisaties met aanvragen die op hun kwaliteitsregistratie wachten (R-ORG-3)' }),
    contactUnconfirmed: z.enum(['true'], 'Gebruik contactUnconfirmed=true.').optional()
      .meta({ description: 'true: organisaties die de jaarlijkse contactcontrole niet beantwoordden (R-REG-4)' }),
  })
  .refine((q) => (q.qualityRegistration === undefined) !== (q.contactUnconfirmed === undefined), 'Kies één overzicht: qualityRegistration=missing of contactUnconfirmed=true.');

export const organisationsOverviewResponseSchema = z.object({
  items: z.array(z.object({
    kbo: z.string(), name: z.string(), contactConfirmedAt: z.string().nullable(), contactCheckRequestedAt: z.string().nullable(),
    waitingApplications: z.number().int().optional().meta({ description: 'Aantal wachtende aanvragen (bij qualityRegistration=missing)' }),
  })),
});

export const listRegistrationsDueForEvaluation = defineOperation({
  id: 'listRegistrationsDueForEvaluation', method: 'GET', path: '/v1/backoffice/registrations', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Registraties waarvan de jaarlijkse evaluatie vervalt (R-BO-5), vroegste eerst', query: evaluationsDueQuery,
  responses: { 200: { description: 'Registraties', schema: registrationsDueResponseSchema } },
});

export const listOrganisationsOverview = defineOperation({
  id: 'listOrganisationsOverview', method: 'GET', path: '/v1/backoffice/organisations', fn: 'backoffice', auth: BACKOFFICE, tags: TAGS,
  summary: 'Organisaties zonder kwaliteitsregistratie met wachtende aanvragen, of met een onbeantwoorde contactcontrole', query: organisationsOverviewQuery,
  responses: { 200: { description: 'Organisaties', schema: organisationsOverviewResponseSchema } },
});

export const backofficeOperations = [
  listBackofficeApplications,
  getBackofficeApplication,
  amendApplication,
  askQuestion,
  forwardApplication,
  decideApplication,
  recordQualityRegistration,
  answerQuestion,
  listRegistrationsDueForEvaluation,
  listOrganisationsOverview,
];
