/**
 * The script of the worker's cheque page: sign-in through the (local) auth issuer with the token
 * returned in the URL fragment, then the worker routes of the API (api.md "Workers") with that token.
 * The token lives in sessionStorage only (gone when the tab closes). All text is Dutch; results are
 * announced through live regions and focus moves to the heading of what changed.
 */
import { chequeCategoryLabels } from '../../../../shared/catalogue/labels';
import { formatEuro } from '../../../../shared/cheques/money';

type Status = 'submitted' | 'approved' | 'rejected' | 'awaiting-contribution' | 'issued' | 'expired' | 'cancelled';

interface Reason { path: string; code: string; message: string }
interface ChequeRequest {
  id: string;
  status: Status;
  schoolYear: string;
  odbNumber: string;
  amountCents: number;
  contributionCents: number;
  governmentCents: number;
  reasons: Reason[];
  createdAt: string;
  contributionDueAt: string | null;
  expiryDate: string | null;
}
interface Entitlement { schoolYear: string; usedCents: number; remainingCents: number; remainingHigherEducationCents: number }
interface Problem { title?: string; detail?: string; errors?: Reason[] }
interface RequestBody {
  odbNumber: string;
  amountCents: number;
  worker: {
    firstName: string; lastName: string; email: string; educationLevel: string;
    worksInFlanders: boolean; hasPersonalDevelopmentPlan: boolean;
  };
}

const TOKEN_KEY = 'cheques.token';
const STATE_KEY = 'cheques.state';

const statusLabels: Record<Status, string> = {
  submitted: 'Ingediend',
  approved: 'Goedgekeurd',
  rejected: 'Geweigerd',
  'awaiting-contribution': 'Goedgekeurd, wacht op uw bijdrage',
  issued: 'Cheques geleverd',
  expired: 'Vervallen',
  cancelled: 'Geannuleerd',
};
const educationLabels: Record<string, string> = {
  none: 'Geen diploma secundair onderwijs',
  secondary: 'Diploma secundair onderwijs',
  higher: 'Diploma hoger onderwijs',
};
const fieldOf: Record<string, string> = {
  odbNumber: 'odbNumber', amountCents: 'amount', 'worker.firstName': 'firstName', 'worker.lastName': 'lastName',
  'worker.email': 'email', 'worker.educationLevel': 'educationLevel', 'worker.worksInFlanders': 'worksInFlanders',
  'worker.hasPersonalDevelopmentPlan': 'hasPersonalDevelopmentPlan',
};

const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
const dateOnly = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' });

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** "250", "125,50", "€ 1.250,00" → cents; undefined when it is not an amount. */
export function parseEuro(input: string): number | undefined {
  const cleaned = input.replace(/[€\s]/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

export function startChequesApp(): void {
  const root = $('cheques-app');
  const apiUrl = root.dataset.apiUrl ?? 'http://127.0.0.1:3000';
  const authUrl = root.dataset.authUrl ?? `${apiUrl}/local-auth/sign-in`;
  const announce = (text: string) => { $('app-status').textContent = text; };
  let pending: { body: RequestBody; key: string } | undefined;

  // 1. A token coming back from the sign-in page, in the fragment.
  if (location.hash.includes('access_token=')) {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const expected = sessionStorage.getItem(STATE_KEY);
    const token = fragment.get('access_token');
    history.replaceState(null, '', location.pathname + location.search);
    if (token && expected !== null && fragment.get('state') === expected) {
      sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      const error = $('signin-error');
      error.textContent = 'Het aanmelden is mislukt. Probeer het opnieuw.';
      error.hidden = false;
    }
    sessionStorage.removeItem(STATE_KEY);
  }

  const token = () => sessionStorage.getItem(TOKEN_KEY);

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: T }> {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(token() ? { authorization: `Bearer ${token()}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status === 401) {
      signOut('Uw aanmelding is verlopen. Meld u opnieuw aan.');
      throw new Error('unauthorized');
    }
    const text = await response.text();
    let data: unknown;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = undefined; }
    return { status: response.status, data: data as T };
  }

  function signOut(message?: string) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('signed-in').hidden = true;
    $('signed-out').hidden = false;
    if (message) {
      const error = $('signin-error');
      error.textContent = message;
      error.hidden = false;
    }
  }

  $('sign-in').addEventListener('click', () => {
    const state = crypto.randomUUID();
    sessionStorage.setItem(STATE_KEY, state);
    const target = new URL(authUrl);
    target.searchParams.set('redirect_uri', location.origin + location.pathname);
    target.searchParams.set('state', state);
    location.assign(target.toString());
  });
  $('sign-out').addEventListener('click', () => {
    signOut();
    announce('U bent afgemeld.');
    $('sign-in').focus();
  });

  async function loadBudget() {
    const { status, data } = await call<Entitlement>('GET', '/v1/cheques/entitlement');
    if (status !== 200) return;
    $('budget-year').textContent = data.schoolYear;
    $('budget-used').textContent = formatEuro(data.usedCents);
    $('budget-remaining').textContent = formatEuro(data.remainingCents);
    $('budget-remaining-he').textContent = formatEuro(data.remainingHigherEducationCents);
  }

  async function loadRequests() {
    const { status, data } = await call<{ items: ChequeRequest[] }>('GET', '/v1/cheque-requests');
    if (status !== 200) return;
    const body = $('requests-body');
    body.replaceChildren(...data.items.map((request) => {
      const row = el('tr');
      row.dataset.requestId = request.id;
      row.append(
        el('td', dateTime.format(new Date(request.createdAt)), 'nowrap'),
        el('td', request.odbNumber, 'nowrap'),
        el('td', formatEuro(request.amountCents), 'num nowrap'),
        el('td', formatEuro(request.contributionCents), 'num nowrap'),
      );
      const statusCell = el('td');
      statusCell.append(el('span', statusLabels[request.status], 'status-badge'));
      if (request.status === 'rejected' && request.reasons.length > 0) {
        const list = el('ul');
        for (const reason of request.reasons) list.append(el('li', reason.message));
        statusCell.append(list);
      }
      if (request.status === 'issued' && request.expiryDate) statusCell.append(el('div', `Geldig tot ${dateOnly.format(new Date(`${request.expiryDate}T12:00:00Z`))}`));
      row.append(statusCell);
      return row;
    }));
    $('requests-table').hidden = data.items.length === 0;
    $('requests-empty').hidden = data.items.length > 0;
  }

  async function showSignedIn() {
    $('signed-out').hidden = true;
    $('signed-in').hidden = false;
    await Promise.all([loadBudget(), loadRequests()]);
  }

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
      const response = await fetch(`${apiUrl}/v1/trainings/${encodeURIComponent(odbNumber)}`);
      if (response.status === 400) {
        result.replaceChildren(el('p', `${odbNumber} is geen geldig ODB-nummer. Een ODB-nummer ziet eruit als ODB-A000123.`, 'form-error'));
        return;
      }
      if (response.status === 404) {
        result.replaceChildren(el('p', `Er is geen opleiding met ODB-nummer ${odbNumber} in de opleidingsdatabank.`, 'form-error'));
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const training = (await response.json()) as { odbNumber: string; title: string; status?: string; provider?: { name?: string }; chequeCategory?: keyof typeof chequeCategoryLabels };
      const box = el('div', undefined, 'panel-inner');
      box.append(el('h3', training.title));
      const facts = el('dl', undefined, 'facts');
      const add = (term: string, value: string) => facts.append(el('dt', term), el('dd', value));
      add('ODB-nummer', training.odbNumber);
      if (training.provider?.name) add('Opleidingsverstrekker', training.provider.name);
      if (training.chequeCategory) add('Categorie opleidingscheques', chequeCategoryLabels[training.chequeCategory] ?? training.chequeCategory);
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

  function clearErrors() {
    const summary = $('request-errors');
    summary.hidden = true;
    summary.replaceChildren();
    for (const node of document.querySelectorAll('#request-form .field-error')) node.remove();
    for (const node of document.querySelectorAll('#request-form [aria-invalid]')) {
      node.removeAttribute('aria-invalid');
      const described = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error')).join(' ');
      if (described) node.setAttribute('aria-describedby', described); else node.removeAttribute('aria-describedby');
    }
  }

  function showErrors(errors: Reason[]) {
    clearErrors();
    const summary = $('request-errors');
    summary.append(el('h3', 'Kijk deze gegevens na'));
    const list = el('ul');
    for (const error of errors) {
      const id = fieldOf[error.path] ?? '';
      const item = el('li');
      if (id) {
        const link = el('a', error.message);
        link.href = `#${id === 'educationLevel' ? 'edu-none' : id}`;
        item.append(link);
        const field = document.getElementById(id);
        if (field && !document.getElementById(`${id}-error`)) {
          const message = el('p', error.message, 'field-error');
          message.id = `${id}-error`;
          (field.tagName === 'FIELDSET' ? field : field.parentElement)?.append(message);
          const target = field.tagName === 'FIELDSET' ? field.querySelector('input') : field;
          if (target) {
            target.setAttribute('aria-invalid', 'true');
            target.setAttribute('aria-describedby', `${target.getAttribute('aria-describedby') ?? ''} ${id}-error`.trim());
          }
        }
      } else {
        item.textContent = error.message;
      }
      list.append(item);
    }
    summary.append(list);
    summary.hidden = false;
    summary.focus();
  }

  function readForm(): { body?: RequestBody; errors: Reason[] } {
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
    if (!education) errors.push({ path: 'worker.educationLevel', code: 'required', message: 'Kies uw hoogste diploma.' });
    if (errors.length > 0 || amountCents === undefined || !education) return { errors };
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
      // The same Idempotency-Key on a retry: a request is never created twice.
      const { status, data } = await call<ChequeRequest & Problem>('POST', '/v1/cheque-requests', pending.body, { 'idempotency-key': pending.key });
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
        const parts: HTMLElement[] = [el('p', `Status: ${statusLabels[data.status]}`, 'status-badge')];
        if (data.status === 'rejected') {
          parts.push(el('p', 'Uw aanvraag is geweigerd om deze reden(en):'));
          const list = el('ul');
          for (const reason of data.reasons) list.append(el('li', reason.message));
          parts.push(list);
        } else {
          parts.push(el('p', `Bedrag: ${formatEuro(data.amountCents)}. Uw bijdrage: ${formatEuro(data.contributionCents)}. Deel van de overheid: ${formatEuro(data.governmentCents)}.`));
          parts.push(el('p', data.contributionCents > 0
            ? 'U krijgt een e-mail van de uitgever met de betaalopdracht voor uw bijdrage. Na betaling worden de cheques geleverd.'
            : 'U hoeft niets te betalen. De uitgever levert de cheques elektronisch.'));
        }
        parts.push(el('p', 'U krijgt ook een bevestiging per e-mail.'));
        result.replaceChildren(...parts);
        pending = undefined;
        ($('request-form') as HTMLFormElement).reset();
      }
      $('request-form').hidden = false;
      $('request-result').hidden = false;
      $('result-title').focus();
      await Promise.all([loadBudget(), loadRequests()]);
    } catch {
      // 401 is handled by call(); anything else: the key stays, so trying again cannot create a second request.
      $('overview').hidden = false;
      announce('Uw aanvraag kon niet verstuurd worden. Probeer opnieuw.');
    } finally {
      confirm.disabled = false;
    }
  });

  $('refresh').addEventListener('click', async () => {
    await Promise.all([loadBudget(), loadRequests()]);
    announce('Uw aanvragen zijn bijgewerkt.');
  });

  if (token()) void showSignedIn().catch(() => undefined);
}
