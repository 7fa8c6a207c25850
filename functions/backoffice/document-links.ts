import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ApplicationDocument } from '../../shared/applications/documents';
import { applicationDocumentKey } from '../documents/application-documents';
import { s3 } from '../documents/store';

/** Seconds a document download link stays valid. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

/** Port: a short-lived download link for an uploaded document of an application. */
export type DocumentLinker = (applicationId: string, document: ApplicationDocument) => Promise<string>;

/** The S3 adapter: a presigned GET that downloads the file under its own name. */
export function s3DocumentLinker(bucket: string): DocumentLinker {
  return (applicationId, document) => getSignedUrl(s3(), new GetObjectCommand({
    Bucket: bucket,
    Key: applicationDocumentKey(applicationId, document.id),
    ResponseContentType: document.contentType,
    ResponseContentDisposition: `attachment; filename="${document.name.replace(/["\\]/g, '_')}"`,
  }), { expiresIn: DOWNLOAD_LINK_SECONDS });
}
