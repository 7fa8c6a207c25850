import { conflict } from '../http/problem';
import type { Application } from './application';
import { STATUS_LABELS } from './state-machine';

/** R-SUB-1: after submitting the provider can no longer change the application (409 naming the rule). */
export function ensureDraft(app: Pick<Application, 'status'>, action: string): void {
  if (app.status === 'draft') return;
  const message = app.status === 'cancelled'
    ? `Deze aanvraag is geannuleerd en kan niet meer ${action} worden.`
    : `Deze aanvraag is al ingediend (status '${STATUS_LABELS[app.status]}') en kan niet meer ${action} worden. Dien voor een gewijzigde opleiding een nieuwe aanvraag in.`;
  throw conflict(message, { errors: [{ path: '', code: 'R-SUB-1', message }] });
}
