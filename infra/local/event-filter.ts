/**
 * Lambda event filtering (the subset of EventBridge patterns used by this project's stream consumers):
 * a record matches a pattern when every key of the pattern matches; a leaf is an array of allowed
 * values, or `{ exists: boolean }`, or `{ prefix: string }`. A consumer with several patterns receives
 * a record that matches any of them.
 */
export type FilterPattern = { [key: string]: FilterPattern | FilterLeaf[] };
type FilterLeaf = string | number | boolean | null | { exists: boolean } | { prefix: string };

function matchLeaf(value: unknown, leaves: FilterLeaf[]): boolean {
  return leaves.some((leaf) => {
    if (leaf !== null && typeof leaf === 'object') {
      if ('exists' in leaf) return leaf.exists ? value !== undefined : value === undefined;
      if ('prefix' in leaf) return typeof value === 'string' && value.startsWith(leaf.prefix);
      return false;
    }
    return value === leaf;
  });
}

export function matchesPattern(record: unknown, pattern: FilterPattern): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const value = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) return matchLeaf(value, expected);
    return value !== undefined && matchesPattern(value, expected);
  });
}

export function matchesAny(record: unknown, patterns: readonly FilterPattern[] | undefined): boolean {
  return !patterns || patterns.length === 0 || patterns.some((pattern) => matchesPattern(record, pattern));
}
