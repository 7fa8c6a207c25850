import * as z from 'zod';

/** Documents attached to an application (optional, visible to the back office and assessors only). */
export const DOCUMENT_KINDS = ['brochure', 'programme', 'blendedFollowUp', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ALLOWED_DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
] as const;

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Body of POST /v1/applications/{id}/documents (and of the organisation's LMS document slot). */
export const documentUploadRequestSchema = z
  .object({
    name: z
      .string('Geef de bestandsnaam op.')
      .min(1, 'Geef de bestandsnaam op.')
      .max(200, 'De bestandsnaam is te lang (max. 200 tekens).')
      .regex(/^[^/\\\u0000-\u001f]+$/, 'De bestandsnaam mag geen mappen of stuurtekens bevatten.')
      .meta({ description: 'Bestandsnaam', example: 'brochure.pdf' }),
    contentType: z
      .enum(ALLOWED_DOCUMENT_CONTENT_TYPES, 'Dit bestandstype is niet toegelaten (pdf, doc(x), odt, png of jpeg).')
      .meta({ description: 'MIME-type' }),
    size: z
      .number('Geef de grootte in bytes op.')
      .int('Geef de grootte in hele bytes op.')
      .min(1, 'Het bestand is leeg.')
      .max(MAX_DOCUMENT_BYTES, 'Het bestand is te groot (max. 20 MB).')
      .meta({ description: 'Grootte in bytes' }),
    kind: z
      .enum(DOCUMENT_KINDS, 'Kies het soort document: brochure, programme, blendedFollowUp of other.')
      .default('other')
      .meta({ description: 'Soort document; blendedFollowUp = opleidingsspecifiek opvolgingsdocument voor blended leren (R-APP-2)' }),
  })
  .meta({ description: 'Aankondiging van een document voor een uploadslot' });
export type DocumentUploadRequest = z.infer<typeof documentUploadRequestSchema>;

export interface ApplicationDocument {
  id: string;
  name: string;
  contentType: string;
  size: number;
  kind: DocumentKind;
  /** pending: upload slot handed out; uploaded: the file arrived. */
  status: 'pending' | 'uploaded';
  createdAt: string;
  uploadedAt: string | null;
}

/** R-APP-2: a training-specific follow-up document for blended learning has arrived. */
export function hasTrainingFollowUpDocument(documents: readonly Pick<ApplicationDocument, 'kind' | 'status'>[]): boolean {
  return documents.some((d) => d.kind === 'blendedFollowUp' && d.status === 'uploaded');
}
