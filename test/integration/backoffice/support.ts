import type { ApplicationBody } from '../../../shared/applications/application';
import type { OrganisationBody } from '../../../shared/organisations/organisation';
import { api, backofficeToken, eventually, providerToken } from '../../support/stack';
import type { ResponseAt } from '../../support/api-types';
import { uniqueKbo } from '../../support/ids';
import { applicationBody, mailsTo, organisationBody } from '../provider/support';

export { mailsTo };

/** Fixtures of the back-office tests: providers and applications driven over HTTP. */

export interface Provider {
  kbo: string;
  token: string;
  email: string;
}

/** A provider with a filled-in profile (no quality registration yet: R-ORG-3). */
export async function newProvider(organisation: Partial<OrganisationBody> = {}): Promise<Provider> {
  const kbo = uniqueKbo();
  const token = await providerToken(kbo);
  const body = organisationBody(organisation);
  const response = await api('PUT', '/v1/organisation', { token, body });
  if (response.status !== 200) throw new Error(`PUT /v1/organisation: ${response.status} ${response.text}`);
  return { kbo, token, email: body.contact.email };
}

export async function recordQuality(kbo: string, since = '2024-01-01') {
  return api('PUT', `/v1/backoffice/organisations/${kbo}/quality-registration`, {
    token: await backofficeToken(), body: { registered: true, since },
  });
}

/** A provider whose quality registration is recorded: its submits go straight to screening. */
export async function registeredProvider(organisation: Partial<OrganisationBody> = {}): Promise<Provider> {
  const provider = await newProvider(organisation);
  const recorded = await recordQuality(provider.kbo);
  if (recorded.status !== 200) throw new Error(`quality registration: ${recorded.status} ${recorded.text}`);
  return provider;
}

/** A submitted application of `provider` (draft + submit over HTTP); returns its id. */
export async function submitted(provider: Provider, overrides: Partial<ApplicationBody> = {}): Promise<string> {
  const draft = await api('POST', '/v1/applications', { token: provider.token, body: applicationBody(overrides) });
  if (draft.status !== 201) throw new Error(`POST /v1/applications: ${draft.status} ${draft.text}`);
  const id = draft.body.id as string;
  const submit = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });
  if (submit.status !== 200) throw new Error(`submit: ${submit.status} ${submit.text}`);
  return id;
}

/** Calls a back-office route with a back-office token. */
export async function backoffice<const M extends string, const P extends string>(method: M, path: P, body?: unknown, headers: Record<string, string> = {}): Promise<ResponseAt<M, P>> {
  return api(method, path, { token: await backofficeToken(), ...(body === undefined ? {} : { body }), headers });
}

export async function forwarded(provider: Provider, overrides: Partial<ApplicationBody> = {}): Promise<string> {
  const id = await submitted(provider, overrides);
  const response = await backoffice('POST', `/v1/backoffice/applications/${id}/forward`, { to: 'VOC', advice: null });
  if (response.status !== 200) throw new Error(`forward: ${response.status} ${response.text}`);
  return id;
}

/** Waits for a mail to `to` whose subject contains `subject`. */
export function mailTo(to: string, subject: string) {
  return eventually(async () => (await mailsTo(to)).find((mail) => mail.subject.includes(subject)));
}

/** Today in Brussels, 'YYYY-MM-DD'. */
export function brusselsToday(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}
