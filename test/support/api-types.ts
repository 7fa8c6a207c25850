import type { z } from 'zod';
import type { backofficeOperations } from '../../shared/api/backoffice';
import type { catalogueOperations } from '../../shared/api/catalogue';
import type { chequeOperations } from '../../shared/api/cheques';
import type { platformOperations } from '../../shared/api/platform';
import type { providerOperations } from '../../shared/api/provider';
import type { registrationOperations } from '../../shared/api/registrations';
import type { gatewayTooLargeSchema, gatewayUnauthorizedSchema, problemSchema } from '../../shared/api/responses';

/*
 * Issue 15: the type of a response the test HTTP helpers return, computed from the contract, so a test
 * cannot read a field the contract does not promise. The operation is found from the literal method and
 * path of the call, as the gateway routes it (test/support/contract-check.ts `operationFor` does the same
 * at run time); the response is a union by status, and `expectStatus(response, 201)` narrows it to the
 * body documented for that status. A path the types cannot route (a `string` variable, `/local/…`) gives
 * `body: unknown`.
 *
 * The run-time check stays the exact one (shared/api/responses.ts `documentedResponses`). The static
 * type of the statuses the chain adds to every operation is an upper bound of it, with one reading:
 * the gateway's own 400 for a path it cannot decode is left out of the type (no test reads its body
 * by field; the run-time check still checks it).
 */

/** Every operation of the contract, each with its literal method, path and responses. */
export type ContractOperation =
  | (typeof platformOperations)[number]
  | (typeof catalogueOperations)[number]
  | (typeof chequeOperations)[number]
  | (typeof providerOperations)[number]
  | (typeof registrationOperations)[number]
  | (typeof backofficeOperations)[number];

export type Problem = z.output<typeof problemSchema>;

type Segments<P extends string> = P extends `/${infer R}` ? Segments<R>
  : P extends '' ? []
    : P extends `${infer H}/${infer T}` ? [H, ...Segments<T>] : [P];

type WithoutQuery<P extends string> = P extends `${infer B}?${string}` ? B : P;

type IsParam<S> = S extends `{${string}}` ? true : false;

/** Does the call's path (segments; `string` where the test interpolated a value) fit the template? */
type Fits<Template extends string[], Call extends string[]> = Template extends [infer T extends string, ...infer TR extends string[]]
  ? Call extends [infer C extends string, ...infer CR extends string[]]
    ? (IsParam<T> extends true ? true : [C] extends [T] ? true : false) extends true ? Fits<TR, CR> : false
    : false
  : Call extends [] ? true : false;

type Literals<Template extends string[]> = Template extends [infer T, ...infer TR extends string[]]
  ? IsParam<T> extends true ? Literals<TR> : [T, ...Literals<TR>]
  : [];

type Candidates<M extends string, P extends string, O = ContractOperation> = O extends { method: M; path: infer T extends string }
  ? Fits<Segments<T>, Segments<WithoutQuery<P>>> extends true ? O : never
  : never;

type LiteralsOf<O> = O extends { path: infer T extends string } ? Literals<Segments<T>> : [];

/** A literal segment wins over a parameter (`/v1/applications/mine` over `/v1/applications/{id}`), as the gateway routes. */
type Preferred<C, All = C> = C extends unknown
  ? true extends (All extends unknown ? (LiteralsOf<All> extends [...LiteralsOf<C>, unknown, ...unknown[]] ? true : false) : never) ? never : C
  : never;

/** The operation a call with this literal method and path goes to; `never` when the types cannot tell. */
export type OperationAt<M extends string, P extends string> = Preferred<Candidates<Uppercase<M>, P>>;

type IsError<S extends number> = `${S}` extends `${4 | 5}${string}` ? true : false;

type BodyOfSpec<Spec, S extends number> = Spec extends { schema: infer Schema extends z.ZodType } ? z.output<Schema>
  : Spec extends { contentType: string } ? string
    : IsError<S> extends true ? Problem : undefined;

/** The statuses the handler chain and the gateway add beside an operation's own (shared/api/responses.ts). */
type ChainBodies = {
  400: Problem;
  401: z.output<typeof gatewayUnauthorizedSchema>;
  403: Problem;
  409: Problem;
  413: z.output<typeof gatewayTooLargeSchema>;
  422: Problem;
  429: Problem;
  500: Problem;
  503: Problem;
};

export interface ApiResponse<T = unknown, S extends number = number, H = Headers> {
  status: S;
  /** `Headers` over HTTP; a plain record where a harness invokes a handler in process. */
  headers: H;
  body: T;
  text: string;
}

/** Every response an operation can give, one member per status. */
export type ResponseOf<O, H = Headers> = O extends { responses: infer R }
  ? | { [S in keyof R & number]: ApiResponse<BodyOfSpec<R[S], S>, S, H> }[keyof R & number]
    | { [S in Exclude<keyof ChainBodies, keyof R>]: ApiResponse<ChainBodies[S], S, H> }[Exclude<keyof ChainBodies, keyof R>]
  : never;

/** The operation of a route key (`POST /v1/cheque-requests/{id}/cancel`), for harnesses that invoke a handler by route. */
export type OperationOfRoute<K extends string> = K extends `${infer M} ${infer P}` ? Extract<ContractOperation, { method: M; path: P }> : never;

/** The response of a call by method and path: typed from the contract, or `body: unknown` off the contract. */
export type ResponseAt<M extends string, P extends string> = [OperationAt<M, P>] extends [never] ? ApiResponse : ResponseOf<OperationAt<M, P>>;

/** The member(s) of a response union with status `S`. */
export type WithStatus<R, S extends number> = R extends { status: infer RS extends number }
  ? S extends RS ? R & { status: S } : never
  : never;
