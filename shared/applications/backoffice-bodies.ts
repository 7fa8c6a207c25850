import * as z from 'zod';
import { hasCode } from '../reference/code-list';
import type { ReferenceData } from '../reference/reference-data';
import { chequeCategories } from '../cheques/cheque-category';
import { GRANTED_SERIES, ODB_NUMBER_PATTERN } from '../registrations/odb-number';

/** Fixed back-office and answer bodies (api.md "Back office"). */

/** R-BO-1: POST /v1/backoffice/applications/{id}/questions */
export const questionBodySchema = z
  .object({
    question: z
      .string('Stel een vraag.')
      .trim()
      .min(1, 'Stel een vraag.')
      .max(5_000, 'De vraag is te lang (max. 5000 tekens).')
      .meta({ description: 'Vraag om bijkomende informatie' }),
  })
  .meta({ description: 'Vraag aan de aanvrager (R-BO-1); antwoordtermijn één maand' });
export type QuestionBody = z.infer<typeof questionBodySchema>;

/** R-BO-1: POST /v1/applications/{id}/answers */
export const answerBodySchema = z
  .object({
    answer: z
      .string('Vul uw antwoord in.')
      .trim()
      .min(1, 'Vul uw antwoord in.')
      .max(20_000, 'Het antwoord is te lang (max. 20000 tekens).')
      .meta({ description: 'Antwoord op de openstaande vraag' }),
    documentIds: z
      .array(z.uuid('Dit is geen geldig document-id.'), 'Geef de documenten op als lijst van id\'s.')
      .max(20, 'Voeg hoogstens 20 documenten toe.')
      .refine((ids) => new Set(ids).size === ids.length, 'Elk document mag maar één keer voorkomen.')
      .default([])
      .meta({ description: 'Documenten bij het antwoord: opgeladen via de documentslots van de aanvraag (POST /v1/applications/{id}/documents)' }),
  })
  .meta({ description: 'Antwoord van de aanvrager (R-BO-1)' });
export type AnswerBody = z.infer<typeof answerBodySchema>;

/**
 * R-DEC-2: POST /v1/backoffice/applications/{id}/forward. `to` is 'VOC' or a joint-committee code;
 * whether that code is in the reference list is checked by `isKnownDecisionBody` (reference data).
 */
export const forwardBodySchema = z
  .object({
    to: z
      .string('Kies "VOC" of de code van een paritair comité.')
      .regex(/^(?:VOC|\d{3}(?:\.\d{1,2})?)$/, 'Kies "VOC" of de code van een paritair comité (bv. "200").')
      .meta({ description: '"VOC" of de code van een paritair comité', example: 'VOC' }),
    advice: z.enum(['negative'], 'Het advies is null of "negative".').nullable().default(null).meta({ description: 'Optioneel advies' }),
  })
  .meta({ description: 'Doorsturen naar de beslissingsinstantie (R-DEC-2)' });
export type ForwardBody = z.infer<typeof forwardBodySchema>;

/** R-DEC-1/R-DEC-2: the VOC, or a joint committee from the reference list. */
export function isKnownDecisionBody(to: string, reference: Pick<ReferenceData, 'jointCommittees'>): boolean {
  return to === 'VOC' || hasCode(reference.jointCommittees, to);
}

/** R-BO-3: POST /v1/backoffice/applications/{id}/decision. Approval needs validFrom; rejection a reason. */
export const decisionRequestSchema = z
  .object({
    outcome: z.enum(['approved', 'rejected'], 'Kies "approved" of "rejected".').meta({ description: 'Beslissing van de beslissingsinstantie' }),
    validFrom: z.iso.date('Geef een geldige datum op (JJJJ-MM-DD).').nullish().meta({ description: 'Vanaf wanneer de registratie geldt; verplicht bij goedkeuring' }),
    reason: z.string('Geef een motivering.').max(5_000, 'De motivering is te lang.').nullish().meta({ description: 'Motivering; verplicht bij afkeuring' }),
    chequeCategory: z
      .enum(chequeCategories, 'Kies een categorie: standard, secondaryDiploma, nt2, shortageOccupation, basicSkills of higherEducation.')
      .nullish()
      .meta({ description: 'De chequecategorie die het departement toekent (R-CHQ-4, R-CHQ-5); verplicht bij goedkeuring. Die van de aanvraag is alleen een voorstel.' }),
    series: z
      .enum(GRANTED_SERIES, 'Kies null (gewone reeks), "X", "Y" of "Z".')
      .nullish()
      .meta({ description: 'Reeks van de ODB-nummers (R-BO-4): null = gewone reeks; X hoger onderwijs, Y volwassenenonderwijs (diplomagericht), Z SYNTRA-ondernemerstrajecten' }),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'approved' && !body.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validFrom'], message: 'Geef de datum op vanaf wanneer de registratie geldt.', params: { rule: 'R-BO-3' } });
    }
    if (body.outcome === 'approved' && !body.chequeCategory) {
      ctx.addIssue({ code: 'custom', path: ['chequeCategory'], message: 'Geef de chequecategorie op die het departement toekent.', params: { rule: 'R-CHQ-4' } });
    }
    if (body.outcome === 'rejected' && (body.reason ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Geef de motivering van de afkeuring.', params: { rule: 'R-BO-3' } });
    }
  })
  .meta({ description: 'Beslissing over een aanvraag (R-BO-3)' });
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export const odbNumberParamSchema = z.string().regex(ODB_NUMBER_PATTERN, 'Dit is geen geldig ODB-nummer.');
