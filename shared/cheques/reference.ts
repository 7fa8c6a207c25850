/**
 * The short reference of a cheque request that people read (mails, the worker page, the proof):
 * `OC-` and the first 8 characters of the id, upper case (`OC-1A2B3C4D`). The full id stays the key in
 * the API; the reference never shows a whole UUID to a person. Pure.
 */
export function requestReference(id: string): string {
  const compact = id.replace(/[^0-9a-z]/gi, '').slice(0, 8).toUpperCase();
  return `OC-${compact}`;
}

/** How a training is named for people: title and provider with its ODB number, or the number alone. */
export function trainingLabel(odbNumber: string, training: { title: string; providerName: string } | null): string {
  return training
    ? `"${training.title}" van ${training.providerName} (ODB-nummer ${odbNumber})`
    : `de opleiding met ODB-nummer ${odbNumber}`;
}
