package dev.evident.cli;

import static dev.evident.cli.ReportFixtures.failed;
import static dev.evident.cli.ReportFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.store.RunWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evident report --format html}: one self-contained page, escaped, usable when long. */
class ReportHtmlTests {

  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String BREAKOUT = "</script><img src=x onerror=alert(2)>";

  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] withDb = new String[args.length + 2];
    System.arraycopy(args, 0, withDb, 0, args.length);
    withDb[args.length] = "--db";
    withDb[args.length + 1] = dir.resolve("evident.db").toString();
    return cl.execute(withDb);
  }

  /** Runs 1, 2 of shop; 3 of api (broken); 4 and 5 of project x with hostile names, 260 tests. */
  @BeforeEach
  void history() {
    try (ReportFixtures f = ReportFixtures.open(dir.resolve("evident.db"))) {
      f.shop();
      f.broken();
      for (int r = 0; r < 2; r++) {
        try (RunWriter w = f.start("x" + HOSTILE, "main")) {
          for (int i = 0; i < 260; i++) {
            String name = HOSTILE + " " + i;
            if (r == 1 && i % 2 == 0) {
              w.add(
                  failed(
                      "x.Suite",
                      name,
                      Outcome.FAILED,
                      new Failure("Boom", BREAKOUT + " " + i, BREAKOUT),
                      null));
            } else {
              w.add(result("x.Suite", name, Outcome.PASSED, 10 + i));
            }
          }
          w.commit(null);
        }
      }
    }
  }

  @Test
  void htmlOfARunWithABaselineMatchesItsGoldenFile() {
    assertThat(run("report", "2", "--format", "html")).isEqualTo(0);

    Golden.assertMatches("report-shop.html", out.toString());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void htmlOfABrokenRunMatchesItsGoldenFile() {
    assertThat(run("report", "3", "--format", "html")).isEqualTo(0);

    Golden.assertMatches("report-broken.html", out.toString());
  }

  @Test
  void thePageLoadsNothingFromElsewhere() {
    assertThat(run("report", "2", "--format", "html")).isEqualTo(0);
    String html = out.toString();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg");
    assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b");
    assertThat(html).doesNotContainPattern("(?i)\\s(src|srcset)\\s*=");
    assertThat(html).doesNotContainPattern("(?i)url\\(|@import|https?://");
  }

  @Test
  void testNamesAndMessagesWithMarkupAreEscapedInTheHtmlAndInTheJsonRows() {
    assertThat(run("report", "5", "--format", "html")).isEqualTo(0);
    String html = out.toString();

    assertThat(html).doesNotContain(HOSTILE).doesNotContain("<img").doesNotContain(BREAKOUT);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; 0");
    assertThat(html).contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e 259");
    // Only the page's own script elements open and close: one script, one JSON block per long list.
    int opened = count(html, "<script");
    assertThat(opened).isEqualTo(count(html, "</script>"));
    assertThat(opened).isEqualTo(1 + count(html, "<script type=\"application/json\""));
  }

  @Test
  void aLongListShowsItsFirst200RowsAsHtmlAndCarriesTheRestAsJsonWithANote() throws IOException {
    assertThat(run("report", "5", "--format", "html")).isEqualTo(0);
    String html = out.toString();
    String all = section(html, "all-tests");

    assertThat(all).contains("Every test of run 5 (260)");
    assertThat(count(all, "<tr data-k=")).isEqualTo(200);
    assertThat(all)
        .contains(
            "60 more of 260 not shown here: with JavaScript on, Show more lists them; without,"
                + " evident report 5 --format ctrf (or junit) has them all.");
    Matcher json =
        Pattern.compile("<script type=\"application/json\" class=\"rows\">(.*?)</script>", 32)
            .matcher(all);
    assertThat(json.find()).isTrue();
    JsonNode rows = new ObjectMapper().readTree(json.group(1));
    assertThat(rows.size()).isEqualTo(60);
    assertThat(rows.get(59).get(1).asText()).isEqualTo("x.Suite > " + HOSTILE + " 259");
    assertThat(rows.get(59).get(0).asText()).isEqualTo("passed");
    assertThat(rows.get(58).get(0).asText()).isEqualTo("failed");
  }

  @Test
  void trendChartsPlotTheRunsOfTheProjectUpToTheReportedRun() {
    assertThat(run("report", "1", "--format", "html")).isEqualTo(0);
    assertThat(out.toString()).contains("<title>run 1 (PASSED): 100.0%</title>");
    assertThat(out.toString()).doesNotContain("<title>run 2 (");

    assertThat(run("report", "5", "--format", "html", "--trend", "1")).isEqualTo(0);
    assertThat(out.toString()).contains("<title>run 5 (FAILED): 50.0%</title>");
    assertThat(out.toString()).doesNotContain("<title>run 4 (");

    assertThat(run("report", "5", "--format", "html")).isEqualTo(0);
    assertThat(out.toString())
        .contains("<title>run 4 (PASSED): 100.0%</title>")
        .contains("<title>run 5 (FAILED): 50.0%</title>")
        .contains("<title>run 5 (FAILED): 260</title>");
  }

  @Test
  void aRunWithNothingExecutedHasNoPassRatePoint() {
    assertThat(run("report", "3", "--format", "html")).isEqualTo(0);

    assertThat(out.toString()).contains("No test executed: there is no pass rate.");
    assertThat(section(out.toString(), "trend")).contains("no value");
  }

  @Test
  void outputWritesTheHtmlToAFile() throws IOException {
    Path file = dir.resolve("out/report.html");
    assertThat(run("report", "2", "--format", "html", "--output", file.toString())).isEqualTo(0);

    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("<h1>Evident report: run 2 of shop</h1>");
  }

  @Test
  void aTrendOfNoRunIsAUsageError() {
    assertThat(run("report", "2", "--format", "html", "--trend", "0")).isEqualTo(2);

    assertThat(err.toString()).contains("--trend must be at least 1, not 0");
  }

  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section %s", id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
