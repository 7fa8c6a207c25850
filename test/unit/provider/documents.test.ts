import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../shared/applications/documents';
import { isOfDeclaredType } from '../../../functions/documents/content-type';
import { verifyUpload } from '../../../functions/documents/verify';
import { docm, docx, DOCX_TYPE, jar, jpeg, legacyDoc, odt, ODT_TYPE, pdf, peExecutable, png, xlsx } from './document-fixtures';

describe('content of the allowed document types (file-type + the container manifest)', () => {
  it.each([
    ['application/pdf', pdf()],
    ['image/png', png()],
    ['image/jpeg', jpeg()],
    [DOCX_TYPE, docx()],
    [ODT_TYPE, odt()],
  ])('%s: a real file of the type passes', async (type, bytes) => {
    expect(await isOfDeclaredType(type, bytes)).toBe(true);
  });

  it.each([
    ['an .xlsx', xlsx()],
    ['a .jar', jar()],
    ['a macro-enabled .docm', docm()],
    ['an ODT', odt()],
    ['a PDF', pdf()],
  ])('issue 12: %s never passes as DOCX', async (_what, bytes) => {
    expect(await isOfDeclaredType(DOCX_TYPE, bytes)).toBe(false);
  });

  it.each([
    ['a DOCX', docx()],
    ['a .jar', jar()],
    ['an OpenDocument spreadsheet', odt('application/vnd.oasis.opendocument.spreadsheet')],
  ])('issue 12: %s never passes as ODT', async (_what, bytes) => {
    expect(await isOfDeclaredType(ODT_TYPE, bytes)).toBe(false);
  });

  it.each([
    ['application/pdf', peExecutable()],
    ['application/pdf', png()],
    ['image/png', pdf()],
    ['image/jpeg', new TextEncoder().encode('<html>')],
    ['application/pdf', new Uint8Array()],
    ['text/plain', new TextEncoder().encode('hello')],
  ])('%s: other content does not pass', async (type, bytes) => {
    expect(await isOfDeclaredType(type, bytes)).toBe(false);
  });

  it('a legacy .doc is an OLE2 compound file', async () => {
    expect(await isOfDeclaredType('application/msword', legacyDoc())).toBe(true);
    expect(await isOfDeclaredType('application/msword', docx())).toBe(false);
  });
});

describe('verifyUpload: every reason to refuse an upload at once', () => {
  const file = pdf();
  const declared = { name: 'a.pdf', contentType: 'application/pdf', size: file.length };

  it('a file that matches its declaration passes', async () => {
    expect(await verifyUpload(declared, { size: file.length, contentType: 'application/pdf', bytes: file })).toEqual([]);
  });

  it('oversize, other type and wrong bytes are all reported', async () => {
    const problems = await verifyUpload(declared, { size: MAX_DOCUMENT_BYTES + 1, contentType: 'text/html', bytes: new Uint8Array() });
    expect(problems.map((p) => p.code)).toEqual(['document-too-large', 'document-content-type']);
    for (const problem of problems) expect(problem.path).toBe('file');
  });

  it('another type and wrong bytes are reported together', async () => {
    const problems = await verifyUpload(declared, { size: file.length, contentType: 'text/html', bytes: peExecutable().subarray(0, file.length) });
    expect(problems.map((p) => p.code)).toEqual(['document-content-type', 'document-magic-bytes']);
  });

  it('a size other than declared is refused', async () => {
    const problems = await verifyUpload({ ...declared, size: file.length + 1 }, { size: file.length, contentType: 'application/pdf', bytes: file });
    expect(problems.map((p) => p.code)).toEqual(['document-size-mismatch']);
  });
});
