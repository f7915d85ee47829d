package dev.evident.cli;

/** Exit codes of every command. */
final class ExitCodes {
  /** All good. */
  static final int OK = 0;

  /** The results contain failures or errors, or nothing executed. */
  static final int RESULTS = 1;

  /** Usage error, or input that cannot be read. */
  static final int INPUT = 2;

  /** A bug in Evident; run again with --verbose and report the stack trace. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
