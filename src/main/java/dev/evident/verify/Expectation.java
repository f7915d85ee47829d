package dev.evident.verify;

/** What a universal or named claim says of every test in its subject. */
public enum Expectation {
  /** "all tests pass", "test_x passes". */
  PASS,
  /** "all tests are failing", "test_x fails". */
  FAIL,
  /** "test_x is skipped". */
  SKIP,
  /** "no failures". */
  NO_FAILURES,
  /** "nothing in tests/api/ was skipped", "no skipped tests": every test executed. */
  NO_SKIPS,
  /** "no flaky tests", "flaky: none": no test of the scope passed only on a rerun. */
  NO_FLAKY,
  /** "no regressions": no test that passed in the baseline fails now. */
  NO_REGRESSIONS,
  /** "new failures: test_x", "test_x regressed": fails now, did not fail in the baseline. */
  REGRESSED,
  /** "fixed: test_x", "fixes test_x": passes now, failed or errored in the baseline. */
  FIXED,
  /** "production ready", "fully operational", "100% complete": nothing failed, nothing left out. */
  READY
}
