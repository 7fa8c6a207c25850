/**
 * Which characters a text field of the API may carry (issue 12, ASVS 5.1). One rule for every field,
 * applied by the handler chain's validation step, so no schema has to remember it:
 * - never NUL or other control characters (C0, DEL, C1) — TAB is allowed;
 * - never a lone surrogate (not well-formed UTF-16: it cannot be stored or mailed faithfully);
 * - never bidi controls (`rapport\u202Efdp.exe` shows as "rapportexe.pdf") nor other invisible format
 *   characters, except the zero-width (non-)joiners that emoji and some scripts need and the soft hyphen
 *   that text pasted from a word processor carries;
 * - line breaks (CR, LF, U+2028, U+2029) only in multi-line fields: a title goes into a mail Subject,
 *   where a line break would start a new header.
 * Pure.
 */
export interface TextProblem {
  code: 'text.encoding' | 'text.control' | 'text.invisible' | 'text.line-break';
  message: string;
}

// without the u flag, so the regex sees UTF-16 code units
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/u;
// C0 except TAB, LF, CR; DEL; C1.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Bidi controls and other format characters (Cf), except ZWNJ, ZWJ and the soft hyphen.
const INVISIBLE = /(?![\u200C\u200D\u00AD])[\p{Cf}]/u;

export function textProblem(value: string, multiline: boolean): TextProblem | undefined {
  if (LONE_SURROGATE.test(value)) return { code: 'text.encoding', message: 'Deze tekst bevat een ongeldig teken (een losse surrogaathelft). Typ de tekst opnieuw.' };
  if (CONTROL.test(value)) return { code: 'text.control', message: 'Deze tekst bevat een stuurteken (zoals een nulteken). Verwijder het.' };
  if (INVISIBLE.test(value)) return { code: 'text.invisible', message: 'Deze tekst bevat een onzichtbaar opmaak- of richtingsteken. Verwijder het.' };
  if (!multiline && LINE_BREAK.test(value)) return { code: 'text.line-break', message: 'Dit veld moet op één regel passen: verwijder de regeleinden.' };
  return undefined;
}

/**
 * A field is multi-line when its schema allows long text (at least this many characters): the
 * descriptions, questions, answers and reasons of the API; names, titles, references, codes and
 * addresses are all far shorter.
 */
export const MULTILINE_MIN_LENGTH = 1000;
