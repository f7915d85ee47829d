package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wordings of review replies, nightly e-mails, release checklists and agents' step lists: "10 of
 * the 11 test cases that ran are green", "`x` was failing ...; fixed that", "`y` was already
 * failing on main", "Pass rate ≥ 95% — currently 94.7%", "good to tag", "`go test ./...` green",
 * "new failure: `z`", "`w` stays disabled", "it was 3 of 5 targets", a line per status mark.
 */
class ReplyAndChecklistWordingsTests {

  private static List<CheckedClaim> check(String markdown, RunEvidence now, RunEvidence before) {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            markdown, new Evidence(List.of(now), before), SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(markdown).isNotEmpty();
    return claims;
  }

  private static CheckedClaim at(List<CheckedClaim> claims, int line) {
    return claims.stream()
        .filter(c -> c.claim().line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no claim on line " + line + ": " + claims));
  }

  /** Run 2: cart 9 passed + 1 failed, one skipped (11 collected, 10 executed). */
  private static final RunEvidence NOW =
      run(
          2,
          all(
              suite("cart", 9, 1),
              new TestEvidence[] {test("cart", "later_0", Outcome.SKIPPED, "tests/cart.py")}));

  @Test
  void theTestsThatRanAreTheTotalAndTheGreenOnesThePassing() {
    CheckedClaim right =
        at(
            check("## Results\n\nIn all 9 of the 10 test cases that ran are green.\n", NOW, null),
            3);
    assertThat(right.verdict()).as(right.reason()).isEqualTo(Verdict.SUPPORTED);

    CheckedClaim wrong =
        at(
            check("## Results\n\nIn all 8 of the 10 test cases that ran are green.\n", NOW, null),
            3);
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTestThatWasFailingAndIsFixedInTheSameSentenceIsAFix() {
    RunEvidence before = run(1, test("lib", "ledger_test", Outcome.FAILED, "lib/BUILD"));
    RunEvidence after = run(2, test("lib", "ledger_test", Outcome.PASSED, "lib/BUILD"));

    CheckedClaim c =
        at(
            check(
                "## Changes\n\n`ledger_test` was failing on a stale fixture; fixed that in the loader.\n",
                after,
                before),
            3);

    assertThat(c.claim().expectation()).isEqualTo(Expectation.FIXED);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aTestThatWasAlreadyFailingIsCheckedInTheBaseline() {
    RunEvidence failsNow = run(2, test("svc", "mailer_test", Outcome.ERRORED, "svc/BUILD"));
    String report = "## Notes\n\n`mailer_test` was already failing on main (since build 310).\n";

    CheckedClaim passedBefore =
        at(check(report, failsNow, run(1, test("svc", "mailer_test", Outcome.PASSED, "x"))), 3);
    assertThat(passedBefore.verdict()).as(passedBefore.reason()).isEqualTo(Verdict.CONTRADICTED);

    CheckedClaim failedBefore =
        at(check(report, failsNow, run(1, test("svc", "mailer_test", Outcome.FAILED, "x"))), 3);
    assertThat(failedBefore.verdict()).as(failedBefore.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aBoundFollowedByTheCurrentRateIsAGoalAndTheCurrentRateTheClaim() {
    CheckedClaim c =
        at(
            check(
                "## Checklist\n\n- [ ] Pass rate ≥ 95% — currently 90%, needs one fix\n",
                NOW, null),
            3);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.claim().quantity(Measure.PASS_RATE).value()).isEqualTo(90.0);
  }

  @Test
  void goodToTagIsReadinessOfTheWholeRun() {
    CheckedClaim c =
        at(
            check("## Sign-off\n\nI think we're good to tag 3.1.0 from this commit.\n", NOW, null),
            3);

    assertThat(c.claim().expectation()).isEqualTo(Expectation.READY);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void theWholeSuitesCommandGreenIsAClaimThatAllPass() {
    CheckedClaim red = at(check("## Release\n\n- [x] `cargo test` green on CI\n", NOW, null), 3);
    assertThat(red.verdict()).as(red.reason()).isEqualTo(Verdict.CONTRADICTED);

    CheckedClaim green =
        at(
            check(
                "## Release\n\n- [x] `cargo test` green on CI\n",
                run(2, suite("cart", 4, 0)),
                null),
            3);
    assertThat(green.verdict()).as(green.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aNewFailureLabelBeforeACommaAndAStaysDisabledAreRead() {
    RunEvidence before =
        run(
            1,
            test("geo.kml", "geo.kml.write", Outcome.PASSED, "x"),
            test("geo.tile", "geo.tile.render", Outcome.SKIPPED, "x"));
    RunEvidence after =
        run(
            2,
            test("geo.kml", "geo.kml.write", Outcome.FAILED, "x"),
            test("geo.tile", "geo.tile.render", Outcome.SKIPPED, "x"));

    List<CheckedClaim> claims =
        check(
            "## Nightly\n\n- new failure: `geo.kml.write`, likely the parser bump\n"
                + "- `geo.tile.render` stays disabled, as agreed\n",
            after,
            before);

    assertThat(at(claims, 3).claim().expectation()).isEqualTo(Expectation.REGRESSED);
    assertThat(at(claims, 3).verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(at(claims, 4).claim().expectation()).isEqualTo(Expectation.SKIP);
    assertThat(at(claims, 4).verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aFractionOfTargetsBeforeIsNoCountOfTests() {
    List<CheckedClaim> claims =
        check(
            "## Results\n\n- `cart_test`: 10 specs, 9 passing, 1 pending\n"
                + "- 4 of 5 targets pass\n- before my changes it was 3 of 5 targets\n",
            NOW,
            run(1, suite("cart", 7, 3)));

    assertThat(claims).noneMatch(c -> c.claim().line() == 5);
  }

  @Test
  void eachLineOpeningWithAStatusMarkIsAStatementOfItsOwn() {
    List<CheckedClaim> claims =
        check(
            "## Reproduce\n\n✅ Ran the suite on the base commit: 7 passed, 3 failed out of 10 tests\n"
                + "✅ Confirmed all 3 failures are in `cart`\n",
            NOW,
            run(1, suite("cart", 7, 3)));

    CheckedClaim first = at(claims, 3);
    assertThat(first.verdict()).as(first.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(first.claim().text()).doesNotContain("Confirmed");
  }

  @Test
  void readyToShipAndGoodToMergeAreReadiness() {
    for (String line :
        List.of("Ready to ship in 4.2.1 once QA signs off.", "The branch is good to merge now.")) {
      CheckedClaim c = at(check("## Status\n\n" + line + "\n", NOW, null), 3);
      assertThat(c.claim().expectation()).as(line).isEqualTo(Expectation.READY);
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
    }
  }

  @Test
  void aCountOfPartsWeTestIsNoCountOfTests() {
    // run 2 has cart_9 and later_0 that run 1 lacks: 2 new tests, not 3
    List<CheckedClaim> claims =
        check(
            "## Quality\n\nAcross the 4 areas we test we added 3 new tests this month.\n",
            NOW,
            run(1, suite("cart", 9, 0)));

    assertThat(claims).noneMatch(c -> c.claim().quantity(Measure.TESTS) != null);
    CheckedClaim c = at(claims, 3);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void regressionTestsAddedAreNewTestsNotATotal() {
    CheckedClaim c =
        at(
            check(
                "## Fix\n\n✅ Fixed rounding and added 2 regression tests for it\n",
                NOW,
                run(1, suite("cart", 9, 0))),
            3);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("not in run 1");
  }

  @Test
  void leaksASanitizerReportsAreNoTestResult() {
    CheckedClaim c = at(check("## Other\n\n- ASan job: clean, 0 leaks reported\n", NOW, null), 3);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void pointsAfterASentenceOfCountsAndRatesAreTheDifferenceOfItsRates() {
    String report =
        "## Quality\n\nThe suite passed 9 of 10 tests on the last run (90%%), up from 80%% in May.\n"
            + "That is a %s-point improvement in pass rate.\n";

    CheckedClaim wrong = at(check(report.formatted("12"), NOW, null), 4);
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(wrong.reason()).contains("10 points apart, not 12");

    CheckedClaim right = at(check(report.formatted("10"), NOW, null), 4);
    assertThat(right.verdict()).as(right.reason()).isNotEqualTo(Verdict.INCONSISTENT);
  }

  @Test
  void allTestsOutsideAPartAreCheckedWithoutThePart() {
    // run 2: cart 9 passed + 1 failed; search 4 passed
    RunEvidence now = run(2, all(suite("cart", 9, 1), suite("search", 4, 0)));

    CheckedClaim rest = at(check("## Stand-up\n\nall tests outside cart pass now\n", now, null), 3);
    assertThat(rest.verdict()).as(rest.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(rest.reason()).contains("outside cart");

    CheckedClaim wrong =
        at(check("## Stand-up\n\nall tests outside search pass now\n", now, null), 3);
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.CONTRADICTED);
  }
}
