package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestFlakiness.Verdict;
import dev.evident.store.ResultStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlakinessServiceTests {

  @TempDir Path dir;

  private String db() {
    return dir.resolve("evident.db").toString();
  }

  /** Twelve runs of a shop: one flaky test, one that breaks, an outage in run 9 (index 8). */
  private List<Run> shop() {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("CartTest > totals", "PKPPKPPFOPPF");
    tests.put("CartTest > adds", "PPPPPPPPOPPP");
    tests.put("PayIT > pays", "PPPPPFFFOFFF");
    tests.put("PayIT > refunds", "PPPPPPPPOPPP");
    tests.put("PayIT > disputes", "SSSSSSSSSSPP");
    return StoredHistory.write(db(), "shop", "aaabbbcccddd", tests);
  }

  private FlakinessReport score(String project, FlakySettings settings) {
    try (Workspace w = Workspace.open(db())) {
      return w.flakiness().score(project, settings);
    }
  }

  @Test
  void scoresEveryTestOfTheWindowNamesTheFlakyOnesAndLeavesTheOutageOut() {
    List<Run> runs = shop();

    FlakinessReport report = score(null, FlakySettings.DEFAULT);

    assertThat(report.project()).isEqualTo("shop");
    assertThat(report.runs()).hasSize(12).first().isEqualTo(runs.get(0).id());
    assertThat(report.outages()).hasSize(1);
    FlakinessReport.Outage outage = report.outages().get(0);
    assertThat(outage.run()).isEqualTo(runs.get(8).id());
    assertThat(outage.failed()).isEqualTo(4);
    assertThat(outage.executed()).isEqualTo(4);
    assertThat(outage.sharedCause()).isEqualTo(4);
    assertThat(outage.cause()).isEqualTo("Connection refused: localhost/127.0.0.1:5432");
    assertThat(report.with(Verdict.FLAKY)).hasSize(1);
    TestFlakiness totals = report.with(Verdict.FLAKY).get(0);
    assertThat(totals.test().toString()).isEqualTo("CartTest > totals");
    assertThat(totals.reasons())
        .containsExactly(
            "passed on a rerun in 2 of 11 runs",
            "1 outcome flip on each of 2 commits",
            "3 flips in 11 runs",
            "1 outage run left out (it failed in it)");
    assertThat(totals.lastSeen()).isEqualTo(runs.get(11).id());
    assertThat(totals.quarantine()).isNull();
    assertThat(report.count(Verdict.CHANGED)).isEqualTo(1);
    assertThat(report.count(Verdict.CONSISTENT)).isEqualTo(2);
    assertThat(report.count(Verdict.TOO_FEW_RUNS)).isEqualTo(1);
    assertThat(report.total()).isEqualTo(5);
  }

  @Test
  void theWindowIsTheNewestRunsOfTheProjectOnly() {
    List<Run> runs = shop();
    StoredHistory.write(db(), "other", "", Map.of("X > y", "KKKKKK"));

    FlakinessReport report = score("shop", FlakySettings.DEFAULT.withWindow(5));

    assertThat(report.runs())
        .containsExactly(
            runs.get(7).id(),
            runs.get(8).id(),
            runs.get(9).id(),
            runs.get(10).id(),
            runs.get(11).id());
    assertThat(report.with(Verdict.FLAKY)).isEmpty();
    assertThat(report.count(Verdict.TOO_FEW_RUNS)).isEqualTo(5);
  }

  @Test
  void aRunWhereMostTestsFailForDifferentReasonsIsNoOutage() {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("A > a", "PPPPFPPPPP");
    tests.put("A > b", "PPPPFPPPPP");
    tests.put("A > c", "PPPPPPPPPP");
    StoredHistory.write(db(), "shop", "", tests);

    FlakinessReport report = score("shop", FlakySettings.DEFAULT);

    // Each failure names its test: two causes for two failures, so no outage.
    assertThat(report.outages()).isEmpty();
    assertThat(report.count(Verdict.WATCH)).isEqualTo(2);
  }

  @Test
  void aFlakyTestInQuarantineSaysWhy() {
    shop();
    try (ResultStore store = ResultStore.open(db())) {
      store.quarantine(
          new QuarantinedTest("shop", "CartTest > totals", "timing, #12", Instant.EPOCH));
    }

    TestFlakiness totals = score("shop", FlakySettings.DEFAULT).with(Verdict.FLAKY).get(0);

    assertThat(totals.quarantine()).isEqualTo("timing, #12");
  }

  @Test
  void aProjectWithoutRunsIsAnErrorNamingTheNewestProject() {
    shop();

    assertThatThrownBy(() -> score("shpo", FlakySettings.DEFAULT))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "no runs of project shpo stored yet (the newest run is of project shop); ingest"
                + " results first (evident ingest PATH --project shpo)");
  }
}
