import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { applicationDocumentKey } from '../documents/application-documents';
import { s3 } from '../documents/s3-storage';
import { DOWNLOAD_LINK_SECONDS, type DocumentLinker } from './ports';


/** The S3 adapter: a presigned GET that downloads the file under its own name. */
export function s3DocumentLinker(bucket: string): DocumentLinker {
  return (applicationId, document) => getSignedUrl(s3(), new GetObjectCommand({
    Bucket: bucket,
    Key: applicationDocumentKey(applicationId, document.id),
    ResponseContentType: document.contentType,
    ResponseContentDisposition: `attachment; filename="${document.name.replace(/["\\]/g, '_')}"`,
  }), { expiresIn: DOWNLOAD_LINK_SECONDS });
}
