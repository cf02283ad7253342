// Writes each project's pass/fail counts to dist/test-results/<project>.json; the test command
// adds them up into the closing `N passed, N failed` line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { workspaceRoot } = require('./paths.cjs');

class ResultsReporter {
  constructor(globalConfig, options) {
    this.project = options.project;
  }

  onRunComplete(_contexts, results) {
    const dir = join(workspaceRoot, 'dist', 'test-results');
    mkdirSync(dir, { recursive: true });
    const failedSuites = results.testResults.filter((suite) => suite.testExecError).length;
    writeFileSync(
      join(dir, `${this.project}.json`),
      JSON.stringify({
        project: this.project,
        passed: results.numPassedTests,
        failed: results.numFailedTests + failedSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
      }),
    );
  }
}

module.exports = ResultsReporter;
