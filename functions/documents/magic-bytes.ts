/**
 * What the first bytes of a file must be for each allowed content type. The declared type alone
 * proves nothing (a client can send any Content-Type), so an upload only counts once its bytes match.
 */
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04: DOCX and ODT are ZIP containers
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .doc
const ODF_MIMETYPE_ENTRY = 'mimetype';
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** How many leading bytes `matchesMagicBytes` needs. */
export const MAGIC_BYTES_NEEDED = 128;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((byte, index) => bytes[offset + index] === byte);

const asciiAt = (bytes: Uint8Array, offset: number, length: number) =>
  Buffer.from(bytes.subarray(offset, offset + length)).toString('latin1');

/** An OpenDocument file stores its media type uncompressed as the first ZIP entry, named "mimetype". */
function odfMimetype(bytes: Uint8Array): string | null {
  if (!startsWith(bytes, ZIP)) return null;
  const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
  if (nameLength !== ODF_MIMETYPE_ENTRY.length || asciiAt(bytes, 30, nameLength) !== ODF_MIMETYPE_ENTRY) return null;
  const start = 30 + nameLength + extraLength;
  return asciiAt(bytes, start, ODT_MIMETYPE.length);
}

export function matchesMagicBytes(contentType: string, bytes: Uint8Array): boolean {
  switch (contentType) {
    case 'application/pdf':
      return startsWith(bytes, PDF);
    case 'image/png':
      return startsWith(bytes, PNG);
    case 'image/jpeg':
      return startsWith(bytes, JPEG);
    case 'application/msword':
      return startsWith(bytes, OLE2);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return startsWith(bytes, ZIP) && odfMimetype(bytes) === null;
    case 'application/vnd.oasis.opendocument.text':
      return odfMimetype(bytes) === ODT_MIMETYPE;
    default:
      return false;
  }
}
