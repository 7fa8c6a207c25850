/** One entry of a reference list: a stable machine code and the Dutch label people read. */
export interface CodeEntry<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

export type CodeList<C extends string = string> = readonly CodeEntry<C>[];

export function codesOf<C extends string>(list: CodeList<C>): C[] {
  return list.map((entry) => entry.code);
}

export function labelOf<C extends string>(list: CodeList<C>, code: string): string | undefined {
  return list.find((entry) => entry.code === code)?.label;
}

export function hasCode(list: CodeList, code: string): boolean {
  return list.some((entry) => entry.code === code);
}
