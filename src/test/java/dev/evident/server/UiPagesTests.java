package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI on a real server over a real store, read with a real HTTP client. */
class UiPagesTests {

  private static final Pattern HREF = Pattern.compile("href=\"(/ui/[^\"]*)\"");

  @TempDir Path dir;
  ServerFixture fx;

  @AfterEach
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  private void upload(String project, String xml) {
    var answer =
        fx.post(
            "/api/v1/projects/" + project + "/runs?name=TEST-x.xml",
            null,
            "application/xml",
            utf8(xml));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private ServerFixture.Answer page(String path) {
    var answer = fx.get(path);
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    assertThat(answer.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/html");
    return answer;
  }

  private ServerFixture started() {
    fx = new ServerFixture(dir).start();
    upload("shop", junit("shop.Cart", 10, 0));
    upload("shop", junit("shop.Cart", 8, 2));
    return fx;
  }

  @Test
  void theProjectsPageShowsEachProjectsLatestRunWithItsDenominators() {
    started();
    String html = page("/ui/").body();
    assertThat(html)
        .contains("href=\"/ui/projects/shop/runs\"")
        .contains("href=\"/ui/projects/shop/runs/2\"")
        .contains("FAILED")
        .contains("8 of 10 executed (80.0%)")
        .contains("10 of 10 collected (100.0%)");
    assertThat(fx.get("/").response().headers().firstValue("Location")).hasValue("/ui/");
  }

  @Test
  void theRunPageShowsCountsCausesFailuresAndWhatWasNotExecuted() {
    started();
    String html = page("/ui/projects/shop/runs/2").body();
    assertThat(html)
        .contains("FAILED: 2 of 10 executed tests failed")
        .contains("Passed</td><td>8 of 10 executed (80.0%)")
        .contains("Failed</td><td>2 of 10 executed (20.0%)")
        .contains("Root causes (1 group of 2 failures)")
        .contains("assertion_failure")
        .contains("Failures (2)")
        .contains("shop.Cart &gt; fails0")
        .contains("expected 1 but was 2")
        .contains("Not executed (0 of 10 collected (0.0%))")
        .contains("Flaky in this run (0)")
        .contains("Suspicious (");
  }

  @Test
  void anEmptyRunIsShownAsEmptyNeverAsPassed() {
    fx = new ServerFixture(dir).start();
    upload("hollow", "<testsuite name=\"none\"></testsuite>");
    String projects = page("/ui/").body();
    assertThat(projects).contains(">EMPTY<").contains("no test executed").doesNotContain("PASSED");
    String run = page("/ui/projects/hollow/runs/1").body();
    assertThat(run).contains("EMPTY").contains("no test executed").doesNotContain("PASSED");
  }

  @Test
  void testNamesAndMessagesHoldingMarkupRenderAsInertText() {
    fx = new ServerFixture(dir).start();
    String xml =
        "<testsuite name=\"s\"><testcase classname=\"s\" name=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"
            + "<failure message=\"&lt;img src=x onerror=alert(2)&gt;\" type=\"E\">x</failure>"
            + "</testcase></testsuite>";
    upload("p&lt", xml);
    for (String path : List.of("/ui/projects/p%26lt/runs/1", "/ui/projects/p%26lt/runs", "/ui/")) {
      var answer = page(path);
      assertThat(answer.body())
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x")
          .doesNotContain("p&lt<");
      assertThat(answer.response().headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
    }
    assertThat(page("/ui/projects/p%26lt/runs/1").body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;");
  }

  @Test
  void theRunListFiltersByStatusAndPagesWithACursor() {
    started();
    upload("shop", junit("shop.Cart", 10, 0));
    String failed = page("/ui/projects/shop/runs?status=failed").body();
    assertThat(failed).contains("/ui/projects/shop/runs/2\"").doesNotContain("runs/1\"");
    String first = page("/ui/projects/shop/runs?limit=2").body();
    assertThat(first).contains("runs/3\"").contains("runs/2\"").doesNotContain("runs/1\"");
    Matcher older = Pattern.compile("href=\"([^\"]*cursor=[^\"]*)\" rel=\"next\"").matcher(first);
    assertThat(older.find()).as("an Older runs link").isTrue();
    String second = page(older.group(1).replace("&amp;", "&")).body();
    assertThat(second).contains("runs/1\"").doesNotContain("runs/3\"");
    assertThat(fx.get("/ui/projects/shop/runs?status=nonsense").status()).isEqualTo(400);
  }

  @Test
  void theComparePageListsNewFailuresAndFixedTests() {
    started();
    upload("shop", junit("shop.Cart", 8, 2).replaceAll("<failure[^>]*>at x</failure>", ""));
    String broke = page("/ui/projects/shop/compare?base=1&head=2").body();
    assertThat(broke).contains("New failures (2)").contains("shop.Cart &gt; fails0");
    String fixed = page("/ui/projects/shop/compare?base=2&head=3").body();
    assertThat(fixed).contains("New failures (0)").contains("Fixed (2)");
    assertThat(page("/ui/projects/shop/compare?head=1").body()).contains("Nothing to compare");
  }

  @Test
  void everyLinkOfTheUiLeadsToAPageThatLoads() {
    started();
    Deque<String> todo = new ArrayDeque<>(List.of("/ui/"));
    Set<String> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      String path = todo.pop();
      String html = page(path).body();
      Matcher m = HREF.matcher(html);
      while (m.find()) {
        String link = m.group(1).replace("&amp;", "&");
        if (!link.startsWith("/ui/static/") && seen.add(link)) {
          todo.add(link);
        }
      }
    }
    assertThat(seen)
        .contains(
            "/ui/projects/shop/runs",
            "/ui/projects/shop/runs/1",
            "/ui/projects/shop/runs/2",
            "/ui/projects/shop/compare",
            "/ui/projects/shop/flaky",
            "/ui/projects/shop/progress",
            "/ui/projects/shop/trend",
            "/ui/projects/shop/models");
  }

  @Test
  void theTrendPageDrawsSvgChartsAndTheFlakyPageCountsWithDenominators() {
    started();
    assertThat(page("/ui/projects/shop/trend").body())
        .contains("<svg")
        .contains("Pass rate (passed of executed)")
        .contains("8 of 10 executed (80.0%)");
    assertThat(page("/ui/projects/shop/flaky").body())
        .contains("Too few runs for a verdict</td><td>12 of 12 tests (100.0%)");
    assertThat(page("/ui/projects/shop/progress").body()).contains("declares no categories");
  }

  @Test
  void theModelsPageComparesModelsWithDenominatorsTokensAndCost() {
    fx = new ServerFixture(dir).start();
    for (String model : List.of("gpt-4o", "claude-sonnet-4")) {
      String lines =
          "{\"sample\": \"a\", \"package\": \"math\", \"model\": \"M\", \"outcome\": \"passed\","
              + " \"tokens\": {\"input\": 1000, \"output\": 200}, \"cost_usd\": 0.5}\n"
              + "{\"sample\": \"b\", \"package\": \"math\", \"model\": \"M\", \"outcome\": \""
              + (model.equals("gpt-4o") ? "failed" : "passed")
              + "\", \"tokens\": {\"input\": 1000, \"output\": 200}, \"cost_usd\": 0.5}\n";
      var answer =
          fx.post(
              "/api/v1/projects/ev/runs?name=" + model + ".jsonl",
              null,
              "application/octet-stream",
              utf8(lines.replace("\"M\"", "\"" + model + "\"")));
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
    String html = page("/ui/projects/ev/models").body();
    assertThat(html)
        .contains("<td>gpt-4o</td>")
        .contains("<td>claude-sonnet-4</td>")
        .contains("1 of 2 executed (50.0%)")
        .contains("2 of 2 executed (100.0%)")
        .contains("2,000")
        .contains("1.0000")
        .contains("Per package, passed of executed");
  }

  @Test
  void anUnknownRunIsAnHtmlNotFoundPage() {
    started();
    var answer = fx.get("/ui/projects/shop/runs/99");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("<!doctype html>").contains("no run");
  }
}
