package dev.evident.cli;

import java.io.Console;

/** Whether output goes to a person at a terminal rather than to a file or pipe. */
final class Terminal {

  private Terminal() {}

  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM")) || System.getenv("CI") != null) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Console.isTerminal() exists from JDK 22; on 22+ System.console() is never null.
      return (boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
