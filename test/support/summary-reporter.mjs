// Prints one plain closing line after the run, e.g. "tests: 120 passed, 0 failed, 3 skipped",
// so CI logs end with a summary any reader (human or machine) recognises.
// A suite that failed to run at all (syntax error, failing hook) counts as one failure.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
    // Written at exit so it is the very last line, after Jest's own summary.
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
