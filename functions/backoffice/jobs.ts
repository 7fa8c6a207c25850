import { openQuestion } from '../../shared/applications/application';
import { systemActor } from '../../shared/applications/history';
import { brusselsDate } from '../../shared/time/calendar';
import { DEFAULT_FORCED_FORWARD_MARGIN_DAYS, forcedForwardAdvice, isForcedForwardDueFor, isQuestionDeadlinePassed } from '../../shared/applications/deadlines';
import { dynamoApplicationStore } from '../applications/dynamo-store';
import { ApplicationVersionConflict } from '../applications/store';
import type { JobResult } from '../jobs/job-event';
import { forwardForcedMail } from '../mail/templates/forward-forced';
import { questionDeadlinePassedMail } from '../mail/templates/question-deadline-passed';
import { dynamoOrganisationStore } from '../organisations/dynamo-store';
import { runDueJob } from '../adapters/dynamo-due-index';
import type { BackofficePorts } from './ports';
import { DECISION_DEADLINES_JOB, decisionDeadlineDue, QUESTION_DEADLINES_JOB } from '../../shared/applications/due';

/** R-BO-1: what is recorded when the question went unanswered. */
export const ASSESSED_ON_AVAILABLE_INFORMATION = 'Beoordeeld op basis van de beschikbare informatie (antwoordtermijn verstreken zonder antwoord).';

export const forcedForwardMailId = (applicationId: string) => `decision-deadline-forward:${applicationId}`;
export const questionDeadlineMailId = (applicationId: string, questionNumber: number) => `question-deadline:${applicationId}:${questionNumber}`;

const DAY_MS = 86_400_000;

/** A concurrent change means someone else acted: leave the item to its new state (a later run re-examines it). */
async function unlessChanged(work: () => Promise<boolean>): Promise<boolean> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApplicationVersionConflict) return false;
    throw error;
  }
}

/** What the deadline jobs' steps touch (the due-index listing stays with `runDueJob`). */
export type JobPorts = Pick<BackofficePorts, 'applications' | 'organisations'>;

const jobPorts = (table: string): JobPorts => ({ applications: dynamoApplicationStore(table), organisations: dynamoOrganisationStore(table) });

/**
 * R-BO-1, one application: when its question went unanswered past its last day it moves back to
 * screening, the question closed "assessed on the information available", the contact told so; its
 * due entry becomes the decision deadline again (R-BO-2). False when there was nothing to do.
 */
export async function moveOnUnansweredQuestion(ports: JobPorts, id: string, now: Date): Promise<boolean> {
  const today = brusselsDate(now.toISOString());
  const app = await ports.applications.get(id);
  if (!app || app.duePk !== QUESTION_DEADLINES_JOB || app.status !== 'question-open') return false;
  const open = openQuestion(app);
  if (!open || !isQuestionDeadlinePassed(open.askedAt, today)) return false;
  const questions = app.questions.map((q) => (q === open ? { ...q, closedBy: 'deadline' as const, note: ASSESSED_ON_AVAILABLE_INFORMATION } : q));
  const org = await ports.organisations.get(app.orgKbo);
  await ports.applications.transition({
    application: app, event: 'question-deadline-passed', actor: 'system', actorId: systemActor(QUESTION_DEADLINES_JOB), reason: ASSESSED_ON_AVAILABLE_INFORMATION, now,
    changes: { questions },
    due: decisionDeadlineDue(app),
    // R-BO-1: the contact is told that the file is assessed as it stands.
    ...(org ? {
      mail: {
        outboxId: questionDeadlineMailId(app.id, app.questions.indexOf(open) + 1),
        mail: questionDeadlinePassedMail({
          to: org.contact.email, organisationName: org.name, applicationId: app.id, title: app.title ?? '',
          ownReference: app.ownReference ?? '', deadline: open.deadline,
        }),
      },
    } : {}),
  });
  return true;
}

/**
 * R-BO-2, one application: when its 3-month decision period ends within `marginDays` and it was not
 * forwarded, it goes to the VOC — with a negative advice for lack of information, and a mail saying
 * so, only when information is lacking (`forcedForwardAdvice`). Waiting for the quality registration
 * is not on this clock (R-ORG-3). False when there was nothing to do.
 */
export async function forceForwardAtDecisionDeadline(ports: JobPorts, id: string, now: Date, marginDays: number): Promise<boolean> {
  const today = brusselsDate(now.toISOString());
  const app = await ports.applications.get(id);
  if (!app || app.duePk !== DECISION_DEADLINES_JOB) return false;
  if (app.status === 'waiting-for-quality-registration') return false; // R-ORG-3: keep it due
  if (app.status !== 'screening' && app.status !== 'question-open') {
    await ports.applications.put(app, app.version, { due: null, previous: app }); // nothing left to force
    return false;
  }
  if (!isForcedForwardDueFor(app.deadlines, today, marginDays)) return false;
  const advice = forcedForwardAdvice(app);
  const org = await ports.organisations.get(app.orgKbo);
  await ports.applications.transition({
    application: app, event: 'decision-deadline-forward', actor: 'system', actorId: systemActor(DECISION_DEADLINES_JOB), now,
    reason: advice === 'negative' ? 'Naar de VOC met negatief advies wegens onvoldoende informatie (R-BO-2)' : 'Naar de VOC zonder advies: einde van de beslissingstermijn (R-BO-2)',
    changes: { forwarding: { to: 'VOC', advice, at: now.toISOString(), by: 'system' } },
    due: null,
    ...(org && advice === 'negative' ? {
      mail: {
        outboxId: forcedForwardMailId(app.id),
        mail: forwardForcedMail({
          to: org.contact.email, organisationName: org.name, applicationId: app.id, title: app.title ?? '',
          ownReference: app.ownReference ?? '', decisionPeriodEnd: app.deadlines?.decisionPeriodEnd ?? today,
        }),
      },
    } : {}),
  });
  return true;
}

/** `question-deadlines` (R-BO-1): Query on the due index only; a second run finds nothing due. */
export function runQuestionDeadlines(table: string, now: Date): Promise<JobResult> {
  const ports = jobPorts(table);
  return runDueJob({
    tableName: table, job: QUESTION_DEADLINES_JOB, now,
    act: (item) => unlessChanged(async () => item.type === 'application' && moveOnUnansweredQuestion(ports, String(item.id), now)),
  });
}

/**
 * `decision-deadlines` (R-BO-2). The due entries are for the default margin; a larger margin widens
 * the Query window, and the rule itself decides per application.
 */
export function runDecisionDeadlines(table: string, now: Date, marginDays: number = DEFAULT_FORCED_FORWARD_MARGIN_DAYS): Promise<JobResult> {
  const ports = jobPorts(table);
  const window = new Date(now.getTime() + Math.max(0, marginDays - DEFAULT_FORCED_FORWARD_MARGIN_DAYS) * DAY_MS);
  return runDueJob({
    tableName: table, job: DECISION_DEADLINES_JOB, now: window,
    act: (item) => unlessChanged(async () => item.type === 'application' && forceForwardAtDecisionDeadline(ports, String(item.id), now, marginDays)),
  }).then((result) => ({ ...result, job: DECISION_DEADLINES_JOB, details: { ...result.details, marginDays } }));
}
