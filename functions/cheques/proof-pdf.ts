/**
 * The proof as a PDF in Dutch (R-CHQ-8), drawn with pdf-lib (standard Helvetica, WinAnsi text): the
 * request, the training, the amounts and shares, the decision with every reason in plain words, and
 * the verification code. Deterministic for one state (fixed document dates), so the same proof is the
 * same file.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ChequeRequest } from '../../shared/cheques/cheque-request';
import { formatEuro } from '../../shared/cheques/money';
import type { ProofFacts } from '../../shared/cheques/proof';
import { dutchDate } from '../../shared/time/calendar';

const decisionLabels: Record<ChequeRequest['status'], string> = {
  submitted: 'Ingediend, nog niet beslist',
  approved: 'Goedgekeurd',
  'awaiting-contribution': 'Goedgekeurd; de persoonlijke bijdrage is nog te betalen',
  rejected: 'Geweigerd',
  issued: 'Goedgekeurd; de cheques zijn geleverd',
  expired: 'Goedgekeurd; de cheques zijn vervallen',
  cancelled: 'Geannuleerd',
};

export interface ProofDocument {
  facts: ProofFacts;
  workerName: string;
  code: string;
  issuedAt: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/** Characters the standard font cannot encode become '?', so a name or reason never breaks the PDF. */
function encodable(font: PDFFont, text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    try {
      font.encodeText(char);
      out += char;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderProofPdf(proof: ProofDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fixed = new Date(proof.issuedAt);
  pdf.setTitle('Bewijs van aanvraag van opleidingscheques');
  pdf.setLanguage('nl-BE');
  pdf.setAuthor('Dienst Opleidingscheques — Departement Werk en Sociale Economie');
  pdf.setSubject(`Aanvraag ${proof.facts.reference}`);
  pdf.setCreator('opleidingsincentives');
  pdf.setProducer('opleidingsincentives');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;

  const write = (text: string, options: { size?: number; font?: PDFFont; indent?: number; gap?: number } = {}) => {
    const size = options.size ?? 11;
    const font = options.font ?? regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(font, size, encodable(font, text), width - indent)) {
      if (y < MARGIN + size) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: rgb(0.12, 0.12, 0.12) });
      y -= size * 1.4;
    }
    y -= options.gap ?? 0;
  };
  const fact = (label: string, value: string) => {
    write(`${label}: ${value}`);
  };

  const { facts } = proof;
  write('Bewijs van aanvraag van opleidingscheques', { size: 18, font: bold, gap: 6 });
  write('Dienst Opleidingscheques — Departement Werk en Sociale Economie', { size: 10, gap: 12 });

  write('De aanvraag', { size: 13, font: bold, gap: 2 });
  fact('Referentie', facts.reference);
  fact('Datum van de aanvraag', dutchDate(facts.requestedAt));
  fact('Schooljaar', facts.schoolYear);
  fact('Werknemer', proof.workerName);
  y -= 8;

  write('De opleiding', { size: 13, font: bold, gap: 2 });
  fact('Titel', facts.trainingTitle ?? 'onbekend (geen opleiding met dit ODB-nummer)');
  fact('Opleidingsverstrekker', facts.providerName ?? 'onbekend');
  fact('ODB-nummer', facts.odbNumber);
  y -= 8;

  write('Bedragen', { size: 13, font: bold, gap: 2 });
  fact('Gevraagd bedrag', formatEuro(facts.amountCents));
  fact('Persoonlijke bijdrage van de werknemer', formatEuro(facts.contributionCents));
  fact('Deel van de Vlaamse overheid', formatEuro(facts.governmentCents));
  y -= 8;

  write('Beslissing', { size: 13, font: bold, gap: 2 });
  fact('Beslissing', decisionLabels[facts.status]);
  fact('Datum van deze toestand', dutchDate(facts.decidedAt));
  if (facts.status === 'rejected' && facts.reasons.length > 0) {
    write('Redenen van de weigering:', { gap: 2 });
    for (const reason of facts.reasons) write(`- ${reason}`, { indent: 12 });
  }
  y -= 12;

  write('Echtheid van dit bewijs', { size: 13, font: bold, gap: 2 });
  fact('Verificatiecode', proof.code);
  write(
    'Het departement kan met deze code nagaan of dit bewijs echt is en of de aanvraag nog in deze toestand is ' +
      `(GET /v1/cheque-requests/proofs/${proof.code}). Opgemaakt op ${dutchDate(proof.issuedAt)}.`,
    { size: 10 },
  );
  return pdf.save({ useObjectStreams: false });
}
