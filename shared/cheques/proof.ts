/**
 * The worker's proof of a cheque request and its decision (R-CHQ-8, issue 11): what it says, and the
 * verification code the department checks. Pure (node:crypto only, no I/O).
 *
 * The code is an HMAC of the request's id and the state it proves (status and the time of that
 * status), so downloading the proof again in the same state gives the same code, and a new decision
 * gets a new one. 80 bits in Crockford base32, grouped `XXXX-XXXX-XXXX-XXXX`: not guessable, easy to
 * read out on the phone. The verification answer carries no personal data: no name, no e-mail, no
 * national register number — only what the paper says about the training, the amounts and the decision.
 */
import { createHmac } from 'node:crypto';
import * as z from 'zod';
import { ChequeRequestStatusSchema, type ChequeRequest } from './cheque-request';
import { requestReference } from './reference';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const PROOF_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** The verification code of the proof of this request in its current state. */
export function proofCode(secret: string, request: Pick<ChequeRequest, 'id' | 'status' | 'updatedAt'>): string {
  const digest = createHmac('sha256', secret).update(`cheque-proof:${request.id}:${request.status}:${request.updatedAt}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 16) break;
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** What a proof states and the department can check (no personal data). */
export const ProofFactsSchema = z
  .object({
    reference: z.string().meta({ description: 'Korte referentie van de aanvraag (OC-…).' }),
    requestedAt: z.iso.datetime().meta({ description: 'Tijdstip van de aanvraag (UTC).' }),
    schoolYear: z.string(),
    odbNumber: z.string(),
    trainingTitle: z.string().nullable(),
    providerName: z.string().nullable(),
    amountCents: z.int().nonnegative(),
    contributionCents: z.int().nonnegative(),
    governmentCents: z.int().nonnegative(),
    status: ChequeRequestStatusSchema,
    decidedAt: z.iso.datetime().meta({ description: 'Tijdstip van de toestand die het bewijs aantoont (UTC).' }),
    reasons: z.array(z.string()).meta({ description: 'Redenen van een weigering, in gewone woorden.' }),
  })
  .meta({ id: 'ChequeProofFacts', description: 'Wat het bewijs vermeldt, zonder persoonsgegevens.' });
export type ProofFacts = z.infer<typeof ProofFactsSchema>;

export function proofFacts(request: ChequeRequest): ProofFacts {
  return {
    reference: requestReference(request.id),
    requestedAt: request.createdAt,
    schoolYear: request.schoolYear,
    odbNumber: request.odbNumber,
    trainingTitle: request.training?.title ?? null,
    providerName: request.training?.providerName ?? null,
    amountCents: request.amountCents,
    contributionCents: request.contributionCents,
    governmentCents: request.governmentCents,
    status: request.status,
    decidedAt: request.updatedAt,
    reasons: request.reasons.map((reason) => reason.message),
  };
}

/** `GET /v1/cheque-requests/proofs/{code}`: is this proof genuine, and is its state still the current one? */
export const ProofVerificationSchema = z
  .object({
    genuine: z.literal(true).meta({ description: 'Het bewijs met deze code werd door de dienst opgemaakt.' }),
    code: z.string(),
    issuedAt: z.iso.datetime().meta({ description: 'Tijdstip waarop het bewijs werd opgemaakt (UTC).' }),
    facts: ProofFactsSchema,
    currentStatus: ChequeRequestStatusSchema.meta({ description: 'De toestand van de aanvraag nu.' }),
    current: z.boolean().meta({ description: 'true als de aanvraag nog in de toestand is die het bewijs aantoont.' }),
  })
  .meta({ id: 'ChequeProofVerification', description: 'Echtheid van een bewijs van een aanvraag van opleidingscheques.' });
export type ProofVerification = z.infer<typeof ProofVerificationSchema>;

export const ProofCodeParamsSchema = z.object({
  code: z
    .string()
    .regex(PROOF_CODE_PATTERN, { error: 'Een verificatiecode bestaat uit 4 groepen van 4 tekens, bijvoorbeeld 7K2M-QX4P-9TRB-A1CD.' })
    .meta({ description: 'Verificatiecode van het bewijs.', examples: ['7K2M-QX4P-9TRB-A1CD'] }),
});
