package dev.evident.service;

import dev.evident.model.CategoryProgress;
import dev.evident.model.CauseGroup;
import dev.evident.model.FlakinessReport;
import dev.evident.model.ProgressReport;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunDiagnosis;
import dev.evident.model.RunError;
import dev.evident.model.RunQuarantine;
import dev.evident.model.SuspectReport;
import dev.evident.model.Suspicion;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestId;
import dev.evident.report.StatusReport;
import dev.evident.report.StatusReport.CategoryLine;
import dev.evident.report.StatusReport.Cause;
import dev.evident.report.StatusReport.Change;
import dev.evident.report.StatusReport.ErrorLine;
import dev.evident.report.StatusReport.FlakyAndSuspicious;
import dev.evident.report.StatusReport.FlakyTest;
import dev.evident.report.StatusReport.Headline;
import dev.evident.report.StatusReport.NextStep;
import dev.evident.report.StatusReport.NotExecuted;
import dev.evident.report.StatusReport.ProgressSection;
import dev.evident.report.StatusReport.RootCauses;
import dev.evident.report.StatusReport.RunRef;
import dev.evident.report.StatusReport.SkipReason;
import dev.evident.report.StatusReport.Slowest;
import dev.evident.report.StatusReport.SuiteTime;
import dev.evident.report.StatusReport.Suspect;
import dev.evident.report.StatusReport.TimedTest;
import dev.evident.report.StatusText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the analyses of a run into the sections of its {@link StatusReport}. */
final class ReportParts {

  private ReportParts() {}

  static StatusReport assemble(
      Instant generated,
      Run run,
      RunDetail detail,
      RunQuarantine quarantine,
      RunDiagnosis diagnosis,
      RunScan scan,
      List<SkipReason> skips,
      Change change,
      FlakinessReport flakiness,
      SuspectReport suspects,
      ProgressReport progress,
      String configName) {
    List<Long> self = List.of(run.id());
    Headline headline =
        new Headline(
            StatusText.statement(run, quarantine, detail.runErrors()),
            run.counts(),
            diagnosis.environment(),
            run.runErrors(),
            run.problems(),
            self);
    return new StatusReport(
        generated,
        ref(run),
        headline,
        change,
        causes(diagnosis),
        notExecuted(run, detail, diagnosis, skips),
        flaky(scan, flakiness, quarantine, suspects),
        progress == null ? null : progress(progress, configName),
        slowest(run, detail, scan),
        nextSteps(diagnosis));
  }

  static RunRef ref(Run run) {
    String commit = run.attributes().getOrDefault("git.commit", run.labels().get("commit"));
    Instant started = run.started() != null ? run.started() : run.created();
    long millis =
        run.started() != null && run.finished() != null
            ? Duration.between(run.started(), run.finished()).toMillis()
            : -1;
    return new RunRef(
        run.id(),
        run.project(),
        run.status(),
        commit == null ? "" : commit,
        run.branch() == null ? "" : run.branch(),
        started,
        millis,
        run.attributes().getOrDefault("ci.url", ""));
  }

  /** The run's branch: its git.branch attribute, else its branch label, else empty. */
  private static RootCauses causes(RunDiagnosis d) {
    List<Cause> causes = new ArrayList<>();
    for (CauseGroup g : d.groups()) {
      var seen = g.seen();
      causes.add(
          new Cause(
              g.id(),
              g.category().id(),
              g.category().system(),
              g.diagnosis().confidence(),
              g.count(),
              g.message(),
              g.diagnosis().evidence(),
              g.diagnosis().entities(),
              g.diagnosis().remediation(),
              g.tests().stream().map(TestId::toString).toList(),
              seen == null ? 0 : seen.firstRun(),
              seen == null ? 0 : seen.lastRun(),
              seen == null ? 0 : seen.runs(),
              g.labelSource()));
    }
    return new RootCauses(d.failures(), causes, List.of(d.run().id()));
  }

  private static NotExecuted notExecuted(
      Run run, RunDetail detail, RunDiagnosis d, List<SkipReason> skips) {
    List<ErrorLine> errors = new ArrayList<>();
    for (RunDiagnosis.DiagnosedError e : d.runErrors()) {
      RunError error = e.error();
      errors.add(
          new ErrorLine(
              error.kind().name(),
              error.scope(),
              error.failure().firstLine(),
              e.diagnosis().category().id(),
              e.diagnosis().remediation(),
              error.where()));
    }
    // Missing requirements first: nothing ran because of them.
    errors.sort(Comparator.comparing(e -> !e.kind().equals(RunError.Kind.PREFLIGHT.name())));
    List<String> problems = detail.problems().stream().map(Object::toString).toList();
    return new NotExecuted(run.counts(), errors, skips, problems, List.of(run.id()));
  }

  private static FlakyAndSuspicious flaky(
      RunScan scan, FlakinessReport f, RunQuarantine quarantine, SuspectReport suspects) {
    List<FlakyTest> flaky = new ArrayList<>();
    for (TestFlakiness t : f.with(TestFlakiness.Verdict.FLAKY)) {
      flaky.add(
          new FlakyTest(
              t.test() == null ? "test #" + t.ref() : t.test().toString(),
              t.score(),
              t.runs(),
              t.reasons(),
              t.quarantine()));
    }
    Map<String, String> quarantined = new HashMap<>();
    quarantine.reasons().forEach((id, reason) -> quarantined.put(id.toString(), reason));
    List<Suspect> flags = new ArrayList<>();
    for (Suspicion s : suspects.suspicions()) {
      flags.add(new Suspect(s.kind().id(), s.subject(), s.reason()));
    }
    return new FlakyAndSuspicious(
        scan.flaky(),
        f.runs(),
        f.total(),
        flaky,
        quarantine.broken(),
        quarantined,
        flags,
        suspects.history().stream().map(Run::id).toList());
  }

  private static ProgressSection progress(ProgressReport p, String config) {
    List<CategoryLine> lines = new ArrayList<>();
    List<CategoryProgress> all = new ArrayList<>(p.categories());
    if (p.uncategorised().counts().collected() > 0) {
      all.add(p.uncategorised());
    }
    for (CategoryProgress c : all) {
      List<StatusReport.Check> checks =
          c.checks().stream()
              .map(
                  t ->
                      new StatusReport.Check(
                          t.kind().name().toLowerCase(java.util.Locale.ROOT),
                          t.goal(),
                          t.actual(),
                          t.of(),
                          t.met()))
              .toList();
      var first = c.history().size() > 1 ? c.history().get(0).counts() : null;
      lines.add(new CategoryLine(c.name(), c.counts(), first, checks, c.met()));
    }
    return new ProgressSection(
        config == null ? "" : config, lines, p.history().stream().map(Run::id).toList());
  }

  private static Slowest slowest(Run run, RunDetail detail, RunScan scan) {
    List<SuiteTime> suites = new ArrayList<>();
    for (RunDetail.SuiteCounts s : detail.suites()) {
      if (s.duration() != null) {
        suites.add(new SuiteTime(s.name(), s.duration().toNanos() / 1000, s.counts().collected()));
      }
    }
    suites.sort(
        Comparator.comparingLong(SuiteTime::micros).reversed().thenComparing(SuiteTime::suite));
    List<TimedTest> tests = scan.slowest();
    return new Slowest(
        scan.totalMicros(),
        scan.timed(),
        run.counts().executed(),
        tests,
        suites,
        List.of(run.id()));
  }

  /**
   * The diagnosis's next steps. A missing requirement's scope names the requirement, not what it
   * kept from running: it kept the whole run from running, so it is left out of {@code blocked}.
   */
  private static List<NextStep> nextSteps(RunDiagnosis d) {
    java.util.Set<String> requirements = new java.util.HashSet<>();
    for (RunDiagnosis.DiagnosedError e : d.runErrors()) {
      if (e.error().kind() == RunError.Kind.PREFLIGHT) {
        requirements.add(e.error().scope().strip());
      }
    }
    return d.nextSteps().stream()
        .map(
            s ->
                new NextStep(
                    s.action(),
                    s.tests(),
                    s.groups(),
                    s.blocked().stream().filter(b -> !requirements.contains(b)).toList()))
        .toList();
  }
}
