import { strToU8, zipSync } from 'fflate';

/** Real (minimal) files of each kind, built in the test: what a provider uploads, and what an attacker does. */

const DOCX_CONTENT_TYPES = (main: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="%MAIN%"/></Types>`;

const RELS = (target: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

export function docx(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(DOCX_CONTENT_TYPES('word/document.xml').replace('%MAIN%', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')),
    '_rels/.rels': strToU8(RELS('word/document.xml')),
    'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Programma</w:t></w:r></w:p></w:body></w:document>'),
  });
}

export function xlsx(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(DOCX_CONTENT_TYPES('xl/workbook.xml').replace('%MAIN%', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')),
    '_rels/.rels': strToU8(RELS('xl/workbook.xml')),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
  });
}

/** A macro-enabled Word file (.docm): a WordprocessingML package, but not a DOCX. */
export function docm(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(DOCX_CONTENT_TYPES('word/document.xml').replace('%MAIN%', 'application/vnd.ms-word.document.macroEnabled.main+xml')),
    '_rels/.rels': strToU8(RELS('word/document.xml')),
    'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
  });
}

export function jar(): Uint8Array {
  return zipSync({
    'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\r\nMain-Class: Evil\r\n'),
    'Evil.class': new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]),
  });
}

export function odt(mimetype = 'application/vnd.oasis.opendocument.text'): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'META-INF/manifest.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`),
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
  });
}

export const pdf = (): Uint8Array => strToU8('%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A Windows PE executable's first bytes ("MZ" … "PE\0\0"). */
export function peExecutable(): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80);
  return bytes;
}

export const png = (): Uint8Array => new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

export const jpeg = (): Uint8Array => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

export const legacyDoc = (): Uint8Array => {
  const bytes = new Uint8Array(512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  return bytes;
};

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT_TYPE = 'application/vnd.oasis.opendocument.text';
