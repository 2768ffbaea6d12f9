/** Marker revision meaning "the index" (staged content), as `git show :path` reads it. */
export const INDEX_REV = 'INDEX';
