package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.RunQuarantine;
import dev.evident.model.TestId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineServiceTests {

  @TempDir Path dir;

  private String db() {
    return dir.resolve("evident.db").toString();
  }

  /** Two runs: the second with two failures and a flaky test. */
  private List<Run> shop() {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("CartTest > totals", "PF");
    tests.put("CartTest > adds[1-2]", "PF");
    tests.put("CartTest > retries", "PK");
    tests.put("PayIT > pays", "PP");
    return StoredHistory.write(db(), "shop", "", tests);
  }

  private List<QuarantinedTest> add(String project, List<String> tests, String why, boolean force) {
    try (Workspace w = Workspace.open(db())) {
      return w.quarantine().add(project, tests, why, force);
    }
  }

  private List<QuarantinedTest> remove(String project, List<String> tests) {
    try (Workspace w = Workspace.open(db())) {
      return w.quarantine().remove(project, tests);
    }
  }

  private List<QuarantinedTest> quarantined(String project) {
    try (Workspace w = Workspace.open(db())) {
      return w.quarantine().quarantined(project);
    }
  }

  private RunQuarantine inRun(Run run) {
    try (Workspace w = Workspace.open(db())) {
      return w.quarantine().inRun(run);
    }
  }

  @Test
  void quarantinesTestsAsShowPrintsThemInTheProjectOfTheNewestRun() {
    shop();

    List<QuarantinedTest> added =
        add(null, List.of("CartTest > totals", "CartTest > adds[1-2]"), "#12", false);

    assertThat(added).extracting(QuarantinedTest::project).containsOnly("shop");
    assertThat(quarantined("shop"))
        .extracting(t -> t.test() + " (" + t.reason() + ")")
        .containsExactly("CartTest > adds[1-2] (#12)", "CartTest > totals (#12)");
  }

  @Test
  void anUnknownTestIsAnErrorNamingItWithCloseNamesAndNothingIsStored() {
    shop();

    assertThatThrownBy(() -> add("shop", List.of("PayIT > pays", "CartTest > total"), "", false))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "unknown test 'CartTest > total' in project shop; did you mean 'CartTest > totals'?"
                + " (give tests as evident show prints them: 'Suite > name[params]'; --force"
                + " quarantines a test that has not run yet); nothing was quarantined");
    assertThatThrownBy(() -> add("shop", List.of("retries"), "", false))
        .hasMessageStartingWith(
            "unknown test 'retries' in project shop; did you mean 'CartTest > retries'?");
    assertThat(quarantined(null)).isEmpty();
  }

  @Test
  void forceQuarantinesATestThatHasNotRunEvenInAProjectWithoutRuns() {
    shop();

    add("shop", List.of("CartTest > notYetWritten"), "", true);
    add("mobile", List.of("LoginTest > signsIn"), "wip", true);

    assertThat(quarantined(null))
        .extracting(t -> t.project() + ": " + t.test())
        .containsExactly("mobile: LoginTest > signsIn", "shop: CartTest > notYetWritten");
  }

  @Test
  void removingATestNotInQuarantineIsAnErrorAndTakesNothingOut() {
    shop();
    add("shop", List.of("CartTest > totals"), "", false);

    assertThatThrownBy(() -> remove("shop", List.of("CartTest > totals", "CartTest > total")))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "not in quarantine in project shop: 'CartTest > total'; did you mean 'CartTest >"
                + " totals'? (evident quarantine list shows what is); nothing was taken out");
    assertThat(quarantined("shop")).hasSize(1);
    assertThat(remove("shop", List.of("CartTest > totals")))
        .extracting(QuarantinedTest::test)
        .containsExactly("CartTest > totals");
    assertThat(quarantined("shop")).isEmpty();
  }

  @Test
  void marksTheQuarantinedFailuresOfARunAndForgivesARunOnlyWhenEveryFailureIsQuarantined() {
    List<Run> runs = shop();
    Run failed = runs.get(1);
    add("shop", List.of("CartTest > totals", "CartTest > retries"), "#12", false);

    RunQuarantine some = inRun(failed);

    assertThat(some.reasons())
        .containsOnly(
            Map.entry(new TestId("CartTest", "totals"), "#12"),
            Map.entry(new TestId("CartTest", "retries"), "#12"));
    assertThat(some.broken()).isEqualTo(1);
    assertThat(some.flaky()).isEqualTo(1);
    assertThat(some.forgives(failed)).isFalse();
    assertThat(inRun(runs.get(0))).isEqualTo(RunQuarantine.NONE);

    add("shop", List.of("CartTest > adds[1-2]"), "", false);
    RunQuarantine all = inRun(failed);

    assertThat(all.broken()).isEqualTo(2);
    assertThat(all.forgives(failed)).isTrue();
    assertThat(all.unquarantinedFlaky(failed)).isZero();
  }
}
