package dev.evident.formats;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What NUnit says about one test-suite or test-case element while it is read, and what its result
 * means.
 *
 * <p>Failed is {@link Outcome#ERRORED} when labelled Error (an exception), Invalid (the test cannot
 * run: a defect that NUnit 3 itself counts as a failure), Cancelled, or a timeout; otherwise
 * FAILED. Skipped labelled Invalid (early NUnit 3) is errored for the same reason. Inconclusive is
 * SKIPPED with "inconclusive" in the message. Warning (Assert.Warn: the test ran and nothing
 * failed) is PASSED with the warning kept in the property {@code warning}. NUnit 2's NotRunnable is
 * errored like Invalid, Error and Cancelled too; Ignored and Skipped are skipped.
 */
final class NunitNode extends DotnetResult {

  /** "System.IO.IOException : message", after "SetUp : " when a setup method threw. */
  private static final Pattern EXCEPTION =
      Pattern.compile("(?:(?:OneTime)?(?:SetUp|TearDown) : )?([\\w.`+]+(?:Exception|Error)) : ");

  final long line;
  final String type;
  final String name;
  final String fullname;
  final String classname;
  final String result;
  final String label;
  final String site;
  final String executed;
  final String success;
  final String time;
  final String description;
  final long testcasecount;
  BoundedText output;

  /** Whether any test case was read inside this suite. */
  boolean hasCases;

  /** The suite's full name; NUnit 2 gives only short names, so it joins the namespaces. */
  String qualified = "";

  NunitNode(XmlParse p, long line) {
    this.line = line;
    this.type = p.attr("type");
    this.name = p.attr("name");
    this.fullname = p.attr("fullname");
    this.classname = p.attr("classname");
    this.result = orEmpty(p.attr("result"));
    this.label = orEmpty(p.attr("label"));
    this.site = p.attr("site");
    this.executed = p.attr("executed");
    this.success = p.attr("success");
    String duration = p.attr("duration");
    this.time = duration != null ? duration : p.attr("time");
    this.description = p.attr("description");
    this.testcasecount = Values.count(p.attr("testcasecount"));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  /** The result; NUnit 2.4 and earlier wrote none, only executed and success. */
  String status() {
    if (!result.isEmpty()) {
      return result;
    }
    if ("false".equalsIgnoreCase(executed)) {
      return "Ignored";
    }
    return "false".equalsIgnoreCase(success) ? "Failure" : "Success";
  }

  boolean wasExecuted() {
    if (executed != null) {
      return !"false".equalsIgnoreCase(executed);
    }
    return switch (status().toLowerCase(Locale.ROOT)) {
      case "ignored", "skipped", "notrunnable" -> false;
      default -> true;
    };
  }

  Outcome outcome() {
    String l = label.toLowerCase(Locale.ROOT);
    boolean errorLabel =
        l.equals("error") || l.equals("invalid") || l.equals("cancelled") || l.contains("timeout");
    return switch (status().toLowerCase(Locale.ROOT)) {
      case "passed", "success", "warning" -> Outcome.PASSED;
      case "failed" -> errorLabel ? Outcome.ERRORED : Outcome.FAILED;
      case "failure" -> Outcome.FAILED;
      case "error", "cancelled", "notrunnable" -> Outcome.ERRORED;
      case "skipped" -> l.equals("invalid") ? Outcome.ERRORED : Outcome.SKIPPED;
      default -> Outcome.SKIPPED;
    };
  }

  /** Why the test failed or was skipped: the failure, else the reason, else the result itself. */
  Failure failure(Outcome outcome) {
    String why = XmlParse.textOf(reason);
    if (outcome == Outcome.FAILED || outcome == Outcome.ERRORED) {
      String text = XmlParse.textOf(message);
      if (text.isEmpty()) {
        text = !why.isEmpty() ? why : labelOrStatus();
      }
      return new Failure(exceptionType(text), text, XmlParse.textOf(stackTrace));
    }
    if (outcome == Outcome.SKIPPED) {
      String text = why.isEmpty() ? XmlParse.textOf(message) : why;
      if (status().equalsIgnoreCase("Inconclusive")) {
        text = text.isEmpty() ? "inconclusive" : "inconclusive: " + text;
      }
      return new Failure("", text, "");
    }
    return Failure.NONE;
  }

  /** The text of an NUnit 3 Warning result, or null for other results. */
  String warning() {
    if (!status().equalsIgnoreCase("Warning")) {
      return null;
    }
    String why = XmlParse.textOf(reason);
    return why.isEmpty() ? XmlParse.textOf(message) : why;
  }

  static final String UNNAMED = "(unnamed)";

  /** Sets the full name of a suite inside {@code outer}, the enclosing suite or null. */
  void qualify(NunitNode outer) {
    String shortName = nonNull(name);
    if (fullname != null) {
      qualified = fullname;
    } else if (outer != null && !"Assembly".equals(outer.type) && !outer.qualified.isEmpty()) {
      qualified = outer.qualified + "." + shortName;
    } else {
      qualified = shortName;
    }
  }

  /**
   * The identity of a test case. NUnit 3: suite = classname, except that instances of a
   * parameterized fixture ({@code Ns.Fixture(42)}) stay apart; without classname, the fullname
   * minus the test's name. NUnit 2: the test-case name is the full name. The last resort is the
   * enclosing fixture, which also wins over a classname that is only its namespace.
   */
  TestId identity(boolean nunit2, String enclosingFixture) {
    String display;
    String prefix;
    if (nunit2 || name == null) {
      String[] split = Dotnet.splitQualified(name != null ? name : nonNull(fullname));
      prefix = split[0];
      display = split[1];
    } else {
      display = name;
      String full = nonNull(fullname);
      prefix =
          full.length() > display.length() && full.endsWith("." + display)
              ? full.substring(0, full.length() - display.length() - 1)
              : Dotnet.splitQualified(full)[0];
    }
    String suite = prefix;
    if (classname != null && !classname.isBlank()) {
      String base = classname.strip().replaceFirst("`\\d+$", "");
      boolean instance =
          prefix.length() > base.length()
              && prefix.startsWith(base)
              && (prefix.charAt(base.length()) == '(' || prefix.charAt(base.length()) == '<');
      suite = instance ? prefix : classname.strip();
      if (enclosingFixture != null && enclosingFixture.startsWith(suite + ".")) {
        suite = enclosingFixture; // a namespace for classname, inside its fixture: the fixture
      }
    }
    if (suite.isEmpty()) {
      suite = enclosingFixture;
    }
    return Dotnet.testId(suite, display.isBlank() ? UNNAMED : display);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  String labelOrStatus() {
    return label.isEmpty() ? status() : status() + ": " + label;
  }

  static String exceptionType(String message) {
    Matcher m = EXCEPTION.matcher(message);
    return m.lookingAt() ? m.group(1) : "";
  }
}
