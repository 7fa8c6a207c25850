/**
 * RFC 9457 problem details, the one error shape of the API (api.md "Conventions").
 * `errors` lists every problem at once; `code` is stable for machines (a rule id such as `R-APP-5`,
 * or a validation code such as `invalid_type`), `message` is Dutch, for people.
 */
export interface Problem {
  /** JSON-pointer-like dotted path into the request body (`modules.0.contactHours`), or '' for the whole. */
  path: string;
  code: string;
  message: string;
}

/** A problem found by an admissibility check: blocking (`error`) or only a warning. */
export interface RuleFinding extends Problem {
  severity: 'error' | 'warning';
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: Problem[];
  /** For 409s on state machines: the transitions that are allowed from the current state. */
  allowed?: string[];
}

export const PROBLEM_TYPE_BASE = 'https://opleidingsincentives.vlaanderen.example/problems/';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/** An error any layer may throw; the HTTP layer turns it into problem+json. */
export class ProblemError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly errors: Problem[] | undefined;
  readonly allowed: string[] | undefined;
  /** Response headers that belong to the problem (`Retry-After` on a 429). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    extra: { errors?: Problem[]; allowed?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = extra.errors;
    this.allowed = extra.allowed;
    this.headers = extra.headers ?? {};
  }

  toDocument(instance?: string): ProblemDocument {
    return {
      type: problemType(this.slug),
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.allowed ? { allowed: this.allowed } : {}),
    };
  }
}

export const validationFailed = (errors: Problem[], detail = 'De aanvraag bevat fouten. Zie de lijst met problemen.') =>
  new ProblemError(400, 'validation', 'Ongeldige invoer', detail, { errors });

export const notFound = (detail = 'Dit bestaat niet of u hebt er geen toegang toe.') =>
  new ProblemError(404, 'not-found', 'Niet gevonden', detail);

export const forbidden = (detail = 'U hebt niet de juiste rol voor deze actie.') =>
  new ProblemError(403, 'forbidden', 'Geen toegang', detail);

export const conflict = (detail: string, extra: { errors?: Problem[]; allowed?: string[] } = {}) =>
  new ProblemError(409, 'conflict', 'Niet mogelijk in deze toestand', detail, extra);
