import { unzipSync } from 'fflate';
import { fileTypeFromBuffer } from 'file-type';

/**
 * Is this file what its declared type says? The declared type proves nothing (a client sends any
 * Content-Type), so the bytes decide, through a maintained detector (`file-type`), and for the two
 * ZIP-based text formats also through the container's own manifest — an .xlsx, a .jar, a macro-enabled
 * .docm or any other ZIP never passes as DOCX or ODT:
 * - DOCX: `[Content_Types].xml` declares the WordprocessingML main part (`…wordprocessingml.
 *   document.main+xml`) and `word/document.xml` exists;
 * - ODT: the `mimetype` entry is `application/vnd.oasis.opendocument.text` and
 *   `META-INF/manifest.xml` gives the root ("/") that media type.
 * Legacy .doc is an OLE2 compound file (`application/x-cfb` for the detector): accepted as such, its
 * inner streams are not inspected.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const DOCX_MAIN_PART = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** What the detector may report for each allowed declared type. */
const DETECTED: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['application/pdf'],
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg'],
  'application/msword': ['application/x-cfb', 'application/msword'],
  [DOCX]: [DOCX],
  [ODT]: [ODT],
};

/** Manifest entries are small; a larger one is refused rather than inflated (ZIP bombs). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

function zipEntries(bytes: Uint8Array, names: readonly string[]): Map<string, string> | null {
  try {
    const files = unzipSync(bytes, { filter: (file) => names.includes(file.name) && file.originalSize <= MAX_MANIFEST_BYTES });
    return new Map(Object.entries(files).map(([name, content]) => [name, Buffer.from(content).toString('utf8')]));
  } catch {
    return null;
  }
}

function hasDocxManifest(bytes: Uint8Array): boolean {
  const entries = zipEntries(bytes, ['[Content_Types].xml', 'word/document.xml']);
  const types = entries?.get('[Content_Types].xml');
  return types !== undefined && types.includes(`ContentType="${DOCX_MAIN_PART}"`) && entries?.has('word/document.xml') === true;
}

function hasOdtManifest(bytes: Uint8Array): boolean {
  const entries = zipEntries(bytes, ['mimetype', 'META-INF/manifest.xml']);
  const manifest = entries?.get('META-INF/manifest.xml') ?? '';
  const root = /<manifest:file-entry\b[^>]*manifest:full-path="\/"[^>]*>/.exec(manifest)?.[0] ?? '';
  return entries?.get('mimetype')?.trim() === ODT && root.includes(`manifest:media-type="${ODT}"`);
}

/** True when `bytes` (the whole file) really are of `declaredType`. */
export async function isOfDeclaredType(declaredType: string, bytes: Uint8Array): Promise<boolean> {
  const allowed = DETECTED[declaredType];
  if (!allowed || bytes.length === 0) return false;
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !allowed.includes(detected.mime)) return false;
  if (declaredType === DOCX) return hasDocxManifest(bytes);
  if (declaredType === ODT) return hasOdtManifest(bytes);
  return true;
}
