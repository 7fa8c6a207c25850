/**
 * Item keys of the main table (single-table design). Every item has a `type`. Keep all key shapes
 * here so access patterns are visible in one place.
 *
 * | type          | pk                    | sk                 | gsi1 (pk / sk)                        | gsi2 (pk / sk)                      |
 * |---------------|-----------------------|--------------------|---------------------------------------|-------------------------------------|
 * | organisation  | ORG#<kbo>             | PROFILE            | ORGS / <kbo>                          |                                     |
 * | application   | APP#<id>              | APP                | ORG#<kbo>#APPS / <createdAt>#<id>     | APPSTATUS#<status> / <submittedAt>#<id> |
 * | appHistory    | APP#<id>              | HIST#<at>#<n>      | (append-only, R-BO-6)                 |                                     |
| appToken      | APP#<id>              | TOKEN#<token>      |                                       | APPTOKEN#<token>#<status> / <submittedAt>#<id> |
 * | registration  | REG#<odbNumber>       | REG                | ORG#<kbo>#REGS / <validFrom>#<odb>    | REGSTATUS#<status> / <odbNumber>    |
 * | regModule     | REG#<moduleOdbNumber> | MODULE             | (points to its training: `trainingOdbNumber`)                               |
 * | evalReminder  | REG#<odbNumber>       | EVALREMINDER       | (due entry `evaluation-overdue`, R-BO-5)                                    |
 * | counter       | COUNTER#<name>        | COUNTER            |                                       |                                     |
 * | odbAllocation | ODBALLOC#<appId>      | ODBALLOC           |                                       |                                     |
 * | outbox        | OUTBOX#<id>           | OUTBOX             |                                       |                                     |
 * | chequeRequest | CHQ#<id>              | CHQ                | WORKER#<hash> / <createdAt>#<id>      |                                     |
 * | budget        | WORKER#<hash>         | BUDGET#<schoolYear>|                                       |                                     |
 * | issuerEvent   | ISSUEREVENT#<eventId> | ISSUEREVENT        |                                       |                                     |
 * | claim         | CLAIM#<kbo>#<kind>#<value> | CLAIM         | (an own reference or language held by `applicationId`)                      |
 *
 * Worklist index (`worklist`, wlpk / wlsk): applications and their search tokens, partitioned as in
 * gsi2, sorted by `<next deadline>#<submittedAt>#<id>` (functions/applications/worklist-items.ts).
 *
 * Due index (`due`): `duePk` = the job name that must act on the item, `dueAt` = ISO time from which
 * it is due. Set it when an item becomes due for a job; remove both attributes when the job has acted.
 */
export const keys = {
  organisation: (kbo: string) => ({ pk: `ORG#${kbo}`, sk: 'PROFILE' }),
  application: (id: string) => ({ pk: `APP#${id}`, sk: 'APP' }),
  /** One append-only history entry of an application (R-BO-6); `n` makes entries of one instant unique. */
  applicationHistory: (id: string, at: string, n: string) => ({ pk: `APP#${id}`, sk: `HIST#${at}#${n}` }),
  /** One search token of a submitted application, for the back office's worklist (functions/applications/worklist-items.ts). */
  applicationToken: (id: string, token: string) => ({ pk: `APP#${id}`, sk: `TOKEN#${token}` }),
  registration: (odbNumber: string) => ({ pk: `REG#${odbNumber}`, sk: 'REG' }),
  /** A module's own ODB number (R-BO-4), pointing to its training's registration. */
  registrationModule: (moduleOdbNumber: string) => ({ pk: `REG#${moduleOdbNumber}`, sk: 'MODULE' }),
  /** R-BO-5: the `evaluation-overdue` due entry of a registration, beside it. */
  evaluationReminder: (odbNumber: string) => ({ pk: `REG#${odbNumber}`, sk: 'EVALREMINDER' }),
  counter: (name: string) => ({ pk: `COUNTER#${name}`, sk: 'COUNTER' }),
  /** The ODB numbers reserved for one approved application (R-BO-4): a replayed approval reuses them. */
  odbAllocation: (applicationId: string) => ({ pk: `ODBALLOC#${applicationId}`, sk: 'ODBALLOC' }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  chequeRequest: (id: string) => ({ pk: `CHQ#${id}`, sk: 'CHQ' }),
  budget: (workerHash: string, schoolYear: string) => ({ pk: `WORKER#${workerHash}`, sk: `BUDGET#${schoolYear}` }),
  issuerEvent: (eventId: string) => ({ pk: `ISSUEREVENT#${eventId}`, sk: 'ISSUEREVENT' }),
  /** An own reference or a language of an organisation, held by one submitted application (uniqueness by conditional write). */
  claim: (kbo: string, kind: string, value: string) => ({ pk: `CLAIM#${kbo}#${kind}#${value}`, sk: 'CLAIM' }),
  /** A worker's proof of a cheque request (R-CHQ-8), by its verification code. */
  chequeProof: (code: string) => ({ pk: `PROOF#${code}`, sk: 'PROOF' }),
} as const;

export const gsi = {
  orgApplications: (kbo: string) => `ORG#${kbo}#APPS`,
  applicationStatus: (status: string) => `APPSTATUS#${status}`,
  orgRegistrations: (kbo: string) => `ORG#${kbo}#REGS`,
  registrationStatus: (status: string) => `REGSTATUS#${status}`,
  workerRequests: (workerHash: string) => `WORKER#${workerHash}`,
  organisations: 'ORGS',
} as const;
