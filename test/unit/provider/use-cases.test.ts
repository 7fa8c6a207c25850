import { describe, expect, it } from 'vitest';
import type { ApplicationBody } from '../../../shared/applications/application';
import type { OrganisationBody } from '../../../shared/organisations/organisation';
import { ProblemError } from '../../../shared/http/problem';
import { submitOwnApplication } from '../../../functions/applications/submit';
import {
  cancelDraft, checkOwnApplication, createDraft, listOwnApplications, readApplication, replaceDraft,
} from '../../../functions/applications/use-cases';
import { confirmDocument, createDocumentSlot } from '../../../functions/documents/application-documents';
import { confirmLmsUpload, createLmsUploadSlot, readOrganisation, writeOrganisation } from '../../../functions/organisations/use-cases';
import { validApplication } from '../applications/application-fixture';
import { docx, DOCX_TYPE, pdf, peExecutable, xlsx } from './document-fixtures';
import { memoryPorts, type MemoryPorts } from './fakes/memory-stores';

/** Every provider use case on the in-memory fakes (no stack): Prepare / Act / Assess. */

const KBO = '0403170701';
const OTHER_KBO = '0202239951';
const NOW = new Date('2026-10-01T08:00:00Z');

const organisation = (overrides: Partial<OrganisationBody> = {}): OrganisationBody => ({
  name: 'Vormingscentrum Voorbeeld', contact: { name: 'An Peeters', email: 'dossiers@voorbeeld.be', phone: '+32 2 553 00 00' },
  kind: 'general', lms: null, ...overrides,
});

async function providerWith(ports: MemoryPorts, kbo = KBO) {
  await writeOrganisation(ports, kbo, organisation(), NOW);
}

const draft = (ports: MemoryPorts, overrides: Partial<ApplicationBody> = {}, kbo = KBO) =>
  createDraft(ports, kbo, validApplication({ plannedStart: '2027-09-01', plannedEnd: '2028-06-30', ...overrides }), NOW);

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('drafts (R-SUB-1)', () => {
  it('create, read, replace, list and cancel a draft; another organisation sees a 404', async () => {
    // Prepare
    const ports = memoryPorts();
    const created = await draft(ports);
    // Act
    const replaced = await replaceDraft(ports, KBO, created.id, validApplication({ title: 'Excel voor experten' }), NOW);
    const listed = await listOwnApplications(ports, KBO, {});
    const other = await problemOf(readApplication(ports, OTHER_KBO, created.id));
    const cancelled = await cancelDraft(ports, KBO, created.id, NOW);
    const again = await cancelDraft(ports, KBO, created.id, NOW);
    // Assess
    expect(replaced).toMatchObject({ id: created.id, title: 'Excel voor experten', status: 'draft', version: 2 });
    expect(listed.items.map((item) => item.id)).toEqual([created.id]);
    expect(other.status).toBe(404);
    expect(cancelled.status).toBe('cancelled');
    expect(again).toEqual(cancelled);
    expect((await problemOf(replaceDraft(ports, KBO, created.id, validApplication(), NOW))).status).toBe(409);
  });

  it('a cursor that is not this listing\'s is a 400', async () => {
    const ports = memoryPorts();
    await draft(ports);
    expect((await problemOf(listOwnApplications(ports, KBO, { cursor: 'bm9wZQ' }))).status).toBe(400);
  });
});

describe('check and submit', () => {
  it('R-SUB-1: submit moves to waiting-for-quality-registration and mails the dossier contact once; a second submit sends nothing', async () => {
    // Prepare
    const ports = memoryPorts();
    await providerWith(ports);
    const { id } = await draft(ports);
    // Act
    const submitted = await submitOwnApplication(ports, KBO, id, NOW);
    const again = await submitOwnApplication(ports, KBO, id, NOW);
    // Assess
    expect(submitted.status).toBe('waiting-for-quality-registration');
    expect(again).toEqual(submitted);
    expect([...ports.applications.outbox.values()].map((mail) => mail.to)).toEqual([['dossiers@voorbeeld.be']]);
  });

  it('unique-own-reference: a submitted application holds its reference; another with the same reference is refused at check and submit', async () => {
    // Prepare
    const ports = memoryPorts();
    await providerWith(ports);
    const first = await draft(ports, { ownReference: 'REF-1' });
    await submitOwnApplication(ports, KBO, first.id, NOW);
    const second = await draft(ports, { ownReference: 'REF-1' });
    // Act
    const check = await checkOwnApplication(ports, KBO, second.id, NOW);
    const refused = await problemOf(submitOwnApplication(ports, KBO, second.id, NOW));
    // Assess
    expect(check.problems).toEqual([expect.objectContaining({ path: 'ownReference', code: 'unique-own-reference' })]);
    expect(refused.status).toBe(409);
    expect((await readApplication(ports, KBO, second.id)).status).toBe('draft');
  });

  it('unique-own-reference: two parallel submits with the same reference — exactly one passes', async () => {
    // Prepare
    const ports = memoryPorts();
    await providerWith(ports);
    const a = await draft(ports, { ownReference: 'SAME' });
    const b = await draft(ports, { ownReference: 'SAME' });
    // Act
    const results = await Promise.allSettled([submitOwnApplication(ports, KBO, a.id, NOW), submitOwnApplication(ports, KBO, b.id, NOW)]);
    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason instanceof ProblemError && rejected.reason.status).toBe(409);
  });

  it('unique-own-reference: module references share the namespace; another organisation may use the same reference', async () => {
    const ports = memoryPorts();
    await providerWith(ports);
    await providerWith(ports, OTHER_KBO);
    const module = { title: 'M', ownReference: 'MOD-1', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: null };
    const first = await draft(ports, { ownReference: 'T-1', structure: 'modular', contactHours: null, modules: [module] });
    await submitOwnApplication(ports, KBO, first.id, NOW);
    const clash = await draft(ports, { ownReference: 'MOD-1' });
    const elsewhere = await draft(ports, { ownReference: 'MOD-1' }, OTHER_KBO);
    expect((await checkOwnApplication(ports, KBO, clash.id, NOW)).problems.map((p) => p.code)).toEqual(['unique-own-reference']);
    expect((await checkOwnApplication(ports, OTHER_KBO, elsewhere.id, NOW)).problems).toEqual([]);
  });

  it('unique-own-reference: an inadmissible application takes no reference; a rejected one releases it to the next', async () => {
    // Prepare
    const ports = memoryPorts();
    await providerWith(ports);
    const inadmissible = await draft(ports, { ownReference: 'R', contactHours: 20, mentorTraining: false });
    expect((await submitOwnApplication(ports, KBO, inadmissible.id, NOW)).status).toBe('inadmissible');
    const accepted = await draft(ports, { ownReference: 'R' });
    expect((await submitOwnApplication(ports, KBO, accepted.id, NOW)).status).toBe('waiting-for-quality-registration');
    // the back office rejects it (its status; the claim stays behind, stale)
    const stored = ports.applications.applications.get(accepted.id);
    if (stored) ports.applications.applications.set(accepted.id, { ...stored, status: 'rejected' });
    // Act
    const next = await draft(ports, { ownReference: 'R' });
    const submitted = await submitOwnApplication(ports, KBO, next.id, NOW);
    // Assess
    expect(submitted.status).toBe('waiting-for-quality-registration');
    expect(ports.applications.claims.get(`${KBO}|ownReference:R`)).toBe(next.id);
  });

  it('R-APP-7: a second application for the same language is warned about at check and travels as a warning', async () => {
    const ports = memoryPorts();
    await providerWith(ports);
    const language = { language: { code: 'fr', cefrLevel: 'A2' as const }, competences: { basic: ['foreignLanguage'], professionSpecific: [], generalPillars: [] } };
    const first = await draft(ports, { ownReference: 'FR-1', ...language });
    await submitOwnApplication(ports, KBO, first.id, NOW);
    const second = await draft(ports, { ownReference: 'FR-2', ...language });
    const check = await checkOwnApplication(ports, KBO, second.id, NOW);
    expect(check.problems).toEqual([expect.objectContaining({ code: 'R-APP-7', severity: 'warning' })]);
    expect(check.outcome).toBe('accepted');
    expect((await submitOwnApplication(ports, KBO, second.id, NOW)).problems.map((p) => p.code)).toEqual(['R-APP-7']);
  });

  it('R-REG-2: replacesOdbNumber must be the provider\'s own active registration, at check and at submit', async () => {
    // Prepare
    const ports = memoryPorts();
    await providerWith(ports);
    ports.registrations.registrations.set('ODB-A000001', { providerKbo: KBO, status: 'active' });
    ports.registrations.registrations.set('ODB-A000002', { providerKbo: OTHER_KBO, status: 'active' });
    ports.registrations.registrations.set('ODB-A000003', { providerKbo: KBO, status: 'stopped' });
    const codesFor = async (odb: string) => {
      const app = await draft(ports, { ownReference: `RE-${odb}`, replacesOdbNumber: odb });
      return (await checkOwnApplication(ports, KBO, app.id, NOW)).problems.filter((p) => p.severity === 'error').map((p) => `${p.path}:${p.code}`);
    };
    // Act + Assess
    expect(await codesFor('ODB-A000001')).toEqual([]);
    expect(await codesFor('ODB-A000002')).toEqual(['replacesOdbNumber:R-REG-2']);
    expect(await codesFor('ODB-A000003')).toEqual(['replacesOdbNumber:R-REG-2']);
    expect(await codesFor('ODB-A000999')).toEqual(['replacesOdbNumber:R-REG-2']);
    const foreign = await draft(ports, { ownReference: 'RE-X', replacesOdbNumber: 'ODB-A000002' });
    expect((await problemOf(submitOwnApplication(ports, KBO, foreign.id, NOW))).status).toBe(409);
  });

  it('R-ORG-2: without organisation details a submit is refused', async () => {
    const ports = memoryPorts();
    const { id } = await draft(ports);
    const refused = await problemOf(submitOwnApplication(ports, KBO, id, NOW));
    expect(refused.status).toBe(409);
  });
});

describe('documents (issue 12: quarantine, single-use slots)', () => {
  it('a slot is for the quarantine key; confirm checks, copies to the final key and empties quarantine; a second confirm changes nothing', async () => {
    // Prepare
    const ports = memoryPorts();
    const { id } = await draft(ports);
    const file = pdf();
    const slot = await createDocumentSlot(ports, KBO, id, { name: 'brochure.pdf', contentType: 'application/pdf', size: file.length, kind: 'brochure' }, NOW);
    const key = slot.upload.fields.key ?? '';
    ports.documents.upload(key, file, 'application/pdf');
    // Act
    const confirmed = await confirmDocument(ports, KBO, id, slot.document.id, NOW);
    ports.documents.upload(key, peExecutable().subarray(0, file.length), 'application/pdf');
    const again = await confirmDocument(ports, KBO, id, slot.document.id, NOW);
    // Assess
    const finalKey = `applications/${id}/documents/${slot.document.id}`;
    expect(key).toBe(`quarantine/${finalKey}`);
    expect(confirmed).toMatchObject({ status: 'uploaded' });
    expect(again).toEqual(confirmed);
    expect(Buffer.from(ports.documents.objects.get(finalKey)?.bytes ?? []).equals(Buffer.from(file))).toBe(true);
  });

  it('a refused file (an .xlsx as DOCX) is deleted, its declaration dropped, and the slot cannot be confirmed again', async () => {
    const ports = memoryPorts();
    const { id } = await draft(ports);
    const bytes = xlsx();
    const slot = await createDocumentSlot(ports, KBO, id, { name: 'p.docx', contentType: DOCX_TYPE, size: bytes.length, kind: 'programme' }, NOW);
    ports.documents.upload(slot.upload.fields.key ?? '', bytes, DOCX_TYPE);
    const refused = await problemOf(confirmDocument(ports, KBO, id, slot.document.id, NOW));
    expect(refused.status).toBe(400);
    expect(ports.documents.objects.size).toBe(0);
    expect((await readApplication(ports, KBO, id)).documents).toEqual([]);
    expect((await problemOf(confirmDocument(ports, KBO, id, slot.document.id, NOW))).status).toBe(404);
  });

  it('confirming before the upload is a 409; a DOCX passes', async () => {
    const ports = memoryPorts();
    const { id } = await draft(ports);
    const bytes = docx();
    const slot = await createDocumentSlot(ports, KBO, id, { name: 'p.docx', contentType: DOCX_TYPE, size: bytes.length, kind: 'programme' }, NOW);
    expect((await problemOf(confirmDocument(ports, KBO, id, slot.document.id, NOW))).status).toBe(409);
    ports.documents.upload(slot.upload.fields.key ?? '', bytes, DOCX_TYPE);
    expect((await confirmDocument(ports, KBO, id, slot.document.id, NOW)).status).toBe('uploaded');
  });
});

describe('organisations (R-ORG-2, R-ORG-4)', () => {
  it('R-ORG-2: the three contacts are kept; reading before filling in is a 404', async () => {
    const ports = memoryPorts();
    expect((await problemOf(readOrganisation(ports, KBO))).status).toBe(404);
    const generalContact = { name: 'Directie', email: 'directie@voorbeeld.be', phone: '+32 2 553 00 01' };
    await writeOrganisation(ports, KBO, organisation({ generalContact, chequesContact: null }), NOW);
    const renamed = await writeOrganisation(ports, KBO, organisation({ name: 'Nieuwe naam' }), NOW);
    expect(renamed).toMatchObject({ name: 'Nieuwe naam', generalContact, chequesContact: null });
  });

  it('R-ORG-4: the LMS document goes on file from its final key after a checked upload; a swap after confirm changes nothing', async () => {
    // Prepare
    const ports = memoryPorts();
    await writeOrganisation(ports, KBO, organisation({ lms: { system: 'moodle' } }), NOW);
    const file = pdf();
    const slot = await createLmsUploadSlot(ports, KBO, { name: 'opvolging.pdf', contentType: 'application/pdf', size: file.length, kind: 'blendedFollowUp' }, NOW);
    const key = slot.upload.fields.key ?? '';
    ports.documents.upload(key, file, 'application/pdf');
    // Act
    const confirmed = await confirmLmsUpload(ports, KBO, slot.document.id, NOW);
    ports.documents.upload(key, peExecutable().subarray(0, file.length), 'application/pdf');
    const again = await confirmLmsUpload(ports, KBO, slot.document.id, NOW);
    // Assess
    expect(key.startsWith('quarantine/organisations/')).toBe(true);
    expect(confirmed.lmsDocument).toMatchObject({ status: 'on-file', fileName: 'opvolging.pdf' });
    expect(again).toEqual(confirmed);
    const finalKey = key.replace(/^quarantine\//, '');
    expect(Buffer.from(ports.documents.objects.get(finalKey)?.bytes ?? []).equals(Buffer.from(file))).toBe(true);
  });

  it('R-ORG-4: a refused LMS document is deleted and the organisation has none on file', async () => {
    const ports = memoryPorts();
    await writeOrganisation(ports, KBO, organisation({ lms: { system: 'moodle' } }), NOW);
    const bytes = peExecutable();
    const slot = await createLmsUploadSlot(ports, KBO, { name: 'o.pdf', contentType: 'application/pdf', size: bytes.length, kind: 'blendedFollowUp' }, NOW);
    ports.documents.upload(slot.upload.fields.key ?? '', bytes, 'application/pdf');
    expect((await problemOf(confirmLmsUpload(ports, KBO, slot.document.id, NOW))).status).toBe(400);
    expect(ports.documents.objects.size).toBe(0);
    expect((await readOrganisation(ports, KBO)).lmsDocument.status).toBe('missing');
  });
});
