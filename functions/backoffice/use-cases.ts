import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { openQuestion, type Application, type Decision, type Question } from '../../shared/applications/application';
import type { AnswerBody, DecisionRequest, ForwardBody, QuestionBody } from '../../shared/applications/backoffice-bodies';
import { isKnownDecisionBody } from '../../shared/applications/backoffice-bodies';
import { brusselsDate } from '../../shared/time/calendar';
import { questionDeadline } from '../../shared/applications/deadlines';
import { allowedEvents, transition, type ApplicationStatus } from '../../shared/applications/state-machine';
import { notFound, conflict, validationFailed } from '../../shared/http/problem';
import type { QualityRegistrationBody } from '../../shared/organisations/organisation';
import { toOrganisationResponse } from '../../shared/organisations/organisation';
import { REFERENCE_DATA } from '../../shared/reference/reference-data';
import { proposedSeriesFor } from '../../shared/registrations/odb-number';
import {
  allApplicationsOfOrg,
  statusQueueCursor,
  getApplication,
  listApplicationsByStatus,
  transitionApplication,
  type StoredApplication,
} from '../applications/repository';
import { toApplicationResponse, withVersionRetry } from '../applications/use-cases';
import { retryOnConflict } from '../../shared/concurrency/retry';
import { loadOwnApplication } from '../applications/wiring';
import { applicationDocumentKey } from '../documents/application-documents';
import { s3 } from '../documents/store';
import { decisionRejectedMail } from '../mail/templates/decision-rejected';
import { questionAskedMail } from '../mail/templates/question-asked';
import { getOrganisation, OrganisationVersionConflict, saveOrganisation, type StoredOrganisation } from '../organisations/repository';
import { registerApprovedApplication } from '../registrations/register';
import { gsi } from '../storage/keys';
import { decisionDeadlineEntry } from '../applications/due';
import { decisionDeadlineDue, earlierDue, questionDeadlineEntry } from './due';

export interface BackofficeConfig {
  table: string;
  bucket: string;
}

/** Seconds a document download link stays valid. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

/** Deterministic outbox ids: one mail per cause, so a retried use case cannot send a second one. */
export const questionMailId = (applicationId: string, questionNumber: number) => `question:${applicationId}:${questionNumber}`;
export const rejectionMailId = (applicationId: string) => `decision-rejected:${applicationId}`;

async function loadApplication(table: string, id: string): Promise<StoredApplication> {
  const app = await getApplication(table, id);
  // Drafts are the provider's own work: the back office only sees submitted applications.
  if (!app || app.submittedAt === null) throw notFound('Deze aanvraag bestaat niet of is nog niet ingediend.');
  return app;
}

async function documentLinks(bucket: string, app: Application, now: Date) {
  const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  return Promise.all(app.documents.map(async (document) => {
    if (document.status !== 'uploaded') return { ...document, downloadUrl: null, downloadExpiresAt: null };
    const downloadUrl = await getSignedUrl(s3(), new GetObjectCommand({
      Bucket: bucket,
      Key: applicationDocumentKey(app.id, document.id),
      ResponseContentType: document.contentType,
      ResponseContentDisposition: `attachment; filename="${document.name.replace(/["\\]/g, '_')}"`,
    }), { expiresIn: DOWNLOAD_LINK_SECONDS });
    return { ...document, downloadUrl, downloadExpiresAt: expiresAt };
  }));
}

/** Everything the back office sees of an application, documents as short-lived download links. */
export async function toBackofficeView(config: BackofficeConfig, app: StoredApplication, org: StoredOrganisation | null, now: Date) {
  const { duePk, dueAt, ...rest } = app;
  return {
    ...rest,
    documents: await documentLinks(config.bucket, app, now),
    allowedEvents: allowedEvents(app.status, 'backoffice'),
    due: duePk && dueAt ? { job: duePk, at: dueAt } : null,
    // R-CHQ-4, R-BO-4: the provider's proposal (the kind only suggests the series) beside what was granted.
    grant: {
      proposed: { chequeCategory: app.chequeCategory ?? null, series: org ? proposedSeriesFor(org.kind) : null },
      granted: app.decision?.outcome === 'approved' ? { chequeCategory: app.decision.chequeCategory ?? null, series: app.decision.series ?? null } : null,
    },
    organisation: org
      ? { kbo: org.kbo, name: org.name, kind: org.kind, contact: org.contact, qualityRegistration: org.qualityRegistration }
      : null,
  };
}

async function view(config: BackofficeConfig, app: StoredApplication, now: Date, org?: StoredOrganisation | null) {
  return toBackofficeView(config, app, org === undefined ? await getOrganisation(config.table, app.orgKbo) : org, now);
}

// ── GET /v1/backoffice/applications, GET …/{id} ─────────────────────────────────────────────

export async function listQueue(
  config: BackofficeConfig,
  query: { status: ApplicationStatus; limit?: string | undefined; cursor?: string | undefined },
) {
  const startKey = query.cursor === undefined ? undefined : statusQueueCursor.decode(query.cursor, { gsi2pk: gsi.applicationStatus(query.status) });
  const page = await listApplicationsByStatus(config.table, query.status, {
    limit: query.limit ? Number(query.limit) : 50,
    ...(startKey ? { startKey } : {}),
  });
  return { items: page.items.map((app) => ({ ...toApplicationResponse(app), orgKbo: app.orgKbo })), nextCursor: page.nextCursor };
}

export async function readForBackoffice(config: BackofficeConfig, id: string, now: Date) {
  return view(config, await loadApplication(config.table, id), now);
}

// ── R-BO-1: questions and answers ────────────────────────────────────────────────────────────

export async function askQuestion(config: BackofficeConfig, id: string, body: QuestionBody, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadApplication(config.table, id);
    transition(app.status, 'ask-question', 'backoffice'); // 409 with what is allowed, before anything else
    const org = await getOrganisation(config.table, app.orgKbo);
    const askedAt = now.toISOString();
    const question: Question = {
      question: body.question, askedAt, deadline: questionDeadline(askedAt), answer: null, answeredAt: null, closedBy: null,
    };
    const questions = [...app.questions, question];
    const updated = await transitionApplication(config.table, {
      application: app, event: 'ask-question', actor: 'backoffice', now,
      changes: { questions },
      // R-BO-2 keeps running while the question is open: the earlier of both deadlines is due first.
      due: earlierDue(questionDeadlineEntry(question.deadline), decisionDeadlineDue(app)),
      ...(org ? {
        mail: {
          outboxId: questionMailId(app.id, questions.length),
          mail: questionAskedMail({
            to: org.contact.email, organisationName: org.name, applicationId: app.id, title: app.title ?? '',
            ownReference: app.ownReference ?? '', question: question.question, deadline: question.deadline,
          }),
        },
      } : {}),
    });
    return view(config, updated, now, org);
  });
}

/** The provider answers the open question: back to screening; the decision deadline is due again. */
export async function answerQuestion(config: BackofficeConfig, kbo: string, id: string, body: AnswerBody, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadOwnApplication(config, kbo, id);
    transition(app.status, 'answer', 'provider');
    const open = openQuestion(app);
    if (!open) throw conflict('Er staat geen vraag open bij deze aanvraag.', { allowed: allowedEvents(app.status) });
    // R-BO-1: attached documents must be uploaded documents of this application; every bad one is listed.
    const problems = body.documentIds.flatMap((documentId, index) => (app.documents.some((d) => d.id === documentId && d.status === 'uploaded') ? [] : [{
      path: `documentIds.${index}`, code: 'R-BO-1',
      message: 'Dit document hoort niet bij deze aanvraag of is nog niet opgeladen. Laad het eerst op via de documenten van de aanvraag.',
    }]));
    if (problems.length > 0) throw validationFailed(problems, 'Het antwoord kan niet bewaard worden. Zie de lijst met problemen.');
    const answeredAt = now.toISOString();
    const questions = app.questions.map((q) => (q === open
      ? { ...q, answer: body.answer, answeredAt, closedBy: 'answer' as const, answerDocumentIds: body.documentIds }
      : q));
    const updated = await transitionApplication(config.table, {
      application: app, event: 'answer', actor: 'provider', now, changes: { questions }, due: decisionDeadlineDue(app),
    });
    return { ...toApplicationResponse(updated), questions: updated.questions };
  });
}

// ── R-DEC-2: forward ─────────────────────────────────────────────────────────────────────────

export async function forwardApplication(config: BackofficeConfig, id: string, body: ForwardBody, now: Date) {
  if (!isKnownDecisionBody(body.to, REFERENCE_DATA)) {
    throw validationFailed([{
      path: 'to', code: 'R-DEC-2',
      message: `"${body.to}" is geen paritair comité uit de lijst. Kies "VOC" of een van: ${REFERENCE_DATA.jointCommittees.map((c) => c.code).join(', ')}.`,
    }]);
  }
  return withVersionRetry(async () => {
    const app = await loadApplication(config.table, id);
    const updated = await transitionApplication(config.table, {
      application: app, event: 'forward', actor: 'backoffice', now,
      changes: { forwarding: { to: body.to, advice: body.advice, at: now.toISOString(), by: 'backoffice' } },
      due: null,
    });
    return view(config, updated, now);
  });
}

// ── R-BO-3, R-BO-4: decision ─────────────────────────────────────────────────────────────────

/**
 * Records the decision body's outcome. Approval registers the training (ODB numbers allocated at
 * most once per application, `registerApprovedApplication`) in the SAME transaction as the status
 * change; rejection mails the reason. The same decision again returns the current state and
 * allocates nothing (a replay, or a concurrent duplicate that lost).
 */
export async function decideApplication(config: BackofficeConfig, id: string, body: DecisionRequest, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadApplication(config.table, id);
    if (app.decision && app.decision.outcome === body.outcome && app.status === body.outcome) return view(config, app, now);
    const event = body.outcome === 'approved' ? 'approve' : 'reject';
    transition(app.status, event, 'backoffice'); // refuse before allocating anything
    const org = await getOrganisation(config.table, app.orgKbo);
    const decision: Decision = {
      outcome: body.outcome, validFrom: body.validFrom ?? null, reason: body.reason?.trim() || null, decidedAt: now.toISOString(),
      ...(body.outcome === 'approved' ? { chequeCategory: body.chequeCategory ?? null, series: body.series ?? null } : {}),
    };

    if (body.outcome === 'rejected') {
      const updated = await transitionApplication(config.table, {
        application: app, event, actor: 'backoffice', now, changes: { decision }, due: null,
        ...(org ? {
          mail: {
            outboxId: rejectionMailId(app.id),
            mail: decisionRejectedMail({
              to: org.contact.email, organisationName: org.name, applicationId: app.id, title: app.title ?? '',
              ownReference: app.ownReference ?? '', reason: decision.reason ?? '',
            }),
          },
        } : {}),
      });
      return view(config, updated, now, org);
    }

    if (!org) throw conflict('De organisatie van deze aanvraag heeft geen gegevens; registreren is niet mogelijk.');
    if (!body.chequeCategory || !body.validFrom) throw new Error('decisionRequestSchema lets no approval without validFrom and chequeCategory through');
    const prepared = await registerApprovedApplication(
      { application: app, organisation: org, validFrom: body.validFrom, grant: { chequeCategory: body.chequeCategory, series: body.series ?? null }, now },
      { tableName: config.table },
    );
    const updated = await transitionApplication(config.table, {
      application: app, event, actor: 'backoffice', now,
      changes: { decision, odbNumbers: prepared.numbers },
      due: null,
      extraItems: prepared.transactItems, // registration, replaced registration (R-REG-2), mail with the numbers
    });
    return view(config, updated, now, org);
  });
}

// ── R-ORG-3: quality registration ────────────────────────────────────────────────────────────

async function saveQualityRegistration(table: string, kbo: string, body: QualityRegistrationBody, now: Date): Promise<StoredOrganisation> {
  return retryOnConflict(async () => {
    const org = await getOrganisation(table, kbo);
    if (!org) throw notFound('Deze organisatie heeft nog geen gegevens ingevuld.');
    const { version, ...rest } = org;
    return saveOrganisation(table, {
      ...rest,
      qualityRegistration: { registered: body.registered, since: body.registered ? body.since : null },
      updatedAt: now.toISOString(),
    }, version);
  }, (error) => error instanceof OrganisationVersionConflict, 'De organisatiegegevens werden tegelijk gewijzigd. Probeer het opnieuw.');
}

/**
 * R-ORG-3: records the quality registration (version-checked) and moves every application of the
 * organisation that waited for it on to `screening` (event `quality-registered`). Repeating the
 * request moves whatever is still waiting, so an interrupted run is completed by the next.
 */
export async function recordQualityRegistration(config: BackofficeConfig, kbo: string, body: QualityRegistrationBody, now: Date) {
  const saved = await saveQualityRegistration(config.table, kbo, body, now);
  const moved: string[] = [];
  if (saved.qualityRegistration.registered) {
    const waiting = (await allApplicationsOfOrg(config.table, kbo)).filter((app) => app.status === 'waiting-for-quality-registration');
    for (const candidate of waiting) {
      const done = await withVersionRetry(async () => {
        const app = await getApplication(config.table, candidate.id);
        if (!app || app.status !== 'waiting-for-quality-registration') return false;
        // R-ORG-3: the 3-month decision period starts now that the application can be sent on.
        const { deadlines, due } = decisionDeadlineEntry(now.toISOString());
        await transitionApplication(config.table, { application: app, event: 'quality-registered', actor: 'backoffice', now, changes: { deadlines }, due });
        return true;
      });
      if (done) moved.push(candidate.id);
    }
  }
  return { ...toOrganisationResponse(saved), applicationsMovedToScreening: moved };
}

export const todayOf = (now: Date) => brusselsDate(now.toISOString());
