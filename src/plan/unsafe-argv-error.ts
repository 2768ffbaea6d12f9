import { GitopsError } from '../util/errors.js';

/** An inventory value that would reach a remote command line fails the safe-name patterns. */
export class UnsafeArgvError extends GitopsError {
  constructor(what: string, value: string) {
    super('PLAN_UNSAFE_ARGV', `refusing to put ${what} ${JSON.stringify(value)} on a command line: it fails the safe-name check`, { what });
  }
}
