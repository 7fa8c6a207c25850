import type { z } from 'zod';
import { operations } from '../../shared/api/contract';
import { routeKey, type Operation } from '../../shared/api/operation';
import { documentedResponses, problemSchema, type DocumentedResponse } from '../../shared/api/responses';

/**
 * Issues 12 + 15: every response a test receives through the HTTP helpers is checked against what the
 * contract promises for that operation and status (shared/api/responses.ts, the same list the OpenAPI
 * document renders): an undocumented status, a body off its zod schema, a 4xx/5xx that is not
 * problem+json — each fails the test that received it, so no test passes on a shape the document
 * does not state. Paths that are no operation (the local stack's `/local/…`, unknown routes) are not
 * checked.
 */
export class ContractViolation extends Error {
  constructor(readonly operationId: string, readonly status: number, readonly problems: string[]) {
    super(`Off-contract response of ${operationId} (${status}): ${problems.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

const segments = (path: string) => path.split('/').filter(Boolean);

const matchers = operations.map((op) => ({
  op,
  pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  literals: segments(op.path).filter((segment) => !segment.startsWith('{')).length,
}));

/** The operation a request goes to, as the gateway routes it: a literal segment wins over a parameter. */
export function operationFor(method: string, path: string): Operation | undefined {
  const bare = path.split('?')[0]!;
  const candidates = matchers.filter((m) => m.op.method === method.toUpperCase() && m.pattern.test(bare));
  candidates.sort((a, b) => b.literals - a.literals);
  return candidates[0]?.op;
}

export interface ReceivedResponse {
  status: number;
  contentType: string | null;
  /** Parsed JSON, or the text when it is not JSON. */
  body: unknown;
  text: string;
  retryAfter?: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of `input` that the schema's output dropped: present in the response, absent from the document. */
function undocumentedFields(input: unknown, output: unknown, path: string, found: Set<string>): void {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, index) => undocumentedFields(item, output[index], `${path}[]`, found));
  } else if (isRecord(input) && isRecord(output)) {
    for (const [key, value] of Object.entries(input)) {
      if (!(key in output)) found.add(`${path}${key}`);
      else undocumentedFields(value, output[key], `${path}${key}.`, found);
    }
  }
}

/**
 * The schema's issues, and every field the schema does not name (zod objects strip unknown keys, so
 * a field the document does not promise — a leak — shows as a key the parsed output lacks).
 */
const issuesOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  if (!result.success) return result.error.issues.slice(0, 8).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  const extra = new Set<string>();
  undocumentedFields(value, result.data, '', extra);
  return [...extra].slice(0, 8).map((field) => `${field}: not in the documented schema`);
};

/** The problems of one response against its documented response; empty when it is on contract. */
export function contractProblems(documented: DocumentedResponse, status: number, response: ReceivedResponse): string[] {
  const { body } = documented;
  const type = (response.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const problems: string[] = [];
  if (documented.gateway && type === 'application/json' && body.kind !== 'json') {
    // the gateway's own answer (it never reached the API)
    problems.push(...issuesOf(documented.gateway, response.body));
  } else if (body.kind === 'json') {
    if (type !== 'application/json') problems.push(`content-type ${type || '(none)'}, documented application/json`);
    problems.push(...issuesOf(body.schema, response.body));
  } else if (body.kind === 'problem') {
    if (type !== 'application/problem+json') problems.push(`content-type ${type || '(none)'}, documented application/problem+json`);
    problems.push(...issuesOf(problemSchema, response.body));
    if ((response.body as { status?: unknown } | undefined)?.status !== status) problems.push(`problem status ${String((response.body as { status?: unknown } | undefined)?.status)} ≠ ${status}`);
  } else if (body.kind === 'binary') {
    if (type !== body.contentType) problems.push(`content-type ${type || '(none)'}, documented ${body.contentType}`);
  } else if (response.text !== '') {
    problems.push(`a body (${response.text.slice(0, 60)}), documented none`);
  }
  if (documented.headers?.['Retry-After'] && !/^[1-9][0-9]*$/.test(response.retryAfter ?? '')) {
    problems.push(`Retry-After ${response.retryAfter ?? '(missing)'}, documented a positive integer`);
  }
  return problems;
}

/** Throws ContractViolation when the response is not what the contract documents for its operation and status. */
export function assertOnContract(method: string, path: string, response: ReceivedResponse): void {
  const op = operationFor(method, path);
  if (op) assertOperationResponse(op, response);
}

/** For harnesses that invoke a handler by route key (`POST /v1/cheque-requests`) instead of over HTTP. */
export function assertOnContractByRoute(key: string, response: ReceivedResponse): void {
  const op = operations.find((candidate) => routeKey(candidate) === key);
  if (op) assertOperationResponse(op, response);
}

function assertOperationResponse(op: Operation, response: ReceivedResponse): void {
  const documented = documentedResponses(op).get(response.status);
  if (!documented) {
    throw new ContractViolation(op.id, response.status, [`status ${response.status} is not documented (documented: ${[...documentedResponses(op).keys()].join(', ')}); body ${response.text.slice(0, 200)}`]);
  }
  const problems = contractProblems(documented, response.status, response);
  if (problems.length) throw new ContractViolation(op.id, response.status, problems);
}
