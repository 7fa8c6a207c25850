/**
 * The one time module (issue 15): calendar arithmetic on plain dates ('YYYY-MM-DD'), the Brussels
 * calendar (dates and midnights in Europe/Brussels), school years and Dutch date words. Pure: no clock
 * reads — `now` is always passed in; Intl turns an instant into its Brussels date without reading a clock.
 */
export type IsoDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parts(date: IsoDate): YearMonthDay {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const value = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (value.month < 1 || value.month > 12 || value.day < 1 || value.day > daysInMonth(value.year, value.month)) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return value;
}

function format({ year, month, day }: YearMonthDay): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date in `YYYY-MM-DD` form (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/** Calendar-correct month addition: the day is clamped to the target month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parts(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** 'YYYY-MM-DD' strings compare correctly as strings; this names the intent. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 31 December of the year after the given date (R-BO-5 removal date). */
export function endOfFollowingYear(date: IsoDate): IsoDate {
  return `${String(parts(date).year + 1).padStart(4, '0')}-12-31`;
}

// ── Europe/Brussels ────────────────────────────────────────────────────────────────────────────

const BRUSSELS = 'Europe/Brussels';
const brusselsDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: BRUSSELS, year: 'numeric', month: '2-digit', day: '2-digit' });
const brusselsOffsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: BRUSSELS, timeZoneName: 'longOffset' });

function toInstant(timestamp: string): Date {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO 8601 timestamp: ${timestamp}`);
  return instant;
}

/**
 * The Brussels calendar date of a date or an ISO 8601 timestamp: '2026-03-31T22:30:00Z' is
 * '2026-04-01' in Brussels (summer time). A plain date is returned as is.
 */
export function brusselsDate(dateOrTimestamp: string | Date): IsoDate {
  if (typeof dateOrTimestamp === 'string' && DATE.test(dateOrTimestamp)) return format(parts(dateOrTimestamp));
  const instant = typeof dateOrTimestamp === 'string' ? toInstant(dateOrTimestamp) : dateOrTimestamp;
  return brusselsDateFormat.format(instant);
}

/** Minutes Brussels is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(instant: number): number {
  const name = brusselsOffsetFormat.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * 00:00 Europe/Brussels on `date`, as an ISO 8601 UTC timestamp: '2027-03-01' → '2027-02-28T23:00:00.000Z'.
 * Due-index entries (`dueAt`) are these strings, so they compare with `now.toISOString()` as strings.
 * (Brussels changes clocks at 02:00/03:00, never at midnight, so one correction step is exact.)
 */
export function brusselsMidnight(date: IsoDate): string {
  const { year, month, day } = parts(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  const guess = utcMidnight - brusselsOffsetMinutes(utcMidnight) * 60_000;
  return new Date(utcMidnight - brusselsOffsetMinutes(guess) * 60_000).toISOString();
}

/** One calendar year after an ISO timestamp (29 February → 1 March), as ISO 8601 UTC. */
export function oneYearAfter(timestamp: string): string {
  const instant = toInstant(timestamp);
  instant.setUTCFullYear(instant.getUTCFullYear() + 1);
  return instant.toISOString();
}

// ── School years (schooljaar: 1 September – 31 August, written '2026-2027') ────────────────────

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

/** `'2026-2027'` → `{ startYear: 2026 }`; undefined when the format or the year pair is wrong. */
export function parseSchoolYear(value: string): { startYear: number } | undefined {
  const match = SCHOOL_YEAR_PATTERN.exec(value);
  if (!match) return undefined;
  const startYear = Number(match[1]);
  if (Number(match[2]) !== startYear + 1) return undefined;
  return { startYear };
}

export function isSchoolYear(value: string): boolean {
  return parseSchoolYear(value) !== undefined;
}

export function schoolYearStartingIn(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** `'2026-09-01'` → `'2026-2027'`; `'2026-08-31'` → `'2025-2026'`. Throws on a malformed date (a programming error). */
export function schoolYearOf(date: IsoDate): string {
  const { year, month } = parts(date);
  return schoolYearStartingIn(month >= 9 ? year : year - 1);
}

function startYearOf(schoolYear: string): number {
  const parsed = parseSchoolYear(schoolYear);
  if (!parsed) throw new RangeError(`not a school year (YYYY-YYYY): ${schoolYear}`);
  return parsed.startYear;
}

/** First day: `'2026-2027'` → `'2026-09-01'`. */
export function schoolYearStart(schoolYear: string): IsoDate {
  return `${startYearOf(schoolYear)}-09-01`;
}

/** Last day: `'2026-2027'` → `'2027-08-31'`. */
export function schoolYearEnd(schoolYear: string): IsoDate {
  return `${startYearOf(schoolYear) + 1}-08-31`;
}

/** How many school years the period from `start` to `end` (both inclusive) touches. */
export function schoolYearsSpanned(start: IsoDate, end: IsoDate): number {
  return startYearOf(schoolYearOf(end)) - startYearOf(schoolYearOf(start)) + 1;
}

// ── Dutch words for people ─────────────────────────────────────────────────────────────────────

const dutchDateFormat = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: BRUSSELS });
const dutchPlainDateFormat = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A date as people read it in mails and messages: '2026-12-01' → '1 december 2026'; an ISO timestamp
 * gives its Brussels date ('2026-11-30T23:30:00Z' → '1 december 2026'). The one Dutch date formatter.
 */
export function dutchDate(dateOrTimestamp: string): string {
  if (DATE.test(dateOrTimestamp)) {
    const { year, month, day } = parts(dateOrTimestamp);
    return dutchPlainDateFormat.format(new Date(Date.UTC(year, month - 1, day)));
  }
  return dutchDateFormat.format(toInstant(dateOrTimestamp));
}
