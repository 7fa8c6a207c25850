/**
 * Dutch labels for the catalogue codes, as the public reads them on the site and in the downloads.
 * English codes in data, Dutch only in what people read (style.md habit 11). Pure.
 */
import type {
  ChequeCategory,
  CompetenceGroup,
  Incentive,
  PublishedStatus,
  SizeBucket,
} from './published-training';

export const competenceGroupLabels: Record<CompetenceGroup, string> = {
  basic: 'Basiscompetenties',
  professionSpecific: 'Beroepsspecifieke competenties',
  general: 'Algemene arbeidsmarktcompetenties',
};

export const chequeCategoryLabels: Record<ChequeCategory, string> = {
  standard: 'Gewone opleiding',
  secondaryDiploma: 'Diploma secundair onderwijs',
  nt2: 'Nederlands als tweede taal (NT2)',
  shortageOccupation: 'Opleiding voor een knelpuntberoep',
  basicSkills: 'Basisvaardigheden (geletterdheid, rekenvaardigheid, digitale basisvaardigheden)',
  higherEducation: 'Graduaat of bachelor',
};

/** What a worker pays with training cheques for this category (R-CHQ-3, R-CHQ-4, R-CHQ-5). */
export const chequeCategoryNotes: Record<ChequeCategory, string> = {
  standard: 'U betaalt de helft van de opleidingscheques, de Vlaamse overheid de andere helft (tot € 250 per schooljaar).',
  secondaryDiploma: 'De Vlaamse overheid betaalt de opleidingscheques volledig (tot € 250 per schooljaar).',
  nt2: 'De Vlaamse overheid betaalt de opleidingscheques volledig (tot € 250 per schooljaar).',
  shortageOccupation: 'De Vlaamse overheid betaalt de opleidingscheques volledig (tot € 250 per schooljaar).',
  basicSkills: 'De Vlaamse overheid betaalt de opleidingscheques volledig (tot € 250 per schooljaar).',
  higherEducation: 'U betaalt de helft van de opleidingscheques, de Vlaamse overheid de andere helft (tot € 500 per schooljaar).',
};

export const incentiveLabels: Record<Incentive, string> = {
  opleidingscheques: 'Opleidingscheques',
  'vlaams-opleidingsverlof': 'Vlaams opleidingsverlof',
};

export const statusLabels: Record<PublishedStatus, string> = {
  active: 'Geregistreerd',
  replaced: 'Vervangen',
};

export const sizeBucketLabels: Record<SizeBucket, string> = {
  lt32: 'Minder dan 32 uur',
  '32to100': '32 tot 100 uur',
  gt100: 'Meer dan 100 uur',
  studyPoints: 'In studiepunten',
};

export const blendedLabels = { true: 'Ja, deels afstandsleren', false: 'Nee' } as const;

/** Field descriptions for the open-data page and the CSV header documentation. */
export const fieldDescriptions: ReadonlyArray<{ field: string; type: string; description: string }> = [
  { field: 'odbNumber', type: 'tekst', description: 'ODB-registratienummer van de opleiding, bv. ODB-A000123. Reeks X: hoger onderwijs, Y: volwassenenonderwijs, Z: SYNTRA.' },
  { field: 'title', type: 'tekst', description: 'Naam van de opleiding.' },
  { field: 'provider.kbo', type: 'tekst', description: 'KBO-nummer van de opleidingsverstrekker (10 cijfers).' },
  { field: 'provider.name', type: 'tekst', description: 'Naam van de opleidingsverstrekker.' },
  { field: 'validFrom', type: 'datum', description: 'Datum vanaf wanneer de registratie geldt (JJJJ-MM-DD).' },
  { field: 'stopDate', type: 'datum of leeg', description: 'Datum waarop de registratie stopt, als die gekend is.' },
  { field: 'status', type: 'active | replaced', description: 'active: geregistreerd; replaced: vervangen door een nieuwe registratie.' },
  { field: 'replacedBy', type: 'tekst of leeg', description: 'ODB-nummer van de registratie die deze vervangt.' },
  { field: 'contactHours', type: 'getal of leeg', description: 'Aantal contacturen.' },
  { field: 'studyPoints', type: 'getal of leeg', description: 'Aantal studiepunten (hoger onderwijs).' },
  { field: 'modules', type: 'lijst', description: 'Modules, elk met een eigen ODB-nummer, naam, contacturen en eventueel ERK-taalniveau (cefrLevel). In de CSV: ODB-nummers gescheiden door |.' },
  { field: 'competenceGroup', type: 'basic | professionSpecific | general', description: 'Competentiegroep: basiscompetenties, beroepsspecifieke of algemene arbeidsmarktcompetenties.' },
  { field: 'competences', type: 'lijst', description: 'Competenties waartoe de opleiding leidt. In de CSV gescheiden door |.' },
  { field: 'targetGroup', type: 'tekst', description: 'Doelgroep en vereiste voorkennis.' },
  { field: 'websiteUrl', type: 'URL', description: 'Webpagina van de opleiding bij de verstrekker.' },
  { field: 'blended', type: 'ja/nee', description: 'Of de opleiding deels uit afstandsleren bestaat (blended leren).' },
  { field: 'chequeCategory', type: 'code', description: 'Categorie voor opleidingscheques: standard, secondaryDiploma, nt2, shortageOccupation, basicSkills, higherEducation.' },
  { field: 'incentives', type: 'lijst', description: 'Stimulansen waar de opleiding recht op geeft: opleidingscheques, vlaams-opleidingsverlof.' },
  { field: 'description', type: 'tekst', description: 'Inhoud en leerdoelen.' },
];
