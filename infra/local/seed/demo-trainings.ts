/**
 * Deterministic demo catalogue: `demoTrainings(count, seed)` returns plausible Dutch trainings in the
 * published-record shape (shared/catalogue/published-training.ts). Same count and seed, same records.
 * Pure; the CLI at the bottom writes a snapshot file for local use:
 *
 *   npx tsx infra/local/seed/demo-trainings.ts --count 200 --out /tmp/catalogue.json [--seed 42]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kboNumberFromBase } from '../../../shared/catalogue/kbo-number';
import type {
  CatalogueSnapshot,
  CefrLevel,
  ChequeCategory,
  CompetenceGroup,
  Incentive,
  PublishedModule,
  PublishedTraining,
} from '../../../shared/catalogue/published-training';

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Series = 'A' | 'X' | 'Y' | 'Z';
type OrgKind = 'centre' | 'college' | 'adultEducation' | 'syntra' | 'sector';

interface Organisation {
  kbo: string;
  name: string;
  host: string;
  kind: OrgKind;
}

const organisations: readonly Organisation[] = [
  { kbo: '0403170701', name: 'Opleidingscentrum Schelde', host: 'www.opleidingscentrum-schelde.example', kind: 'centre' },
  { kbo: kboNumberFromBase('04125698'), name: 'Vormingsinstituut Kempen vzw', host: 'www.vormingsinstituut-kempen.example', kind: 'centre' },
  { kbo: kboNumberFromBase('08234561'), name: 'Hogeschool Leiedal', host: 'www.hogeschool-leiedal.example', kind: 'college' },
  { kbo: kboNumberFromBase('02098765'), name: 'CVO Brabant', host: 'www.cvo-brabant.example', kind: 'adultEducation' },
  { kbo: kboNumberFromBase('04567812'), name: 'SYNTRA Westhoek', host: 'www.syntra-westhoek.example', kind: 'syntra' },
  { kbo: kboNumberFromBase('08765432'), name: 'Bouwopleidingen Vlaanderen vzw', host: 'www.bouwopleidingen-vlaanderen.example', kind: 'sector' },
  { kbo: kboNumberFromBase('06612345'), name: 'Zorgacademie Limburg', host: 'www.zorgacademie-limburg.example', kind: 'centre' },
  { kbo: kboNumberFromBase('07301928'), name: 'Digitaal Leren Gent bv', host: 'www.digitaal-leren-gent.example', kind: 'centre' },
];

interface Template {
  title: string;
  group: CompetenceGroup;
  competences: string[];
  cheque: ChequeCategory;
  hours: [number, number];
  kinds: OrgKind[];
  modules?: string[];
  /** Language training: one module per CEFR level (R-APP-7). */
  cefr?: CefrLevel[];
  studyPoints?: number;
  target: string;
  about: string;
}

const templates: readonly Template[] = [
  { title: 'Heftruckchauffeur', group: 'professionSpecific', competences: ['Heftruck besturen', 'Veilig laden en lossen'], cheque: 'shortageOccupation', hours: [35, 80], kinds: ['centre', 'sector'], target: 'Werknemers in logistiek en productie; geen voorkennis vereist.', about: 'U leert veilig werken met een heftruck: stabiliteit, lastdiagrammen, manoeuvreren in smalle gangen en dagelijks nazicht van het toestel.' },
  { title: 'Reachtruckchauffeur', group: 'professionSpecific', competences: ['Reachtruck besturen', 'Magazijnbeheer'], cheque: 'shortageOccupation', hours: [32, 60], kinds: ['centre', 'sector'], target: 'Magazijnmedewerkers met basiservaring in intern transport.', about: 'Praktijkgerichte opleiding voor het stapelen op hoogte met een reachtruck, met aandacht voor ergonomie en veiligheid.' },
  { title: 'Jeugd- en gehandicaptenzorg', group: 'professionSpecific', competences: ['Begeleiden van kinderen en jongeren', 'Ondersteunen van personen met een handicap', 'Handelingsplanning'], cheque: 'shortageOccupation', hours: [400, 900], kinds: ['adultEducation', 'centre'], modules: ['Basishouding in de zorg', 'Pedagogisch handelen', 'Zorg voor personen met een beperking', 'Stage jeugd- en gehandicaptenzorg'], target: 'Volwassenen die begeleider willen worden in de jeugdhulp of de gehandicaptenzorg.', about: 'De opleiding leidt tot de beroepskwalificatie begeleider in de jeugd- en gehandicaptenzorg. U leert observeren, begeleiden en rapporteren in een leefgroep.' },
  { title: 'Kinderbegeleider baby’s en peuters', group: 'professionSpecific', competences: ['Kinderopvang', 'Ontwikkelingsgericht werken'], cheque: 'shortageOccupation', hours: [300, 700], kinds: ['adultEducation'], modules: ['Ontwikkeling van het jonge kind', 'Verzorging en hygiëne', 'Stage kinderopvang'], target: 'Volwassenen die in de kinderopvang willen werken.', about: 'U leert baby’s en peuters verzorgen en begeleiden in een veilige, stimulerende omgeving, in samenwerking met ouders.' },
  { title: 'Nederlands als tweede taal', group: 'basic', competences: ['Nederlands als tweede taal (NT2)'], cheque: 'nt2', hours: [40, 120], kinds: ['adultEducation', 'centre'], cefr: ['A1', 'A2', 'B1'], target: 'Anderstalige werknemers die Nederlands willen leren voor werk en dagelijks leven.', about: 'Taalopleiding in kleine groepen: luisteren, spreken, lezen en schrijven in situaties op de werkvloer. Eén module per ERK-niveau.' },
  { title: 'Frans voor de werkvloer', group: 'basic', competences: ['Vreemde taal: Frans'], cheque: 'standard', hours: [40, 80], kinds: ['adultEducation', 'centre'], cefr: ['A1', 'A2'], target: 'Werknemers met klantcontact die eenvoudig Frans moeten spreken.', about: 'U leert klanten begroeten, eenvoudige vragen beantwoorden en korte berichten schrijven in het Frans.' },
  { title: 'Boekhouden voor kmo’s', group: 'professionSpecific', competences: ['Dubbel boekhouden', 'Btw-aangifte', 'Jaarafsluiting'], cheque: 'standard', hours: [60, 120], kinds: ['syntra', 'adultEducation'], modules: ['Basis boekhouden', 'Btw en fiscaliteit', 'Jaarafsluiting'], target: 'Administratieve medewerkers en zelfstandigen zonder boekhoudkundige opleiding.', about: 'Van dagboeken tot balans: u voert een volledige boekhouding van een kleine onderneming en bereidt de btw-aangifte voor.' },
  { title: 'Lassen MIG/MAG', group: 'professionSpecific', competences: ['Halfautomatisch lassen', 'Lezen van lasplannen'], cheque: 'shortageOccupation', hours: [80, 240], kinds: ['sector', 'adultEducation'], modules: ['Lassen in horizontale positie', 'Lassen in alle posities'], target: 'Werknemers in de metaalsector; technische basiskennis is een voordeel.', about: 'Praktijkopleiding halfautomatisch lassen van staalplaat en buis, met voorbereiding op een lasattest volgens de geldende norm.' },
  { title: 'TIG-lassen roestvast staal', group: 'professionSpecific', competences: ['TIG-lassen', 'Materiaalkennis roestvast staal'], cheque: 'shortageOccupation', hours: [60, 160], kinds: ['sector'], target: 'Lassers met ervaring in MIG/MAG die TIG willen leren.', about: 'U leert roestvast staal en aluminium TIG-lassen, inclusief naadvoorbereiding en visuele controle.' },
  { title: 'Verpleegkunde', group: 'professionSpecific', competences: ['Verpleegkundige zorg', 'Klinisch redeneren', 'Medicatiebeheer'], cheque: 'higherEducation', hours: [0, 0], studyPoints: 180, kinds: ['college'], target: 'Werknemers met een diploma secundair onderwijs die verpleegkundige willen worden.', about: 'Bacheloropleiding verpleegkunde in combinatie met werk, met stages in ziekenhuis, thuiszorg en woonzorgcentrum.' },
  { title: 'Graduaat orthopedagogische begeleiding', group: 'professionSpecific', competences: ['Orthopedagogisch handelen', 'Begeleiden van jongeren'], cheque: 'higherEducation', hours: [0, 0], studyPoints: 120, kinds: ['college'], target: 'Volwassenen die in de jeugdhulp of de welzijnssector willen werken.', about: 'Graduaatsopleiding met veel werkplekleren: u begeleidt kinderen, jongeren en volwassenen met een zorgvraag.' },
  { title: 'Toegepaste informatica', group: 'professionSpecific', competences: ['Programmeren', 'Databanken', 'Netwerken'], cheque: 'higherEducation', hours: [0, 0], studyPoints: 180, kinds: ['college'], target: 'Werknemers met een diploma secundair onderwijs en interesse in softwareontwikkeling.', about: 'Bacheloropleiding met avond- en afstandsonderwijs: programmeren, databanken, netwerken en projectwerk.' },
  { title: 'CAD-tekenen met AutoCAD', group: 'professionSpecific', competences: ['Technisch tekenen', 'CAD-software'], cheque: 'standard', hours: [40, 90], kinds: ['syntra', 'centre'], target: 'Tekenaars en technici die 2D-plannen digitaal willen opmaken.', about: 'U tekent 2D-plannen in AutoCAD: lagen, blokken, maataanduiding en afdrukken op schaal.' },
  { title: 'BIM-modelleren met Revit', group: 'professionSpecific', competences: ['Bouwinformatiemodellering (BIM)', 'CAD-software'], cheque: 'standard', hours: [40, 100], kinds: ['syntra', 'sector'], target: 'Tekenaars en projectleiders in de bouwsector.', about: 'U bouwt een 3D-gebouwmodel op in Revit en haalt er plannen, staten en hoeveelheden uit.' },
  { title: 'Excel voor gevorderden', group: 'basic', competences: ['Digitale basisvaardigheden', 'Rekenbladen'], cheque: 'basicSkills', hours: [32, 48], kinds: ['centre', 'syntra'], target: 'Werknemers die al met Excel werken en meer willen halen uit rekenbladen.', about: 'Draaitabellen, zoekfuncties, voorwaardelijke opmaak en grafieken: u automatiseert uw rapportering in Excel.' },
  { title: 'Digitale basisvaardigheden', group: 'basic', competences: ['Digitale basisvaardigheden'], cheque: 'basicSkills', hours: [32, 60], kinds: ['adultEducation', 'centre'], target: 'Werknemers die weinig of geen ervaring hebben met computers.', about: 'U leert werken met een computer, e-mail, tekstverwerking en veilig internetgebruik.' },
  { title: 'Rekenvaardigheid op het werk', group: 'basic', competences: ['Rekenvaardigheid'], cheque: 'basicSkills', hours: [32, 60], kinds: ['adultEducation'], target: 'Werknemers die hun rekenvaardigheid willen versterken.', about: 'Procenten, verhoudingen, maten en gewichten: rekenen in situaties uit het dagelijkse werk.' },
  { title: 'Tweedekansonderwijs: diploma secundair onderwijs', group: 'basic', competences: ['Diploma secundair onderwijs'], cheque: 'secondaryDiploma', hours: [200, 600], kinds: ['adultEducation'], modules: ['Nederlands', 'Wiskunde', 'Wetenschappen', 'Maatschappelijke vorming'], target: 'Volwassenen zonder diploma secundair onderwijs.', about: 'U behaalt modulair uw diploma secundair onderwijs, in dag- of avondonderwijs en deels op afstand.' },
  { title: 'Elektrotechnisch installateur', group: 'professionSpecific', competences: ['Elektrische installaties', 'AREI-reglementering'], cheque: 'shortageOccupation', hours: [120, 400], kinds: ['sector', 'adultEducation'], modules: ['Basis elektriciteit', 'Huishoudelijke installaties', 'AREI en keuring'], target: 'Werknemers die elektrische installaties willen plaatsen.', about: 'U plaatst huishoudelijke en kleine industriële installaties volgens het AREI en bereidt een keuring voor.' },
  { title: 'Zorgkundige', group: 'professionSpecific', competences: ['Basiszorg', 'Observeren en rapporteren'], cheque: 'shortageOccupation', hours: [300, 800], kinds: ['adultEducation', 'centre'], modules: ['Verzorging', 'Communicatie in de zorg', 'Stage zorgkundige'], target: 'Volwassenen die in een woonzorgcentrum of ziekenhuis willen werken.', about: 'U verleent basiszorg onder toezicht van een verpleegkundige en leert observeren en rapporteren.' },
  { title: 'Projectmanagement', group: 'general', competences: ['Plannen en organiseren', 'Samenwerken', 'Communiceren'], cheque: 'standard', hours: [32, 70], kinds: ['centre', 'syntra'], target: 'Werknemers die projecten coördineren of willen coördineren.', about: 'U plant een project, beheert risico’s en stakeholders en stuurt bij op basis van voortgang.' },
  { title: 'Klantgericht communiceren', group: 'general', competences: ['Communiceren', 'Klantgerichtheid', 'Omgaan met conflicten'], cheque: 'standard', hours: [32, 48], kinds: ['centre'], target: 'Werknemers met klantcontact aan de balie, aan de telefoon of online.', about: 'U leert luisteren, vragen stellen en moeilijke gesprekken voeren, ook met ontevreden klanten.' },
  { title: 'Leidinggeven aan een team', group: 'general', competences: ['Leidinggeven', 'Feedback geven', 'Coachen'], cheque: 'standard', hours: [32, 80], kinds: ['centre', 'syntra'], target: 'Nieuwe en ervaren teamleiders.', about: 'U ontwikkelt uw stijl als leidinggevende: doelen stellen, feedback geven, motiveren en coachen.' },
  { title: 'Mentoropleiding werkplekleren', group: 'general', competences: ['Begeleiden op de werkvloer', 'Feedback geven', 'Kennis overdragen'], cheque: 'standard', hours: [16, 24], kinds: ['centre', 'sector'], target: 'Ervaren werknemers die leerlingen of nieuwe collega’s begeleiden op de werkplek.', about: 'Mentoropleiding: u leert een leerling of nieuwe collega onthalen, opvolgen en beoordelen.' },
  { title: 'Ondernemerschap: bedrijfsbeheer', group: 'professionSpecific', competences: ['Bedrijfsbeheer', 'Financieel plan'], cheque: 'standard', hours: [100, 180], kinds: ['syntra'], modules: ['Ondernemerschap', 'Financieel beheer', 'Commercieel beheer'], target: 'Wie een eigen zaak wil starten.', about: 'U maakt een ondernemingsplan en leert de basiskennis bedrijfsbeheer die nodig is om een zaak te starten.' },
  { title: 'Vrachtwagenchauffeur C/CE', group: 'professionSpecific', competences: ['Rijbewijs C en CE', 'Vakbekwaamheid chauffeurs'], cheque: 'shortageOccupation', hours: [140, 280], kinds: ['sector', 'centre'], target: 'Werknemers met rijbewijs B die vrachtwagenchauffeur willen worden.', about: 'Opleiding tot beroepschauffeur: theorie, manoeuvres, rijden op de weg en de basiskwalificatie vakbekwaamheid.' },
  { title: 'Polyvalent verzorgende', group: 'professionSpecific', competences: ['Gezinszorg', 'Huishoudelijke hulp'], cheque: 'shortageOccupation', hours: [300, 650], kinds: ['adultEducation'], target: 'Volwassenen die in de gezinszorg willen werken.', about: 'U ondersteunt gezinnen en ouderen thuis bij verzorging, huishouden en dagelijkse activiteiten.' },
  { title: 'Webontwikkeling met JavaScript', group: 'professionSpecific', competences: ['Programmeren', 'Webtechnologie'], cheque: 'standard', hours: [60, 160], kinds: ['syntra', 'centre'], target: 'Werknemers met basiskennis van computers die webtoepassingen willen bouwen.', about: 'HTML, CSS en JavaScript: u bouwt toegankelijke, responsieve webpagina’s en een kleine webtoepassing.' },
  { title: 'Preventieadviseur niveau 2', group: 'professionSpecific', competences: ['Welzijn op het werk', 'Risicoanalyse'], cheque: 'standard', hours: [100, 140], kinds: ['centre', 'sector'], target: 'Werknemers die de functie van preventieadviseur opnemen.', about: 'Wettelijk vereiste opleiding voor preventieadviseurs: risicoanalyse, arbeidsongevallen en het globaal preventieplan.' },
  { title: 'Geletterdheid: lezen en schrijven op het werk', group: 'basic', competences: ['Geletterdheid'], cheque: 'basicSkills', hours: [32, 80], kinds: ['adultEducation'], target: 'Werknemers die moeite hebben met lezen en schrijven.', about: 'U oefent het lezen van werkinstructies en het schrijven van korte berichten en formulieren.' },
];

const formats = ['', ' (avondopleiding)', ' (dagopleiding)', ' (blended)', ' — verkort traject', ' — voor de bouwsector', ' — voor de zorgsector'];
const extraSentences = [
  'De lessen combineren korte theorie met veel oefeningen uit de praktijk.',
  'U werkt met realistische casussen en krijgt persoonlijke feedback van ervaren lesgevers.',
  'Na afloop ontvangt u een attest van deelname; bij slagen voor de eindbeoordeling een certificaat.',
  'De opleiding kan in de meeste gevallen gecombineerd worden met een voltijdse job.',
  'Lesplaatsen in verschillende Vlaamse steden; de praktijkdelen vinden plaats in goed uitgeruste ateliers.',
  'Een deel van de opleiding gebeurt op de werkplek, onder begeleiding van een mentor.',
  'Het lesmateriaal is inbegrepen in de prijs.',
];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function isoDate(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** Generates `count` published records; numbers, dates and choices depend only on `count` and `seed`. */
/** Words providers use in "inhoud en leerdoelstellingen", to lengthen descriptions with varied text. */
const contentWords = (
  'deelnemers leren werken veilig praktijk theorie oefeningen begeleiding evaluatie attest competenties vaardigheden '
  + 'kennis toepassen analyseren plannen organiseren communiceren samenwerken klanten collega leidinggevende team '
  + 'project kwaliteit procedures normen wetgeving reglementering preventie risico ergonomie hygiëne voeding zorg '
  + 'jongeren ouderen gezinnen kinderen personen beperking ondersteuning gesprek rapportering dossier administratie '
  + 'boekhouding facturatie btw budget rekenblad tekstverwerking databank netwerk beveiliging programmeren software '
  + 'onderhoud herstelling installatie elektriciteit sanitair verwarming ventilatie koeling lassen snijden monteren '
  + 'meten tekenen lezen plannen heftruck reachtruck magazijn logistiek transport rijbewijs laden lossen stapelen '
  + 'bouw metselen betonneren bekisting dakwerken isolatie schrijnwerk houtbewerking schilderen behangen vloeren '
  + 'keuken bediening horeca recepten bereiden allergenen voedselveiligheid haccp onthaal verkoop marketing sociale '
  + 'media fotografie vormgeving drukwerk taal nederlands frans engels duits schrijven spreken luisteren presenteren '
  + 'rekenen statistiek digitale geletterdheid ondernemen starten financiering boekjaar personeel aanwerving coaching '
  + 'conflicten feedback motivatie stress welzijn burn-out loopbaan portfolio stage werkplek mentor opdrachten module '
  + 'niveau gevorderden beginners opfrissing bijscholing erkenning certificaat examen proef beoordeling criteria'
).split(' ');

/** Sentences of varied content words until the text has about `words` words (own generator: the rest of the data stays the same). */
function lengthen(text: string, words: number, seed: number): string {
  const random = prng(seed);
  const parts = [text];
  let count = text.split(/\s+/).length;
  while (count < words) {
    const length = 8 + Math.floor(random() * 10);
    const sentence = Array.from({ length }, () => contentWords[Math.floor(random() * contentWords.length)] as string).join(' ');
    parts.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    count += length;
  }
  return parts.join(count > 120 && parts.length % 4 === 0 ? '\n\n' : ' ');
}

/**
 * `words`: lengthen each description to about that many words (what providers write as "inhoud en
 * leerdoelstellingen": ~300 in real records); default: the short template text (~40 words).
 */
export function demoTrainings(count: number, seed = 1, words?: number): PublishedTraining[] {
  const trainings = baseDemoTrainings(count, seed);
  if (words === undefined) return trainings;
  return trainings.map((t, i) => ({ ...t, description: lengthen(t.description, words, seed * 1_000_003 + i) }));
}

function baseDemoTrainings(count: number, seed: number): PublishedTraining[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const counters: Record<Series, number> = { A: 100, X: 10, Y: 10, Z: 10 };
  const allocate = (series: Series) => `ODB-${series}${String(++counters[series]).padStart(6, '0')}`;
  const seriesFor = (org: Organisation): Series =>
    org.kind === 'college' ? 'X' : org.kind === 'adultEducation' ? 'Y' : org.kind === 'syntra' ? 'Z' : 'A';
  const firstDay = Date.UTC(2021, 8, 1) / 86_400_000;

  const records: PublishedTraining[] = [];
  for (let i = 0; records.length < count; i++) {
    // Cover every template first, then pick at random.
    const template = i < templates.length ? (templates[i] as Template) : pick(templates);
    const candidates = organisations.filter((o) => template.kinds.includes(o.kind));
    const org = pick(candidates);
    const series = seriesFor(org);
    const format = i < templates.length ? '' : pick(formats);
    const title = `${template.title}${format}`;
    const blended = format === ' (blended)' || (format === '' && random() < 0.15);
    const studyPoints = template.studyPoints ?? null;
    let modules: PublishedModule[] = [];
    let contactHours: number | null = studyPoints === null ? int(template.hours[0], template.hours[1]) : null;
    if (template.cefr !== undefined) {
      modules = template.cefr.map((level) => ({
        odbNumber: '', title: `${template.title} ${level}`, contactHours: int(40, 80), cefrLevel: level,
      }));
    } else if (template.modules !== undefined && random() < 0.7) {
      modules = template.modules.map((name) => ({
        odbNumber: '', title: name, contactHours: studyPoints === null ? int(20, 160) : null, cefrLevel: null,
      }));
    }
    if (modules.length > 0 && studyPoints === null) {
      contactHours = modules.reduce((sum, m) => sum + (m.contactHours ?? 0), 0);
    }
    const validFromDay = firstDay + int(0, 1_500);
    const incentives: Incentive[] =
      contactHours !== null && contactHours >= 32 && random() < 0.6
        ? ['opleidingscheques', 'vlaams-opleidingsverlof']
        : ['opleidingscheques'];
    const description = [template.about, pick(extraSentences), pick(extraSentences)]
      .filter((s, k, all) => all.indexOf(s) === k)
      .join(' ');
    const base = {
      title,
      provider: { kbo: org.kbo, name: org.name },
      contactHours,
      studyPoints,
      competenceGroup: template.group,
      competences: template.competences,
      targetGroup: template.target,
      websiteUrl: `https://${org.host}/opleidingen/${slug(title)}`,
      blended,
      chequeCategory: template.cheque,
      incentives,
      description,
    };
    const withNumbers = (): Pick<PublishedTraining, 'odbNumber' | 'modules'> => ({
      odbNumber: allocate(series),
      modules: modules.map((m) => ({ ...m, odbNumber: allocate(series) })),
    });

    // About one in twelve gets an older, replaced registration of the same training (R-REG-2).
    if (records.length + 2 <= count && i >= templates.length && random() < 0.08) {
      const oldNumbers = withNumbers();
      const current: PublishedTraining = {
        ...base, ...withNumbers(), validFrom: isoDate(validFromDay + 365), stopDate: null, status: 'active', replacedBy: null,
      };
      records.push({
        ...base,
        ...oldNumbers,
        description: `${base.description} Deze registratie is vervangen door een vernieuwd programma.`,
        validFrom: isoDate(validFromDay),
        stopDate: isoDate(validFromDay + 364 + int(30, 120)),
        status: 'replaced',
        replacedBy: current.odbNumber,
      });
      records.push(current);
      continue;
    }
    records.push({
      ...base,
      ...withNumbers(),
      validFrom: isoDate(validFromDay),
      stopDate: random() < 0.1 ? isoDate(validFromDay + int(400, 900)) : null,
      status: 'active',
      replacedBy: null,
    });
  }
  return records.map(canonicalOrder);
}

/** Same fields, in the schema's order, so the JSON reads like the documentation. */
function canonicalOrder(t: PublishedTraining): PublishedTraining {
  return {
    odbNumber: t.odbNumber, title: t.title, provider: t.provider, validFrom: t.validFrom, stopDate: t.stopDate,
    status: t.status, replacedBy: t.replacedBy, contactHours: t.contactHours, studyPoints: t.studyPoints,
    modules: t.modules, competenceGroup: t.competenceGroup, competences: t.competences, targetGroup: t.targetGroup,
    websiteUrl: t.websiteUrl, blended: t.blended, chequeCategory: t.chequeCategory, incentives: t.incentives,
    description: t.description,
  };
}

/** A whole snapshot envelope around `demoTrainings`. */
export function demoCatalogue(count: number, seed = 1, publishedAt = '2026-01-15T06:00:00.000Z', words?: number): CatalogueSnapshot {
  return { publishedAt, trainings: demoTrainings(count, seed, words) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '200' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const snapshot = demoCatalogue(Number(values.count), Number(values.seed), new Date().toISOString());
  const json = `${JSON.stringify(snapshot, null, 2)}\n`;
  if (values.out === undefined) process.stdout.write(json);
  else {
    writeFileSync(values.out, json);
    console.error(`wrote ${snapshot.trainings.length} trainings to ${values.out}`);
  }
}
