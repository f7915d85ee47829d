package dev.evident.report;

import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.report.StatusReport.BucketTests;
import dev.evident.report.StatusReport.CategoryLine;
import dev.evident.report.StatusReport.Cause;
import dev.evident.report.StatusReport.Change;
import dev.evident.report.StatusReport.ErrorLine;
import dev.evident.report.StatusReport.FlakyAndSuspicious;
import dev.evident.report.StatusReport.NotExecuted;
import dev.evident.report.StatusReport.RunRef;
import dev.evident.report.StatusReport.Slowest;
import dev.evident.report.StatusReport.TestLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link StatusReport} as JSON maps and lists, in the shape docs/report.schema.json documents.
 * Every list is complete (no truncation); {@code schema} names the version of the shape.
 */
public final class ReportJson {

  /** The version of the shape; a change that removes or renames a field makes a new one. */
  public static final String SCHEMA = "evident-report/1";

  private ReportJson() {}

  public static Map<String, Object> of(StatusReport r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put("generated", r.generated().toString());
    json.put("run", run(r.run()));
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("statement", r.headline().statement());
    headline.put("counts", RunJson.counts(r.headline().counts()));
    headline.put("environment", r.headline().environment());
    headline.put("environmentFirst", r.headline().environmentFirst());
    headline.put("runErrors", r.headline().runErrors());
    headline.put("problems", r.headline().problems());
    headline.put("runs", r.headline().runs());
    json.put("headline", headline);
    json.put("change", change(r.change()));
    json.put("rootCauses", causes(r));
    json.put("notExecuted", notExecuted(r.notExecuted()));
    json.put("flakyAndSuspicious", flaky(r.flaky()));
    json.put("progress", r.progress() == null ? null : progress(r));
    json.put("slowest", slowest(r.slowest()));
    List<Object> steps = new ArrayList<>();
    for (StatusReport.NextStep s : r.nextSteps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("action", s.action());
      step.put("blocksRun", s.tests() < 0);
      step.put("tests", s.tests() < 0 ? null : s.tests());
      step.put("causes", s.causes());
      step.put("blocked", s.blocked());
      steps.add(step);
    }
    json.put("nextSteps", steps);
    return json;
  }

  static Map<String, Object> run(RunRef run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", run.id());
    json.put("project", run.project());
    json.put("status", run.status().name());
    json.put("commit", run.commit());
    json.put("branch", run.branch());
    json.put("started", run.started().toString());
    json.put("durationMs", run.durationMillis() < 0 ? null : run.durationMillis());
    json.put("ciUrl", run.ciUrl());
    return json;
  }

  private static Map<String, Object> change(Change c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("base", c.base() == null ? null : run(c.base()));
    json.put("baseline", c.baseline());
    json.put("baseCounts", c.base() == null ? null : RunJson.counts(c.baseCounts()));
    json.put("headCounts", RunJson.counts(c.headCounts()));
    Map<String, Object> sizes = new LinkedHashMap<>();
    Map<String, Object> buckets = new LinkedHashMap<>();
    for (BucketTests b : c.buckets()) {
      sizes.put(b.key(), b.tests().size());
      List<Object> tests = new ArrayList<>();
      b.tests().forEach(t -> tests.add(test(t)));
      buckets.put(b.key(), tests);
    }
    json.put("summary", sizes);
    json.put("buckets", buckets);
    json.put("runs", c.runs());
    return json;
  }

  private static Map<String, Object> test(TestLine t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("test", t.test());
    json.put("base", name(t.before()));
    json.put("head", name(t.after()));
    json.put("baseMicros", t.beforeMicros() < 0 ? null : t.beforeMicros());
    json.put("headMicros", t.afterMicros() < 0 ? null : t.afterMicros());
    json.put("source", location(t.source()));
    json.put("message", t.message());
    return json;
  }

  private static Map<String, Object> causes(StatusReport r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("failures", r.rootCauses().failures());
    List<Object> causes = new ArrayList<>();
    for (Cause c : r.rootCauses().causes()) {
      Map<String, Object> cause = new LinkedHashMap<>();
      cause.put("id", c.id());
      cause.put("category", c.category());
      cause.put("system", c.system());
      cause.put("confidence", c.confidence());
      cause.put("count", c.count());
      cause.put("message", c.message());
      cause.put("evidence", c.evidence());
      cause.put("entities", new TreeMap<>(c.entities()));
      cause.put("remediation", c.remediation());
      cause.put("tests", c.tests());
      cause.put(
          "seenBefore",
          c.seenRuns() == 0
              ? null
              : ordered("firstRun", c.seenFirst(), "lastRun", c.seenLast(), "runs", c.seenRuns()));
      cause.put("label", c.label());
      causes.add(cause);
    }
    json.put("causes", causes);
    json.put("runs", r.rootCauses().runs());
    return json;
  }

  private static Map<String, Object> notExecuted(NotExecuted n) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("counts", RunJson.counts(n.counts()));
    List<Object> errors = new ArrayList<>();
    for (ErrorLine e : n.errors()) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("kind", e.kind());
      error.put("scope", e.scope());
      error.put("message", e.message());
      error.put("category", e.category());
      error.put("remediation", e.remediation());
      error.put("where", location(e.where()));
      errors.add(error);
    }
    json.put("errors", errors);
    List<Object> skips = new ArrayList<>();
    for (StatusReport.SkipReason s : n.skipReasons()) {
      Map<String, Object> skip = new LinkedHashMap<>();
      skip.put("reason", s.reason());
      skip.put("count", s.count());
      skip.put("example", s.example());
      skips.add(skip);
    }
    json.put("skipReasons", skips);
    json.put("problems", n.problems());
    json.put("runs", n.runs());
    return json;
  }

  private static Map<String, Object> flaky(FlakyAndSuspicious f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("flakyInRun", f.flakyInRun());
    json.put("window", f.window());
    json.put("scored", f.scored());
    List<Object> tests = new ArrayList<>();
    for (StatusReport.FlakyTest t : f.flakyTests()) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("test", t.test());
      test.put("score", t.score());
      test.put("runs", t.runs());
      test.put("reasons", t.reasons());
      test.put("quarantine", t.quarantine().isEmpty() ? null : t.quarantine());
      tests.add(test);
    }
    json.put("flakyTests", tests);
    json.put("quarantinedFailures", f.quarantinedFailures());
    json.put("quarantined", new TreeMap<>(f.quarantined()));
    List<Object> suspects = new ArrayList<>();
    for (StatusReport.Suspect s : f.suspects()) {
      suspects.add(ordered("kind", s.kind(), "subject", s.subject(), "reason", s.reason()));
    }
    json.put("suspects", suspects);
    json.put("suspectRuns", f.suspectRuns());
    return json;
  }

  private static Map<String, Object> progress(StatusReport r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("config", r.progress().config());
    json.put("met", r.progress().met());
    json.put("withTarget", r.progress().withTarget());
    List<Object> categories = new ArrayList<>();
    for (CategoryLine c : r.progress().categories()) {
      Map<String, Object> category = new LinkedHashMap<>();
      category.put("name", c.name());
      category.put("counts", RunJson.counts(c.counts()));
      category.put("first", c.first() == null ? null : RunJson.counts(c.first()));
      List<Object> checks = new ArrayList<>();
      for (StatusReport.Check k : c.checks()) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("kind", k.kind());
        check.put("goal", k.goal());
        check.put("actual", k.actual());
        check.put("of", k.of());
        check.put("met", k.met());
        checks.add(check);
      }
      category.put("checks", checks);
      category.put("met", c.met());
      categories.add(category);
    }
    json.put("categories", categories);
    json.put("runs", r.progress().runs());
    return json;
  }

  private static Map<String, Object> slowest(Slowest s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("totalMicros", s.totalMicros());
    json.put("timed", s.timed());
    json.put("executed", s.executed());
    List<Object> tests = new ArrayList<>();
    for (StatusReport.TimedTest t : s.tests()) {
      tests.add(ordered("test", t.test(), "micros", t.micros(), "outcome", t.outcome().name()));
    }
    json.put("tests", tests);
    List<Object> suites = new ArrayList<>();
    for (StatusReport.SuiteTime t : s.suites()) {
      suites.add(ordered("suite", t.suite(), "micros", t.micros(), "tests", t.tests()));
    }
    json.put("suites", suites);
    json.put("runs", s.runs());
    return json;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      json.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return json;
  }

  private static String name(Outcome o) {
    return o == null ? null : o.name();
  }

  private static Map<String, Object> location(Location l) {
    if (l == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", l.file());
    json.put("line", l.line() > 0 ? l.line() : null);
    return json;
  }
}
