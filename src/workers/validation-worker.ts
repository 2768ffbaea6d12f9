/**
 * Worker-thread entry: validates one inventory replayed from a content snapshot and posts back
 * the verdict and diagnostics. Runs the same pure pipeline as the main thread (load, schema,
 * rules), on its own core.
 */
import { parentPort } from 'node:worker_threads';
import { SnapshotContentProvider } from '../inventory/content-snapshot.js';
import { createValidator } from '../validate/validate.js';
import type { ValidationReply, ValidationRequest } from './validation-protocol.js';

const port = parentPort;
if (port !== null) {
  // The validator (ajv's compiled schema, the rules) is ready before the first request arrives.
  const validator = createValidator();
  port.on('message', (request: ValidationRequest) => {
    const provider = new SnapshotContentProvider(request.snapshot);
    validator.validateSource(provider, request.path).then(
      (result) => port.postMessage({ ok: true, valid: result.valid, diagnostics: result.diagnostics } satisfies ValidationReply),
      (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ValidationReply),
    );
  });
}
