import type {Reporter, TestModule} from 'vitest/node'

/**
 * Prints one plain closing line, "N passed, N failed, N skipped", that CI logs
 * can be read by, after Vitest's own summary.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = {passed: 0, failed: 0, skipped: 0}
    for (const testModule of testModules) {
      const failedBefore = counts.failed
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state
        if (state === 'passed') counts.passed += 1
        else if (state === 'failed') counts.failed += 1
        else counts.skipped += 1
      }
      // A file that failed to load, or whose beforeAll failed (its tests are then skipped),
      // has no failed test but must still count as a failure.
      if (testModule.state() === 'failed' && counts.failed === failedBefore) counts.failed += 1
    }
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  }
}
