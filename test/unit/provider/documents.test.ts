import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../shared/applications/documents';
import { matchesMagicBytes } from '../../../functions/documents/magic-bytes';
import { verifyUpload } from '../../../functions/documents/verify';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** A minimal ZIP local file header whose first entry is `name`, followed by `content` (stored). */
function zipWithFirstEntry(name: string, content: string): Uint8Array {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return new Uint8Array(Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]));
}

const ODT = zipWithFirstEntry('mimetype', 'application/vnd.oasis.opendocument.text');
const DOCX = zipWithFirstEntry('[Content_Types].xml', '<?xml version="1.0"?>');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);

describe('magic bytes of the allowed document types', () => {
  it.each([
    ['application/pdf', ascii('%PDF-1.7\n')],
    ['image/png', PNG],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX],
    ['application/vnd.oasis.opendocument.text', ODT],
    ['application/msword', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
  ])('%s: its own signature matches', (type, head) => {
    expect(matchesMagicBytes(type, head)).toBe(true);
  });

  it.each([
    ['application/pdf', PNG],
    ['image/png', ascii('%PDF-1.7')],
    ['image/jpeg', ascii('<html>')],
    ['application/vnd.oasis.opendocument.text', DOCX],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ODT],
    ['application/pdf', new Uint8Array()],
    ['text/plain', ascii('hello')],
  ])('%s: another signature does not match', (type, head) => {
    expect(matchesMagicBytes(type, head)).toBe(false);
  });
});

describe('verifyUpload: every reason to refuse an upload at once', () => {
  const declared = { name: 'a.pdf', contentType: 'application/pdf', size: 9 };

  it('a file that matches its declaration passes', () => {
    expect(verifyUpload(declared, { size: 9, contentType: 'application/pdf', head: ascii('%PDF-1.7\n') })).toEqual([]);
  });

  it('oversize, other type and wrong bytes are all reported', () => {
    const problems = verifyUpload(declared, { size: MAX_DOCUMENT_BYTES + 1, contentType: 'text/html', head: ascii('<html>') });
    expect(problems.map((p) => p.code)).toEqual(['document-too-large', 'document-content-type', 'document-magic-bytes']);
    for (const problem of problems) expect(problem.path).toBe('file');
  });

  it('a size other than declared is refused', () => {
    expect(verifyUpload(declared, { size: 10, contentType: 'application/pdf', head: ascii('%PDF-1.7\n') }).map((p) => p.code)).toEqual(['document-size-mismatch']);
  });
});
