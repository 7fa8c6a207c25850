/**
 * Calendar arithmetic on plain dates ('YYYY-MM-DD', Europe/Brussels). Pure: no clock reads; an ISO
 * timestamp is turned into its Brussels calendar date with Intl, which reads no clock.
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

const brusselsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Brussels calendar date of a date or an ISO 8601 timestamp: '2026-03-31T22:30:00Z' is
 * '2026-04-01' in Brussels (summer time). A plain date is returned as is.
 */
export function brusselsDate(dateOrTimestamp: string): IsoDate {
  if (DATE.test(dateOrTimestamp)) return format(parts(dateOrTimestamp));
  const instant = new Date(dateOrTimestamp);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO 8601 timestamp: ${dateOrTimestamp}`);
  return brusselsFormat.format(instant);
}

/** School year (1 September – 31 August) of a date, as '2026-2027'. */
export function schoolYearOf(date: IsoDate): string {
  const { year, month } = parts(date);
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** How many school years the period from `start` to `end` (both inclusive) touches. */
export function schoolYearsSpanned(start: IsoDate, end: IsoDate): number {
  const first = Number(schoolYearOf(start).slice(0, 4));
  const last = Number(schoolYearOf(end).slice(0, 4));
  return last - first + 1;
}

/** 31 December of the year after the given date (R-BO-5 removal date). */
export function endOfFollowingYear(date: IsoDate): IsoDate {
  return `${String(parts(date).year + 1).padStart(4, '0')}-12-31`;
}
