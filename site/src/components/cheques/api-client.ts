/** The worker routes of the API (api.md "Workers") with the session's bearer token. */
import type { ChequeRequest, ChequeRequestBody, Entitlement } from '../../../../shared/cheques/cheque-request';

export interface Reason { path: string; code: string; message: string }
export interface Problem { title?: string; detail?: string; errors?: Reason[] }

export class SignedOut extends Error {}

export interface Training {
  odbNumber: string;
  title: string;
  status?: string;
  provider?: { name?: string };
  chequeCategory?: string;
}

export interface ApiResult<T> { status: number; data: T }

export function apiClient(apiUrl: string, token: () => string | null, onSignedOut: () => void) {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const bearer = token();
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status === 401) {
      onSignedOut();
      throw new SignedOut('unauthorized');
    }
    const text = await response.text();
    let data: unknown;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = undefined; }
    return { status: response.status, data: data as T };
  }

  return {
    entitlement: () => call<Entitlement>('GET', '/v1/cheques/entitlement'),
    requests: () => call<{ items: ChequeRequest[] }>('GET', '/v1/cheque-requests'),
    /** The same Idempotency-Key on a retry: a request is never created twice. */
    submit: (body: ChequeRequestBody, key: string) =>
      call<ChequeRequest & Problem>('POST', '/v1/cheque-requests', body, { 'idempotency-key': key }),
    cancel: (id: string) => call<ChequeRequest & Problem>('POST', `/v1/cheque-requests/${encodeURIComponent(id)}/cancel`),
    /** Public: one training as published. */
    training: async (odbNumber: string): Promise<ApiResult<Training | undefined>> => {
      const response = await fetch(`${apiUrl}/v1/trainings/${encodeURIComponent(odbNumber)}`);
      return { status: response.status, data: response.ok ? ((await response.json()) as Training) : undefined };
    },
    proofUrl: (id: string) => `${apiUrl}/v1/cheque-requests/${encodeURIComponent(id)}/proof`,
    /** The proof PDF, fetched with the token (a bare link cannot carry it). */
    proof: async (id: string): Promise<Blob> => {
      const bearer = token();
      const response = await fetch(`${apiUrl}/v1/cheque-requests/${encodeURIComponent(id)}/proof`, {
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });
      if (response.status === 401) {
        onSignedOut();
        throw new SignedOut('unauthorized');
      }
      if (!response.ok) throw new Error(`proof ${response.status}`);
      return response.blob();
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
