import { MAX_DOCUMENT_BYTES } from '../../shared/applications/documents';
import type { Problem } from '../../shared/http/problem';
import { matchesMagicBytes } from './magic-bytes';
import type { Inspection } from './store';

export interface DeclaredUpload {
  name: string;
  contentType: string;
  size: number;
}

/**
 * Every reason to refuse an uploaded file, all at once: larger than 20 MB or than declared, another
 * Content-Type than declared, or bytes that are not what the type claims (magic bytes).
 */
export function verifyUpload(declared: DeclaredUpload, found: Inspection): Problem[] {
  const problems: Problem[] = [];
  if (found.size > MAX_DOCUMENT_BYTES) {
    problems.push({ path: 'file', code: 'document-too-large', message: 'Het bestand is te groot (max. 20 MB).' });
  } else if (found.size !== declared.size) {
    problems.push({
      path: 'file', code: 'document-size-mismatch',
      message: `Het bestand is ${found.size} bytes groot, maar er werd ${declared.size} bytes aangekondigd.`,
    });
  }
  if ((found.contentType ?? '').split(';')[0]?.trim().toLowerCase() !== declared.contentType) {
    problems.push({
      path: 'file', code: 'document-content-type',
      message: `Het bestand werd opgeladen met een ander type dan aangekondigd (${declared.contentType}).`,
    });
  }
  if (!matchesMagicBytes(declared.contentType, found.head)) {
    problems.push({
      path: 'file', code: 'document-magic-bytes',
      message: `De inhoud van "${declared.name}" is geen bestand van het aangekondigde type (${declared.contentType}).`,
    });
  }
  return problems;
}
