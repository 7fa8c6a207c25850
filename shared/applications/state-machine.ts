import { conflict, forbidden, type Problem } from '../http/problem';

/**
 * The one state machine of an application (api.md "Application status").
 *
 *   draft ──submit──────────────────────────────▶ screening
 *   draft ──submit-pending-quality-registration─▶ waiting-for-quality-registration ──quality-registered──▶ screening   (R-ORG-3)
 *   draft ──submit-inadmissible─────────────────▶ inadmissible                                              (R-APP-5, R-CMP-3)
 *   draft ──cancel──────────────────────────────▶ cancelled                                                 (R-SUB-1)
 *   screening ──ask-question──▶ question-open ──answer / question-deadline-passed──▶ screening               (R-BO-1)
 *   screening ──forward / decision-deadline-forward──▶ forwarded                                            (R-DEC-2, R-BO-2)
 *   question-open ──decision-deadline-forward──▶ forwarded  (forced, negative advice; a back-office forward is refused: R-BO-1)
 *   forwarded ──approve──▶ approved      forwarded ──reject──▶ rejected                                     (R-BO-3)
 *
 * Which submit event applies is decided by `submitOutcome` (submission.ts).
 */
export const APPLICATION_STATUSES = [
  'draft',
  'inadmissible',
  'waiting-for-quality-registration',
  'screening',
  'question-open',
  'forwarded',
  'approved',
  'rejected',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  'submit',
  'submit-pending-quality-registration',
  'submit-inadmissible',
  'cancel',
  'quality-registered',
  'ask-question',
  'answer',
  'question-deadline-passed',
  'forward',
  'decision-deadline-forward',
  'approve',
  'reject',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export type Actor = 'provider' | 'backoffice' | 'system';

interface EventDefinition {
  /** Who may trigger it. */
  actors: readonly Actor[];
  /** Dutch name for messages. */
  label: string;
  /** from-status → to-status */
  moves: Partial<Record<ApplicationStatus, ApplicationStatus>>;
}

export const EVENTS: Readonly<Record<ApplicationEvent, EventDefinition>> = {
  submit: { actors: ['provider'], label: 'indienen', moves: { draft: 'screening' } },
  // R-ORG-3: submitted without quality registration: not sent on until it is recorded.
  'submit-pending-quality-registration': {
    actors: ['provider'],
    label: 'indienen (wacht op kwaliteitsregistratie)',
    moves: { draft: 'waiting-for-quality-registration' },
  },
  // R-APP-5, R-CMP-3: refused automatically on submit.
  'submit-inadmissible': { actors: ['provider'], label: 'indienen (onontvankelijk)', moves: { draft: 'inadmissible' } },
  // R-SUB-1: cancel discards a draft; after submitting the provider can no longer change it.
  cancel: { actors: ['provider'], label: 'annuleren', moves: { draft: 'cancelled' } },
  // R-ORG-3: recorded by the back office for the organisation; every waiting application moves on.
  'quality-registered': {
    actors: ['backoffice', 'system'],
    label: 'kwaliteitsregistratie vastgelegd',
    moves: { 'waiting-for-quality-registration': 'screening' },
  },
  // R-BO-1
  'ask-question': { actors: ['backoffice'], label: 'vraag stellen', moves: { screening: 'question-open' } },
  answer: { actors: ['provider'], label: 'vraag beantwoorden', moves: { 'question-open': 'screening' } },
  'question-deadline-passed': {
    actors: ['system'],
    label: 'antwoordtermijn verstreken',
    moves: { 'question-open': 'screening' },
  },
  // R-DEC-2; not from question-open (R-BO-1) nor waiting-for-quality-registration (R-ORG-3).
  forward: { actors: ['backoffice'], label: 'doorsturen naar de beslissingsinstantie', moves: { screening: 'forwarded' } },
  // R-BO-2: near the end of the decision period, forwarded to the VOC anyway with negative advice —
  // also while a question is still open; never without quality registration (R-ORG-3).
  'decision-deadline-forward': {
    actors: ['system'],
    label: 'verplicht doorsturen bij het einde van de beslissingstermijn',
    moves: { screening: 'forwarded', 'question-open': 'forwarded' },
  },
  // R-BO-3
  approve: { actors: ['backoffice'], label: 'goedkeuren', moves: { forwarded: 'approved' } },
  reject: { actors: ['backoffice'], label: 'afkeuren', moves: { forwarded: 'rejected' } },
};

export const STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'ontwerp',
  inadmissible: 'onontvankelijk',
  'waiting-for-quality-registration': 'wacht op kwaliteitsregistratie',
  screening: 'in screening',
  'question-open': 'vraag openstaand',
  forwarded: 'doorgestuurd naar de beslissingsinstantie',
  approved: 'goedgekeurd',
  rejected: 'afgekeurd',
  cancelled: 'geannuleerd',
};

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = ['inadmissible', 'approved', 'rejected', 'cancelled'];

/** The events allowed from a status (optionally only those this actor may trigger). */
export function allowedEvents(status: ApplicationStatus, actor?: Actor): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((event) => {
    const definition = EVENTS[event];
    return definition.moves[status] !== undefined && (actor === undefined || definition.actors.includes(actor));
  });
}

export function canTransition(status: ApplicationStatus, event: ApplicationEvent): boolean {
  return EVENTS[event].moves[status] !== undefined;
}

/** Extra explanation, with its rule id, for refusals people run into. */
function ruleReason(status: ApplicationStatus, event: ApplicationEvent): Problem | null {
  const forwarding = event === 'forward' || event === 'decision-deadline-forward';
  if (forwarding && status === 'question-open') {
    return {
      path: '',
      code: 'R-BO-1',
      message:
        'Er staat een vraag open bij de aanvrager. De aanvraag kan pas doorgestuurd worden na het antwoord of na de antwoordtermijn van een maand.',
    };
  }
  if (forwarding && status === 'waiting-for-quality-registration') {
    return {
      path: '',
      code: 'R-ORG-3',
      message:
        'De organisatie heeft nog geen kwaliteitsregistratie. De aanvraag wordt pas doorgestuurd zodra die is vastgelegd.',
    };
  }
  if ((event === 'cancel' || event.startsWith('submit')) && status !== 'draft') {
    return {
      path: '',
      code: 'R-SUB-1',
      message: 'Een ingediende aanvraag kan de aanvrager niet meer wijzigen, indienen of annuleren.',
    };
  }
  return null;
}

/**
 * The status after `event`, or a 409 problem (`conflict`) whose Dutch detail says what is allowed
 * and whose `allowed` lists the events allowed from `status`. With `actor`, an actor that may not
 * trigger the event gets a 403.
 */
export function transition(status: ApplicationStatus, event: ApplicationEvent, actor?: Actor): ApplicationStatus {
  const definition = EVENTS[event];
  if (actor !== undefined && !definition.actors.includes(actor)) {
    throw forbidden(`U mag deze actie (${definition.label}) niet uitvoeren.`);
  }
  const next = definition.moves[status];
  if (next !== undefined) return next;

  const allowed = allowedEvents(status);
  const allowedText =
    allowed.length === 0
      ? 'Vanuit deze status is geen enkele actie meer mogelijk.'
      : `Mogelijk vanuit deze status: ${allowed.map((e) => EVENTS[e].label).join(', ')}.`;
  const reason = ruleReason(status, event);
  const detail = `De actie '${definition.label}' is niet mogelijk voor een aanvraag met status '${STATUS_LABELS[status]}'. ${
    reason ? `${reason.message} ` : ''
  }${allowedText}`;
  return throwConflict(detail, allowed, reason);
}

function throwConflict(detail: string, allowed: ApplicationEvent[], reason: Problem | null): never {
  throw conflict(detail, { allowed, ...(reason ? { errors: [reason] } : {}) });
}
