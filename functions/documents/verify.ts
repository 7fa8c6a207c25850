import { MAX_DOCUMENT_BYTES } from '../../shared/applications/documents';
import type { Problem } from '../../shared/http/problem';
import { isOfDeclaredType } from './content-type';
import type { StoredObject } from './storage';

export interface DeclaredUpload {
  name: string;
  contentType: string;
  size: number;
}

/**
 * Every reason to refuse an uploaded file, all at once: larger than 20 MB or than declared, another
 * Content-Type than declared, or content that is not what the type claims (detector + manifest).
 */
export async function verifyUpload(declared: DeclaredUpload, found: Pick<StoredObject, 'size' | 'contentType' | 'bytes'>): Promise<Problem[]> {
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
  // a file over the limit is not read, so its content is not judged
  if (found.size <= MAX_DOCUMENT_BYTES && !(await isOfDeclaredType(declared.contentType, found.bytes))) {
    problems.push({
      path: 'file', code: 'document-magic-bytes',
      message: `De inhoud van "${declared.name}" is geen bestand van het aangekondigde type (${declared.contentType}).`,
    });
  }
  return problems;
}
