import { openQuestion, type Question } from '../../shared/applications/application';
import type { AnswerBody, QuestionBody } from '../../shared/applications/backoffice-bodies';
import { questionDeadline } from '../../shared/applications/deadlines';
import { allowedEvents, transition } from '../../shared/applications/state-machine';
import { conflict, validationFailed } from '../../shared/http/problem';
import { loadOwn, toApplicationResponse, withVersionRetry } from '../applications/use-cases';
import { questionAskedMail } from '../mail/templates/question-asked';
import { loadApplication, questionMailId, type ActorId } from './context';
import type { BackofficePorts } from './ports';
import { decisionDeadlineDue, earlierDue, questionDeadlineEntry } from '../../shared/applications/due';
import { view } from './view';

/** R-BO-1: the back office asks for more information; one month to answer; the contact is mailed. */
export async function askQuestion(ports: BackofficePorts, id: string, body: QuestionBody, now: Date, actorId: ActorId) {
  return withVersionRetry(async () => {
    const app = await loadApplication(ports, id);
    transition(app.status, 'ask-question', 'backoffice'); // 409 with what is allowed, before anything else
    const org = await ports.organisations.get(app.orgKbo);
    const askedAt = now.toISOString();
    const question: Question = {
      question: body.question, askedAt, deadline: questionDeadline(askedAt), answer: null, answeredAt: null, closedBy: null,
    };
    const questions = [...app.questions, question];
    const updated = await ports.applications.transition({
      application: app, event: 'ask-question', actor: 'backoffice', actorId, reason: question.question, now,
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
    return view(ports, updated, now, org);
  });
}

/**
 * R-BO-1: the provider answers the open question, optionally with documents uploaded through the
 * application's document slots: back to screening; the decision deadline is due again.
 */
export async function answerQuestion(ports: Pick<BackofficePorts, 'applications'>, kbo: string, id: string, body: AnswerBody, now: Date, actorId: ActorId) {
  return withVersionRetry(async () => {
    const app = await loadOwn(ports.applications, kbo, id);
    transition(app.status, 'answer', 'provider');
    const open = openQuestion(app);
    if (!open) throw conflict('Er staat geen vraag open bij deze aanvraag.', { allowed: allowedEvents(app.status) });
    // Attached documents must be uploaded documents of this application; every bad one is listed.
    const problems = body.documentIds.flatMap((documentId, index) => (app.documents.some((d) => d.id === documentId && d.status === 'uploaded') ? [] : [{
      path: `documentIds.${index}`, code: 'R-BO-1',
      message: 'Dit document hoort niet bij deze aanvraag of is nog niet opgeladen. Laad het eerst op via de documenten van de aanvraag.',
    }]));
    if (problems.length > 0) throw validationFailed(problems, 'Het antwoord kan niet bewaard worden. Zie de lijst met problemen.');
    const answeredAt = now.toISOString();
    const questions = app.questions.map((q) => (q === open
      ? { ...q, answer: body.answer, answeredAt, closedBy: 'answer' as const, answerDocumentIds: body.documentIds }
      : q));
    const updated = await ports.applications.transition({
      application: app, event: 'answer', actor: 'provider', actorId, reason: body.answer, now, changes: { questions }, due: decisionDeadlineDue(app),
    });
    return toApplicationResponse(updated);
  });
}
