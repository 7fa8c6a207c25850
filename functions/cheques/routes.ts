/**
 * The HTTP side of the cheque area, built from its ports so that the Lambda entries
 * (functions/api/cheques.ts, functions/api/issuer.ts) only wire adapters, and unit tests can drive the
 * same routes with an in-memory store.
 */
import {
  cancelChequeRequest as cancelOperation, createChequeRequest, getChequeProof, getChequeRequest, getEntitlement, listChequeRequests,
  postIssuerEvent, verifyChequeProof,
} from '../../shared/api/cheques';
import { proofCode, proofFacts } from '../../shared/cheques/proof';
import { ChequeWorkerSchema, type ChequeRequestBody } from '../../shared/cheques/cheque-request';
import { entitlementOf } from '../../shared/cheques/entitlement';
import type { ChequeEntitlementRules } from '../../shared/cheques/entitlement-rules';
import { configuredRulesFor as defaultRulesFor } from './rules';
import {
  ISSUER_SIGNATURE_HEADER,
  ISSUER_TIMESTAMP_HEADER,
  IssuerEventSchema,
  isFresh,
  parseTimestampSeconds,
} from '../../shared/cheques/issuer-events';
import { isValidRrn } from '../../shared/cheques/rrn';
import { verifyIssuerSignature } from '../../shared/cheques/signature';
import { brusselsDate, schoolYearOf } from '../../shared/time/calendar';
import { forbidden, notFound, ProblemError, validationFailed } from '../../shared/http/problem';
import type { Claims } from '../http/claims';
import { implement, type Implementation } from '../http/api-handler';
import { issuesToProblems } from '../http/validation';
import { cancelChequeRequest } from './cancel';
import { applyIssuerEvent } from './issuer-event';
import { renderProofPdf } from './proof-pdf';
import type { ChequeStore } from './store';
import { requestView } from './stored-request';
import { submitChequeRequest } from './submit';
import type { TrainingLookup } from './training-lookup';
import { workerHash } from './worker-hash';

export interface ChequeRouteDeps {
  store: ChequeStore;
  trainings: TrainingLookup;
  rrnHmacSecret: string;
  contributionPeriodDays: number;
  now: () => Date;
  newId: () => string;
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
}

/** The worker's keyed hash from the token's `rrn` claim (validated; never stored or logged itself). */
function workerOf(claims: Claims, secret: string): string {
  if (claims.rrn === undefined || !isValidRrn(claims.rrn)) {
    throw forbidden('Uw aanmelding bevat geen geldig rijksregisternummer. Meld u opnieuw aan als werknemer.');
  }
  return workerHash(secret, claims.rrn);
}

/**
 * Issue 12: when the identity provider vouches for the worker's e-mail address (`email` with
 * `email_verified`), every mail of the request goes there, whatever address the body names; so a
 * request cannot make the service mail a stranger. Without a verified claim the typed address is used.
 */
function withVerifiedEmail(body: ChequeRequestBody, claims: Claims): ChequeRequestBody {
  if (!claims.email || !claims.emailVerified || !ChequeWorkerSchema.shape.email.safeParse(claims.email).success) return body;
  return { ...body, worker: { ...body.worker, email: claims.email } };
}

export function chequeRoutes(deps: ChequeRouteDeps): Implementation[] {
  const rulesFor = deps.rulesFor ?? defaultRulesFor;
  return [
    implement(getEntitlement, async ({ claims, query }) => {
      const hash = workerOf(claims, deps.rrnHmacSecret);
      const schoolYear = query.schoolYear ?? schoolYearOf(brusselsDate(deps.now().toISOString()));
      const budget = await deps.store.budget(hash, schoolYear);
      return { status: 200, body: entitlementOf(schoolYear, budget, rulesFor(schoolYear)) };
    }),
    implement(createChequeRequest, async ({ claims, body }) => {
      const hash = workerOf(claims, deps.rrnHmacSecret);
      const request = await submitChequeRequest({ ...deps, rulesFor }, hash, withVerifiedEmail(body, claims));
      return { status: 201, body: requestView(request), headers: { location: `/v1/cheque-requests/${request.id}` } };
    }),
    implement(listChequeRequests, async ({ claims }) => {
      const hash = workerOf(claims, deps.rrnHmacSecret);
      const items = await deps.store.listByWorker(hash);
      return { status: 200, body: { items: items.map(requestView) } };
    }),
    implement(getChequeRequest, async ({ claims, params }) => {
      const hash = workerOf(claims, deps.rrnHmacSecret);
      const request = await deps.store.get(params.id);
      // Another worker's request is indistinguishable from one that does not exist (api.md: 404, not 403).
      if (!request || request.workerHash !== hash) throw notFound('Deze aanvraag bestaat niet of is niet van u.');
      return { status: 200, body: requestView(request) };
    }),
    implement(cancelOperation, async ({ claims, params }) => {
      const hash = workerOf(claims, deps.rrnHmacSecret);
      const cancelled = await cancelChequeRequest({ store: deps.store, rulesFor }, hash, params.id, deps.now());
      return { status: 200, body: requestView(cancelled) };
    }),
    implement(getChequeProof, async ({ claims, params }) => {
      const hash = workerOf(claims, deps.rrnHmacSecret);
      const request = await deps.store.get(params.id);
      if (!request || request.workerHash !== hash) throw notFound('Deze aanvraag bestaat niet of is niet van u.');
      // R-CHQ-8: the code is keyed with the service's secret (domain-separated from the worker hash), and
      // the proof is recorded once per state, so the department can verify it and a re-download is the same file.
      const proof = await deps.store.saveProof({
        code: proofCode(deps.rrnHmacSecret, request), requestId: request.id, issuedAt: deps.now().toISOString(), facts: proofFacts(request),
      });
      const pdf = await renderProofPdf({
        facts: proof.facts, code: proof.code, issuedAt: proof.issuedAt,
        workerName: `${request.worker.firstName} ${request.worker.lastName}`,
      });
      return {
        status: 200,
        body: pdf,
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="bewijs-opleidingscheques-${proof.facts.reference}.pdf"`,
          'cache-control': 'private, no-store',
        },
      };
    }),
    implement(verifyChequeProof, async ({ params }) => {
      const proof = await deps.store.getProof(params.code);
      if (!proof) throw notFound('Er is geen bewijs met deze verificatiecode. Kijk de code na.');
      const request = await deps.store.get(proof.requestId);
      const currentStatus = request?.status ?? proof.facts.status;
      return {
        status: 200,
        body: {
          genuine: true, code: proof.code, issuedAt: proof.issuedAt, facts: proof.facts, currentStatus,
          current: request !== undefined && request.status === proof.facts.status && request.updatedAt === proof.facts.decidedAt,
        },
      };
    }),
  ];
}

export interface IssuerRouteDeps {
  store: ChequeStore;
  webhookSecret: string;
  now: () => Date;
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
}

const badSignature = () =>
  new ProblemError(401, 'invalid-signature', 'Ongeldige handtekening',
    'De handtekening van het event ontbreekt of klopt niet. Er is niets gewijzigd.');
const staleEvent = () =>
  new ProblemError(401, 'stale-event', 'Verouderd event',
    'Het tijdstip van het event ligt meer dan 5 minuten van nu. Er is niets gewijzigd.');

export function issuerRoutes(deps: IssuerRouteDeps): Implementation[] {
  return [
    implement(postIssuerEvent, async ({ event, rawBody }) => {
      // Authenticate the exact bytes first; parse nothing before that.
      const timestampHeader = event.headers?.[ISSUER_TIMESTAMP_HEADER];
      const signature = event.headers?.[ISSUER_SIGNATURE_HEADER];
      const timestamp = parseTimestampSeconds(timestampHeader);
      if (timestamp === undefined || timestampHeader === undefined || signature === undefined || rawBody === undefined) throw badSignature();
      if (!verifyIssuerSignature(deps.webhookSecret, timestampHeader, rawBody, signature)) throw badSignature();
      const now = deps.now();
      if (!isFresh(timestamp, Math.floor(now.getTime() / 1000))) throw staleEvent();

      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw validationFailed([{ path: '', code: 'invalid_json', message: 'De inhoud is geen geldige JSON.' }]);
      }
      const parsed = IssuerEventSchema.safeParse(json);
      if (!parsed.success) throw validationFailed(issuesToProblems(parsed.error.issues));
      const request = await applyIssuerEvent({ store: deps.store, ...(deps.rulesFor ? { rulesFor: deps.rulesFor } : {}) }, parsed.data, now);
      return { status: 200, body: { eventId: parsed.data.eventId, requestId: request.id, status: request.status } };
    }),
  ];
}
