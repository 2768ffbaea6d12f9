/** Replaces every occurrence of a known secret string with a mask. Longest secrets first, so a secret containing another is masked whole. */
export const SECRET_MASK = '******';

export type Scrubber = (text: string) => string;

export function createSecretScrubber(secrets: Iterable<string>): Scrubber {
  const unique = [...new Set([...secrets].filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return (text) => text;
  const pattern = new RegExp(unique.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, SECRET_MASK);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
