import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../shared/http/problem';
import {
  allowedEvents,
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  type ApplicationEvent,
  type ApplicationStatus,
  canTransition,
  TERMINAL_STATUSES,
  transition,
} from '../../../shared/applications/state-machine';

const LEGAL: [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
  ['draft', 'submit', 'screening'],
  ['draft', 'submit-pending-quality-registration', 'waiting-for-quality-registration'],
  ['draft', 'submit-inadmissible', 'inadmissible'],
  ['draft', 'cancel', 'cancelled'],
  ['waiting-for-quality-registration', 'quality-registered', 'screening'],
  ['screening', 'ask-question', 'question-open'],
  ['screening', 'forward', 'forwarded'],
  ['screening', 'decision-deadline-forward', 'forwarded'],
  ['question-open', 'answer', 'screening'],
  ['question-open', 'question-deadline-passed', 'screening'],
  ['question-open', 'decision-deadline-forward', 'forwarded'],
  ['forwarded', 'approve', 'approved'],
  ['forwarded', 'reject', 'rejected'],
];

function caught(action: () => unknown): ProblemError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('application state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    // Act
    const next = transition(from, event);
    // Assess
    expect(next).toBe(to);
  });

  const legalKeys = new Set(LEGAL.map(([from, event]) => `${from}|${event}`));
  const illegal = APPLICATION_STATUSES.flatMap((status) =>
    APPLICATION_EVENTS.filter((event) => !legalKeys.has(`${status}|${event}`)).map((event) => [status, event] as const),
  );

  it.each(illegal)('%s does not allow %s: 409 with the allowed events', (status, event) => {
    // Act
    const error = caught(() => transition(status, event));
    // Assess
    expect(error.status).toBe(409);
    expect(error.allowed).toEqual(allowedEvents(status));
    expect(error.message).toMatch(/niet mogelijk/);
  });

  it('the table of legal transitions is complete', () => {
    const legalCount = APPLICATION_STATUSES.flatMap((s) => APPLICATION_EVENTS.filter((e) => canTransition(s, e))).length;
    expect(legalCount).toBe(LEGAL.length);
  });

  it('terminal statuses allow nothing', () => {
    for (const status of TERMINAL_STATUSES) expect(allowedEvents(status)).toEqual([]);
  });

  it('R-BO-1: while a question is open the back office cannot forward', () => {
    // Act
    const error = caught(() => transition('question-open', 'forward'));
    // Assess
    expect(error.status).toBe(409);
    expect(error.errors).toEqual([expect.objectContaining({ code: 'R-BO-1' })]);
    expect(error.allowed).toEqual(['answer', 'question-deadline-passed', 'decision-deadline-forward']);
  });

  it('R-BO-1: after the answer or the deadline it can be forwarded again', () => {
    expect(transition(transition('question-open', 'answer'), 'forward')).toBe('forwarded');
    expect(transition(transition('question-open', 'question-deadline-passed'), 'forward')).toBe('forwarded');
  });

  it('R-BO-2: near the end of the decision period it is forwarded even with a question open', () => {
    expect(transition('question-open', 'decision-deadline-forward', 'system')).toBe('forwarded');
  });

  it('R-ORG-3: waiting for quality registration cannot be forwarded, not even by the deadline job', () => {
    const manual = caught(() => transition('waiting-for-quality-registration', 'forward'));
    const forced = caught(() => transition('waiting-for-quality-registration', 'decision-deadline-forward'));
    expect(manual.errors).toEqual([expect.objectContaining({ code: 'R-ORG-3' })]);
    expect(forced.status).toBe(409);
    expect(manual.allowed).toEqual(['quality-registered']);
  });

  it('R-ORG-3: recording the quality registration moves it to screening', () => {
    expect(transition('waiting-for-quality-registration', 'quality-registered', 'backoffice')).toBe('screening');
  });

  it('R-SUB-1: after submitting the provider can no longer cancel', () => {
    const error = caught(() => transition('screening', 'cancel', 'provider'));
    expect(error.status).toBe(409);
    expect(error.errors).toEqual([expect.objectContaining({ code: 'R-SUB-1' })]);
  });

  it('R-SUB-1: a draft can be cancelled by the provider', () => {
    expect(transition('draft', 'cancel', 'provider')).toBe('cancelled');
  });

  it('an actor that may not trigger an event gets 403', () => {
    expect(caught(() => transition('forwarded', 'approve', 'provider')).status).toBe(403);
    expect(caught(() => transition('draft', 'submit', 'backoffice')).status).toBe(403);
  });

  it('allowedEvents can be filtered by actor', () => {
    expect(allowedEvents('question-open', 'provider')).toEqual(['answer']);
    expect(allowedEvents('question-open', 'system')).toEqual(['question-deadline-passed', 'decision-deadline-forward']);
  });
});
