/**
 * The script of the worker's cheque page: wires the session (session.ts: OIDC code flow with PKCE),
 * the API client (api-client.ts) and the rendering (render.ts). All text is Dutch; results are announced
 * through live regions and focus moves to the heading of what changed.
 */
import { chequeCategoryLabels } from '../../../../shared/catalogue/labels';
import type { ChequeRequest, ChequeRequestBody } from '../../../../shared/cheques/cheque-request';
import { formatEuro } from '../../../../shared/cheques/money';
import { requestReference } from '../../../../shared/cheques/reference';
import { apiClient, SignedOut, type Reason } from './api-client';
import { $, clearErrors, educationLabels, el, parseEuro, renderBudget, renderRequests, resultParts, showErrors } from './render';
import { accessToken, beginSignIn, completeSignIn, signOut, type OidcConfig } from './session';

export { parseEuro };

function readForm(): { body?: ChequeRequestBody; errors: Reason[] } {
  const value = (id: string) => $<HTMLInputElement>(id).value.trim();
  const checked = (id: string) => $<HTMLInputElement>(id).checked;
  const errors: Reason[] = [];
  const amountCents = parseEuro(value('amount'));
  if (value('odbNumber') === '') errors.push({ path: 'odbNumber', code: 'required', message: 'Vul het ODB-nummer van de opleiding in.' });
  if (amountCents === undefined || amountCents <= 0) errors.push({ path: 'amountCents', code: 'amount', message: 'Vul een bedrag in euro in, bijvoorbeeld 250 of 125,50.' });
  if (value('firstName') === '') errors.push({ path: 'worker.firstName', code: 'required', message: 'Vul uw voornaam in.' });
  if (value('lastName') === '') errors.push({ path: 'worker.lastName', code: 'required', message: 'Vul uw achternaam in.' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('email'))) errors.push({ path: 'worker.email', code: 'email', message: 'Vul een geldig e-mailadres in.' });
  const education = document.querySelector<HTMLInputElement>('input[name="educationLevel"]:checked')?.value;
  if (education !== 'none' && education !== 'secondary' && education !== 'higher') {
    errors.push({ path: 'worker.educationLevel', code: 'required', message: 'Kies uw hoogste diploma.' });
  }
  if (errors.length > 0 || amountCents === undefined || (education !== 'none' && education !== 'secondary' && education !== 'higher')) return { errors };
  return {
    errors,
    body: {
      odbNumber: value('odbNumber').toUpperCase(),
      amountCents,
      worker: {
        firstName: value('firstName'), lastName: value('lastName'), email: value('email'), educationLevel: education,
        worksInFlanders: checked('worksInFlanders'), hasPersonalDevelopmentPlan: checked('hasPersonalDevelopmentPlan'),
      },
    },
  };
}

export function startChequesApp(): void {
  const root = $('cheques-app');
  const apiUrl = root.dataset.apiUrl ?? 'http://127.0.0.1:3000';
  const oidc: OidcConfig = {
    issuer: root.dataset.oidcIssuer ?? `${apiUrl}/local-auth`,
    clientId: root.dataset.oidcClientId ?? 'cheques-site',
    scopes: root.dataset.oidcScopes ?? 'openid',
    redirectUri: location.origin + location.pathname,
  };
  const announce = (text: string) => { $('app-status').textContent = text; };
  const showSignInError = (message: string) => {
    const error = $('signin-error');
    error.textContent = message;
    error.hidden = false;
  };
  let pending: { body: ChequeRequestBody; key: string } | undefined;

  function showSignedOut(message?: string) {
    signOut();
    $('signed-in').hidden = true;
    $('signed-out').hidden = false;
    if (message) showSignInError(message);
  }
  const api = apiClient(apiUrl, accessToken, () => showSignedOut('Uw aanmelding is verlopen. Meld u opnieuw aan.'));

  async function refresh() {
    const [budget, requests] = await Promise.all([api.entitlement(), api.requests()]);
    if (budget.status === 200) renderBudget(budget.data);
    if (requests.status === 200) {
      renderRequests(requests.data.items, { proofUrl: api.proofUrl, onProof: downloadProof, onCancel: cancelRequest });
    }
  }

  async function downloadProof(request: ChequeRequest, link: HTMLAnchorElement) {
    try {
      const blob = await api.proof(request.id);
      const url = URL.createObjectURL(blob);
      const save = el('a');
      save.href = url;
      save.download = `bewijs-opleidingscheques-${requestReference(request.id)}.pdf`;
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(`Het bewijs van aanvraag ${requestReference(request.id)} is gedownload.`);
    } catch (error) {
      if (!(error instanceof SignedOut)) announce('Het bewijs kon niet gedownload worden. Probeer het later opnieuw.');
      link.focus();
    }
  }

  async function cancelRequest(request: ChequeRequest, button: HTMLButtonElement) {
    const reference = requestReference(request.id);
    if (!window.confirm(`Wilt u aanvraag ${reference} van ${formatEuro(request.amountCents)} annuleren? Het bedrag komt weer vrij in uw budget.`)) return;
    button.disabled = true;
    try {
      const { status, data } = await api.cancel(request.id);
      announce(status === 200
        ? `Aanvraag ${reference} is geannuleerd. ${formatEuro(request.amountCents)} is weer vrij in uw budget.`
        : (data.detail ?? 'De aanvraag kon niet geannuleerd worden.'));
      await refresh();
      $('requests-title').focus();
    } catch (error) {
      if (!(error instanceof SignedOut)) announce('De aanvraag kon niet geannuleerd worden. Probeer het later opnieuw.');
      button.disabled = false;
    }
  }

  async function showSignedIn() {
    $('signed-out').hidden = true;
    $('signed-in').hidden = false;
    await refresh();
  }

  $('sign-in').addEventListener('click', () => {
    beginSignIn(oidc).catch(() => showSignInError('De aanmeldpagina is niet bereikbaar. Probeer het later opnieuw.'));
  });
  $('sign-out').addEventListener('click', () => {
    showSignedOut();
    announce('U bent afgemeld.');
    $('sign-in').focus();
  });

  // Find a training by ODB number (GET /v1/trainings/{odbNumber}).
  $('find-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $<HTMLInputElement>('find-odb');
    const odbNumber = input.value.trim().toUpperCase();
    const result = $('find-result');
    if (odbNumber === '') {
      result.replaceChildren(el('p', 'Vul een ODB-nummer in.', 'form-error'));
      input.focus();
      return;
    }
    result.replaceChildren(el('p', 'Bezig met zoeken…'));
    try {
      const { status, data: training } = await api.training(odbNumber);
      if (status === 400) {
        result.replaceChildren(el('p', `${odbNumber} is geen geldig ODB-nummer. Een ODB-nummer ziet eruit als ODB-A000123.`, 'form-error'));
        return;
      }
      if (status === 404) {
        result.replaceChildren(el('p', `Er is geen opleiding met ODB-nummer ${odbNumber} in de opleidingsdatabank.`, 'form-error'));
        return;
      }
      if (!training) throw new Error(String(status));
      const box = el('div', undefined, 'panel-inner');
      box.append(el('h3', training.title));
      const facts = el('dl', undefined, 'facts');
      const add = (term: string, value: string) => facts.append(el('dt', term), el('dd', value));
      add('ODB-nummer', training.odbNumber);
      if (training.provider?.name) add('Opleidingsverstrekker', training.provider.name);
      if (training.chequeCategory) {
        const label = (chequeCategoryLabels as Record<string, string | undefined>)[training.chequeCategory];
        add('Categorie opleidingscheques', label ?? training.chequeCategory);
      }
      if (training.status && training.status !== 'active') add('Status', 'Niet (meer) actief: geen cheques mogelijk');
      box.append(facts);
      const use = el('button', 'Deze opleiding kiezen', 'secondary');
      use.type = 'button';
      use.addEventListener('click', () => {
        $<HTMLInputElement>('odbNumber').value = training.odbNumber;
        $<HTMLInputElement>('amount').focus();
      });
      box.append(use);
      result.replaceChildren(box);
    } catch {
      result.replaceChildren(el('p', 'De opleiding kon niet opgezocht worden. Probeer het later opnieuw.', 'form-error'));
    }
  });

  // Overview to confirm (R-CHQ-2), then submission.
  $('request-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { body, errors } = readForm();
    if (!body) { showErrors(errors); return; }
    clearErrors();
    pending = { body, key: crypto.randomUUID() };
    const list = $('overview-list');
    const add = (term: string, value: string) => list.append(el('dt', term), el('dd', value));
    list.replaceChildren();
    add('Opleiding', body.odbNumber);
    add('Bedrag', formatEuro(body.amountCents));
    add('Naam', `${body.worker.firstName} ${body.worker.lastName}`);
    add('E-mailadres', body.worker.email);
    add('Hoogste diploma', educationLabels[body.worker.educationLevel] ?? body.worker.educationLevel);
    add('Werkt in Vlaanderen', body.worker.worksInFlanders ? 'Ja' : 'Nee');
    add('Persoonlijk ontwikkelingsplan (POP)', body.worker.hasPersonalDevelopmentPlan ? 'Ja' : 'Nee');
    $('request-form').hidden = true;
    $('request-result').hidden = true;
    $('overview').hidden = false;
    $('overview-title').focus();
  });

  $('edit').addEventListener('click', () => {
    $('overview').hidden = true;
    $('request-form').hidden = false;
    $('odbNumber').focus();
  });

  $('confirm').addEventListener('click', async () => {
    if (!pending) return;
    const confirm = $<HTMLButtonElement>('confirm');
    confirm.disabled = true;
    try {
      const { status, data } = await api.submit(pending.body, pending.key);
      $('overview').hidden = true;
      if (status === 400 && data.errors) {
        $('request-form').hidden = false;
        showErrors(data.errors);
        return;
      }
      const result = $('result-body');
      if (status !== 201) {
        result.replaceChildren(el('p', data.detail ?? 'Uw aanvraag kon niet verwerkt worden. Probeer het later opnieuw.', 'form-error'));
      } else {
        result.replaceChildren(...resultParts(data));
        pending = undefined;
        $<HTMLFormElement>('request-form').reset();
      }
      $('request-form').hidden = false;
      $('request-result').hidden = false;
      $('result-title').focus();
      await refresh();
    } catch {
      // Signed out is handled by the client; anything else: the key stays, so trying again cannot create a second request.
      $('overview').hidden = false;
      announce('Uw aanvraag kon niet verstuurd worden. Probeer opnieuw.');
    } finally {
      confirm.disabled = false;
    }
  });

  $('refresh').addEventListener('click', async () => {
    await refresh();
    announce('Uw aanvragen zijn bijgewerkt.');
  });

  void (async () => {
    const result = await completeSignIn(oidc);
    if (result === 'failed') showSignInError('Het aanmelden is mislukt. Probeer het opnieuw.');
    if (accessToken()) await showSignedIn();
  })().catch(() => undefined);
}
