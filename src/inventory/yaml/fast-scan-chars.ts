/** Character classes shared by the fast scanner's readers. */

/**
 * 1 for the characters that never end a plain scalar nor need its printable check: printable
 * ASCII other than blanks and `:`, `#`, `,`, `[`, `]`, `{`, `}` (a read-only lookup table).
 */
export const PLAIN_ORDINARY = plainOrdinaryTable();

function plainOrdinaryTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 33; c < 127; c++) table[c] = 1;
  for (const c of ':#,[]{}') table[c.charCodeAt(0)] = 0;
  return table;
}

