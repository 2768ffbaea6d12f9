import { createSecretScrubber as createScrubber } from '../inventory/secret-scrubber.js';

/** What replaces a secret in stored step output, live events and CLI output. */
export const SECRET_MASK = '******';

export type Scrubber = (text: string) => string;

/** Masks every known secret string standing as a whole token in command output (see inventory/secret-scrubber.ts). */
export function createSecretScrubber(secrets: Iterable<string>): Scrubber {
  return createScrubber(secrets, { mask: SECRET_MASK });
}
