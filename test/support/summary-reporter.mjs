// Prints one plain closing line after the run, e.g. "tests: 120 passed, 0 failed, 3 skipped",
// so CI logs end with a summary any reader (human or machine) recognises.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites - 0;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${skipped} skipped`;
    process.stdout.write(`\n${failedSuites > 0 ? `suites failed: ${failedSuites}\n` : ''}${line}\n`);
  }
}
