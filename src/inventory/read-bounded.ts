import type { Diagnostic } from '../validate/diagnostic.js';
import type { ContentProvider } from './content-provider.js';
import type { ResolvedLimits } from './yaml/limits.js';
import { tooLargeDiagnostic } from './yaml/parse-yaml-file.js';

/** Reads a file through the provider, refusing it before reading when it is known to be too large. */
export async function readBounded(
  provider: ContentProvider,
  path: string,
  limits: ResolvedLimits,
  diagnostics: Diagnostic[],
): Promise<string | undefined> {
  const display = provider.displayPath?.(path) ?? path;
  const size = provider.fileSize === undefined ? undefined : await provider.fileSize(path);
  if (size !== undefined && size > limits.maxFileBytes) {
    diagnostics.push(tooLargeDiagnostic(display, size, limits.maxFileBytes));
    return undefined;
  }
  return provider.readFile(path);
}

