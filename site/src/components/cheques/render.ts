/**
 * Rendering of the worker page: DOM helpers, Dutch labels, the budget, the requests table (with the
 * proof link and the cancel button), the error summary and the result panel. No network, no session.
 */
import type { ChequeRequest, ChequeRequestStatus, Entitlement } from '../../../../shared/cheques/cheque-request';
import { formatEuro } from '../../../../shared/cheques/money';
import { requestReference } from '../../../../shared/cheques/reference';
import type { Reason } from './api-client';

export const statusLabels: Record<ChequeRequestStatus, string> = {
  submitted: 'Ingediend',
  approved: 'Goedgekeurd',
  rejected: 'Geweigerd',
  'awaiting-contribution': 'Goedgekeurd, wacht op uw bijdrage',
  issued: 'Cheques geleverd',
  expired: 'Vervallen',
  cancelled: 'Geannuleerd',
};

export const educationLabels: Record<string, string> = {
  none: 'Geen diploma secundair onderwijs',
  secondary: 'Diploma secundair onderwijs',
  higher: 'Diploma hoger onderwijs',
};

/** The statuses a worker can still cancel (not issued yet, R-CHQ-7). */
const cancellable: ReadonlySet<ChequeRequestStatus> = new Set(['approved', 'awaiting-contribution']);

const fieldOf: Record<string, string> = {
  odbNumber: 'odbNumber', amountCents: 'amount', 'worker.firstName': 'firstName', 'worker.lastName': 'lastName',
  'worker.email': 'email', 'worker.educationLevel': 'educationLevel', 'worker.worksInFlanders': 'worksInFlanders',
  'worker.hasPersonalDevelopmentPlan': 'hasPersonalDevelopmentPlan',
};

const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
const dateOnly = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' });

export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
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

export function renderBudget(data: Entitlement): void {
  $('budget-year').textContent = data.provisional ? `${data.schoolYear} (voorlopige regels)` : data.schoolYear;
  $('budget-used').textContent = formatEuro(data.usedCents);
  $('budget-remaining').textContent = formatEuro(data.remainingCents);
  $('budget-remaining-he').textContent = formatEuro(data.remainingHigherEducationCents);
}

export interface RowActions {
  proofUrl(id: string): string;
  onProof(request: ChequeRequest, link: HTMLAnchorElement): void;
  onCancel(request: ChequeRequest, button: HTMLButtonElement): void;
}

function trainingCell(request: ChequeRequest): HTMLTableCellElement {
  const cell = el('td');
  if (request.training) {
    cell.append(el('span', request.training.title), el('br'), el('span', `${request.training.providerName} · ${request.odbNumber}`, 'hint'));
  } else {
    cell.append(el('span', request.odbNumber, 'nowrap'));
  }
  return cell;
}

export function renderRequests(items: ChequeRequest[], actions: RowActions): void {
  const body = $('requests-body');
  body.replaceChildren(...items.map((request) => {
    const reference = requestReference(request.id);
    const row = el('tr');
    row.dataset.requestId = request.id;
    const dateCell = el('td', dateTime.format(new Date(request.createdAt)), 'nowrap');
    dateCell.append(el('br'), el('span', reference, 'hint'));
    row.append(
      dateCell,
      trainingCell(request),
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
    if (request.status === 'issued' && request.expiryDate) {
      statusCell.append(el('div', `Geldig tot ${dateOnly.format(new Date(`${request.expiryDate}T12:00:00Z`))}`));
    }
    row.append(statusCell);

    const actionCell = el('td', undefined, 'actions-cell');
    const proof = el('a', 'Bewijs (pdf)');
    proof.href = actions.proofUrl(request.id);
    proof.setAttribute('aria-label', `Bewijs van aanvraag ${reference} downloaden (pdf)`);
    proof.addEventListener('click', (event) => {
      event.preventDefault();
      actions.onProof(request, proof);
    });
    actionCell.append(proof);
    if (cancellable.has(request.status)) {
      const cancel = el('button', 'Annuleren', 'secondary small');
      cancel.type = 'button';
      cancel.setAttribute('aria-label', `Aanvraag ${reference} annuleren`);
      cancel.addEventListener('click', () => actions.onCancel(request, cancel));
      actionCell.append(cancel);
    }
    row.append(actionCell);
    return row;
  }));
  $('requests-table').hidden = items.length === 0;
  $('requests-empty').hidden = items.length > 0;
}

export function clearErrors(): void {
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

/** Every problem at once: a summary with links, and each message beside its field. */
export function showErrors(errors: Reason[]): void {
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

/** The decision right after submitting. */
export function resultParts(data: ChequeRequest): HTMLElement[] {
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
  parts.push(el('p', `U krijgt ook een bevestiging per e-mail. Referentie: ${requestReference(data.id)}.`));
  return parts;
}
