/**
 * Events the cheque issuer (Edenred) posts to `POST /v1/issuer/events` (R-CHQ-7), and the pure parts
 * of their authentication: the signed payload is `${timestamp}.${rawBody}` (HMAC-SHA256 with a shared
 * secret, see signature.ts), and the timestamp must be fresh. Replays are refused by `eventId`
 * (the storage layer records each id once).
 */
import * as z from 'zod';
import type { Problem } from '../http/problem';

/** Suggested header names (lower case, as API Gateway delivers them). */
export const ISSUER_TIMESTAMP_HEADER = 'x-issuer-timestamp';
export const ISSUER_SIGNATURE_HEADER = 'x-issuer-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const Id = (what: string) =>
  z
    .string({ error: `${what} is verplicht.` })
    .min(1, { error: `${what} mag niet leeg zijn.` })
    .max(200, { error: `${what} is te lang.` });

const base = {
  eventId: Id('eventId').meta({ description: 'Unieke id van het event; een tweede event met dezelfde id wordt geweigerd.' }),
  requestId: Id('requestId').meta({ description: 'Id van de aanvraag van opleidingscheques.' }),
  occurredAt: z.iso
    .datetime({ error: 'occurredAt is een ISO 8601-tijdstip in UTC.' })
    .meta({ description: 'Tijdstip van het event (UTC).' }),
};

const strictError = {
  error: (issue: { code?: string; keys?: unknown }) =>
    issue.code === 'unrecognized_keys' && Array.isArray(issue.keys) ? `Onbekend veld: ${issue.keys.join(', ')}.` : undefined,
};

export const ContributionPaidEventSchema = z
  .strictObject({ ...base, type: z.literal('contribution-paid') }, strictError)
  .meta({ description: 'De werknemer heeft de persoonlijke bijdrage betaald.' });

export const ChequesDeliveredEventSchema = z
  .strictObject(
    {
      ...base,
      type: z.literal('cheques-delivered'),
      expiryDate: z.iso.date({ error: 'expiryDate is een datum (JJJJ-MM-DD).' }).meta({
        description: 'Vervaldatum van de geleverde cheques.',
      }),
    },
    strictError,
  )
  .meta({ description: 'De cheques zijn elektronisch geleverd.' });

export const ChequesExpiredEventSchema = z
  .strictObject(
    {
      ...base,
      type: z.literal('cheques-expired'),
      unusedCents: z
        .int({ error: 'unusedCents is een geheel aantal eurocent.' })
        .nonnegative({ error: 'unusedCents mag niet negatief zijn.' })
        .meta({ description: 'Niet gebruikt bedrag in eurocent; wordt teruggestort en komt weer vrij in het budget.' }),
    },
    strictError,
  )
  .meta({ description: 'De cheques zijn vervallen.' });

export const IssuerEventSchema = z
  .discriminatedUnion('type', [ContributionPaidEventSchema, ChequesDeliveredEventSchema, ChequesExpiredEventSchema], {
    error: 'type is contribution-paid, cheques-delivered of cheques-expired.',
  })
  .meta({ id: 'IssuerEvent', description: 'Event van de uitgever van de opleidingscheques.' });
export type IssuerEvent = z.infer<typeof IssuerEventSchema>;

/** Checks that need the stored request: the unused amount cannot exceed the requested amount. */
export function issuerEventProblems(event: IssuerEvent, request: { amountCents: number }): Problem[] {
  if (event.type === 'cheques-expired' && event.unusedCents > request.amountCents) {
    return [
      {
        path: 'unusedCents',
        code: 'R-CHQ-7',
        message: 'Het niet gebruikte bedrag is groter dan het bedrag van de aanvraag.',
      },
    ];
  }
  return [];
}

/** The string that is signed: `${timestamp}.${rawBody}` (the body exactly as received). */
export function signaturePayload(timestamp: string | number, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** A timestamp header value: whole seconds since the epoch, digits only; undefined otherwise. */
export function parseTimestampSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}

/** Fresh when at most `toleranceSeconds` from now, in either direction (clock skew). */
export function isFresh(timestampSeconds: number, nowSeconds: number, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS): boolean {
  return Number.isFinite(timestampSeconds) && Math.abs(nowSeconds - timestampSeconds) <= toleranceSeconds;
}
