package dev.evident.formats;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;

/**
 * An xUnit.net {@code <test>}, {@code <error>} or failed v1 {@code <class>} while it is read, and
 * what its result means.
 *
 * <p>Pass passes; Skip and NotRun (v3 explicit tests) are skipped. Fail is FAILED when the
 * exception is an assertion (xUnit's own {@code Xunit.Sdk} exceptions, or an assertion or mocking
 * library's) and ERRORED for any other exception, as JUnit tells failures from errors; the XML
 * names the exception type, so this is read, not guessed. A timeout is errored.
 */
final class XunitItem extends DotnetResult {
  final long line;
  final String name;
  final String type;
  final String method;
  final String result;
  final String time;
  final String sourceFile;
  final long sourceLine;

  /** v2 and v3 escape names, messages, reasons and traits; v1 does not. */
  final boolean escaped;

  String exceptionType;
  BoundedText output;
  BoundedText warnings;

  XunitItem(XmlParse p, long line, boolean escaped) {
    this.line = line;
    this.escaped = escaped;
    this.name = unescape(p.attr("name"));
    this.type = p.attr("type");
    this.method = p.attr("method");
    String result = p.attr("result");
    this.result = result == null ? "" : result.strip();
    this.time = p.attr("time");
    this.sourceFile = p.attr("source-file");
    this.sourceLine = Math.max(0, Values.count(p.attr("source-line")));
  }

  String unescape(String s) {
    return escaped ? Dotnet.unescapeXunit(s) : s;
  }

  static boolean isAssertion(String exceptionType) {
    if (exceptionType == null || exceptionType.isBlank()) {
      return true;
    }
    String t = exceptionType.strip();
    if (t.startsWith("Xunit.Sdk.")) {
      // not assertions: a test class that cannot be built, a fixture failure, a timeout
      return !t.equals("Xunit.Sdk.TestClassException")
          && !t.equals("Xunit.Sdk.TestPipelineException")
          && !t.equals("Xunit.Sdk.TestTimeoutException");
    }
    return t.startsWith("FAIL_")
        || t.contains("Assert")
        || t.equals("Moq.MockException")
        || t.startsWith("NSubstitute.Exceptions.");
  }

  boolean knownResult() {
    return switch (result) {
      case "Pass", "Fail", "Skip", "NotRun" -> true;
      default -> false;
    };
  }

  Outcome outcome() {
    return switch (result) {
      case "Pass" -> Outcome.PASSED;
      case "Fail" -> isAssertion(exceptionType) ? Outcome.FAILED : Outcome.ERRORED;
      default -> Outcome.SKIPPED;
    };
  }

  /** Why the test failed or was skipped; {@link Failure#NONE} when it passed. */
  Failure resultFailure() {
    return switch (result) {
      case "Pass" -> Failure.NONE;
      case "Fail" -> failure("failed");
      case "Skip" -> new Failure("", unescape(XmlParse.textOf(reason)), "");
      case "NotRun" -> new Failure("", "not run (explicit test)", "");
      default -> new Failure("", "result=\"" + result + "\"", "");
    };
  }

  /** The {@code <failure>} element, with {@code fallback} as message when it has none. */
  Failure failure(String fallback) {
    String text = unescape(XmlParse.textOf(message));
    return new Failure(
        exceptionType, text.isEmpty() ? fallback : text, XmlParse.textOf(stackTrace));
  }
}
