import * as z from 'zod';
import { providerHistoryEntrySchema } from './history';
import type { Application } from './application';

/**
 * What the provider is entitled to see of its dossier (R-SUB-2, R-BO-1, R-BO-3; issue 11): the
 * questions and answers with their documents, where it was forwarded to (VOC or which joint
 * committee), the decision with its ODB numbers, and the date of each step. NEVER the back office's
 * internal advice or notes, nor who in the department did what. Everything a mail says can be read
 * back here.
 */
export const providerQuestionSchema = z
  .object({
    question: z.string(),
    askedAt: z.string(),
    answerDueOn: z.string().meta({ description: 'Laatste dag om te antwoorden (R-BO-1), JJJJ-MM-DD' }),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    documents: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: 'Documenten bij het antwoord' }),
    closedBy: z.enum(['answer', 'deadline']).nullable().meta({ description: 'deadline: termijn verstreken, beoordeeld zoals het dossier is' }),
    howToAnswer: z
      .object({ method: z.literal('POST'), path: z.string(), until: z.string() })
      .nullable()
      .meta({ description: 'Zolang de vraag openstaat: waar en tot wanneer u antwoordt' }),
  })
  .meta({ description: 'Vraag van het team opleidingsdatabank (R-BO-1)' });

export const providerForwardingSchema = z
  .object({
    to: z.string().meta({ description: '"VOC" of de code van het paritair comité' }),
    body: z.enum(['VOC', 'PC']),
    at: z.string(),
  })
  .meta({ description: 'Doorgestuurd naar de beslissingsinstantie (zonder het interne advies)' });

export const providerDecisionSchema = z
  .object({
    outcome: z.enum(['approved', 'rejected']),
    reason: z.string().nullable(),
    validFrom: z.string().nullable(),
    decidedAt: z.string(),
    odbNumbers: z.object({ training: z.string(), modules: z.array(z.string()) }).nullable().meta({ description: 'ODB-nummers per opleiding en module (R-BO-3, R-BO-4)' }),
  })
  .meta({ description: 'Beslissing (R-BO-3)' });

export const providerStepsSchema = z
  .object({
    submittedAt: z.string().nullable(),
    forwardedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ description: 'Datum van elke stap' });

export const providerDossierShape = {
  questions: z.array(providerQuestionSchema),
  forwarding: providerForwardingSchema.nullable(),
  decision: providerDecisionSchema.nullable(),
  steps: providerStepsSchema,
};
export const providerHistoryShape = { history: z.array(providerHistoryEntrySchema).meta({ description: 'De stappen van het dossier (R-BO-6), zonder interne gegevens' }) };

export type ProviderDossier = z.infer<z.ZodObject<typeof providerDossierShape>>;

/** The route a provider answers on (R-BO-1), named in the mail and in the view. */
export const answerPath = (applicationId: string) => `/v1/applications/${applicationId}/answers`;

export function providerDossier(app: Pick<Application, 'id' | 'questions' | 'forwarding' | 'decision' | 'odbNumbers' | 'submittedAt' | 'documents'>): ProviderDossier {
  const documentName = new Map(app.documents.map((d) => [d.id, d.name]));
  return {
    questions: app.questions.map((q) => ({
      question: q.question,
      askedAt: q.askedAt,
      answerDueOn: q.deadline,
      answer: q.answer,
      answeredAt: q.answeredAt,
      documents: (q.answerDocumentIds ?? []).map((id) => ({ id, name: documentName.get(id) ?? '' })),
      closedBy: q.closedBy,
      howToAnswer: q.closedBy === null ? { method: 'POST' as const, path: answerPath(app.id), until: q.deadline } : null,
    })),
    forwarding: app.forwarding ? { to: app.forwarding.to, body: app.forwarding.to === 'VOC' ? 'VOC' : 'PC', at: app.forwarding.at } : null,
    decision: app.decision
      ? { outcome: app.decision.outcome, reason: app.decision.reason, validFrom: app.decision.validFrom, decidedAt: app.decision.decidedAt, odbNumbers: app.odbNumbers }
      : null,
    steps: { submittedAt: app.submittedAt, forwardedAt: app.forwarding?.at ?? null, decidedAt: app.decision?.decidedAt ?? null },
  };
}
