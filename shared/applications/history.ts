import * as z from 'zod';
import { APPLICATION_EVENTS, type ApplicationEvent } from './state-machine';

/**
 * R-BO-6: the dossier's history (audit trail). Every step — state change, question, answer,
 * forward, decision, amendment, quality registration, evaluation — is one append-only entry, written
 * in the SAME transaction as the change: who (the token's `sub`, or `system:<job name>` for a job),
 * when, what and why. No route edits or deletes an entry.
 */
export const HISTORY_EVENTS = [...APPLICATION_EVENTS, 'amend', 'evaluation', 'evaluation-overdue'] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

export const historyEntrySchema = z
  .object({
    at: z.string().meta({ description: 'Tijdstip (ISO 8601)' }),
    actor: z.string().meta({ description: 'Wie: de `sub` van het token, of `system:<job>` voor een geplande taak' }),
    event: z.enum(HISTORY_EVENTS),
    reason: z.string().nullable().meta({ description: 'Waarom (motivering, vraag, wat er gewijzigd werd, …)' }),
  })
  .meta({ description: 'Stap in de historiek van een dossier (R-BO-6), onveranderlijk' });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The actor of a scheduled job (R-BO-6). */
export const systemActor = (job: string) => `system:${job}`;

/**
 * What the provider sees of the history (R-SUB-2, R-BO-3): the steps of its own dossier, without who
 * in the department did it and without internal reasons (the back office's advice, notes). The
 * reason is shown only where it is the provider's own information or was told to the provider
 * anyway (the question, the answer, the refusal's motivation, what an amendment changed).
 */
const PROVIDER_REASONS: ReadonlySet<HistoryEvent> = new Set<HistoryEvent>(['ask-question', 'answer', 'reject', 'amend', 'submit-inadmissible']);

export const providerHistoryEntrySchema = z
  .object({
    at: z.string(),
    event: z.enum(HISTORY_EVENTS),
    by: z.enum(['provider', 'backoffice', 'system']).meta({ description: 'Wie de stap zette: de aanbieder, het departement of automatisch' }),
    reason: z.string().nullable(),
  })
  .meta({ description: 'Stap in het dossier zoals de aanbieder die ziet' });
export type ProviderHistoryEntry = z.infer<typeof providerHistoryEntrySchema>;

const PROVIDER_EVENTS: ReadonlySet<HistoryEvent> = new Set<HistoryEvent>(['submit', 'submit-pending-quality-registration', 'submit-inadmissible', 'cancel', 'answer']);

export function providerHistory(entries: readonly HistoryEntry[]): ProviderHistoryEntry[] {
  return entries.map((entry) => ({
    at: entry.at,
    event: entry.event,
    by: entry.actor.startsWith('system:') ? 'system' : PROVIDER_EVENTS.has(entry.event) ? 'provider' : 'backoffice',
    reason: PROVIDER_REASONS.has(entry.event) ? entry.reason : null,
  }));
}

export function isStateEvent(event: HistoryEvent): event is ApplicationEvent {
  return (APPLICATION_EVENTS as readonly string[]).includes(event);
}
