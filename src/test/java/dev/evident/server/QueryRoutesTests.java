package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.store.Backend;
import dev.evident.store.IndexLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The query routes over both stores: a SQLite file, and the test JVM's embedded PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class QueryRoutesTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  ServerFixture fx;

  private static final String SHOP = "/api/v1/projects/shop";

  @BeforeEach
  void start() {
    // A PostgreSQL store's failure index lives in the cache directory: the test's, not the user's.
    System.setProperty(IndexLocation.CACHE_PROPERTY, dir.resolve("cache").toString());
    fx = new ServerFixture(dir, backend.newStore(dir.resolve("evident.db"))).start();
  }

  @AfterEach
  void stop() {
    fx.close();
    System.clearProperty(IndexLocation.CACHE_PROPERTY);
  }

  private long upload(String query, String xml) {
    var answer =
        fx.post(SHOP + "/runs?name=TEST-s.xml" + query, null, "application/xml", utf8(xml));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("run").asLong();
  }

  @Test
  void pagesThroughRunsNewestFirstByCursorFollowingNextLinks() {
    List<Long> stored = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      stored.add(upload("", junit("S", 2, 0)));
    }
    List<Long> seen = new ArrayList<>();
    String next = SHOP + "/runs?limit=3";
    int pages = 0;
    while (next != null) {
      JsonNode page = fx.get(next).json();
      page.get("runs").forEach(r -> seen.add(r.get("run").asLong()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(stored.reversed());
  }

  @Test
  void filtersRunsByBranchLabelStatusAndDate() {
    long main = upload("&label=branch=main&label=ci=gh", junit("S", 2, 0));
    long feature = upload("&attribute=git.branch=feature", junit("S", 1, 1));

    assertThat(ids(fx.get(SHOP + "/runs?branch=main"))).containsExactly(main);
    assertThat(ids(fx.get(SHOP + "/runs?branch=feature"))).containsExactly(feature);
    assertThat(ids(fx.get(SHOP + "/runs?label=ci=gh"))).containsExactly(main);
    assertThat(ids(fx.get(SHOP + "/runs?status=failed"))).containsExactly(feature);
    assertThat(ids(fx.get(SHOP + "/runs?since=2000-01-01"))).containsExactly(feature, main);
    assertThat(ids(fx.get(SHOP + "/runs?until=2000-01-01"))).isEmpty();
    assertThat(fx.get(SHOP + "/runs?status=GREEN").status()).isEqualTo(400);
    assertThat(fx.get(SHOP + "/runs?since=yesterday").status()).isEqualTo(400);
    assertThat(fx.get(SHOP + "/runs?limit=0").status()).isEqualTo(400);
  }

  private static List<Long> ids(ServerFixture.Answer answer) {
    List<Long> ids = new ArrayList<>();
    answer.json().get("runs").forEach(r -> ids.add(r.get("run").asLong()));
    return ids;
  }

  @Test
  void oneRunIsWhatShowJsonPrints() {
    long run = upload("", junit("CartTest", 2, 1));

    JsonNode shown = fx.get(SHOP + "/runs/" + run).json();
    JsonNode latest = fx.get(SHOP + "/runs/latest").json();

    assertThat(shown.get("run").asLong()).isEqualTo(run);
    assertThat(shown.at("/counts/failed").asInt()).isEqualTo(1);
    assertThat(shown.get("failures").toString())
        .contains("fails0")
        .contains("expected 1 but was 2");
    assertThat(latest).isEqualTo(shown);
    assertThat(fx.get(SHOP + "/runs/999").status()).isEqualTo(404);
    assertThat(fx.get(SHOP + "/runs/999").json().get("error").asText()).contains("999");
  }

  @Test
  void pagesThroughARunsTestsByOffsetAndFiltersByOutcome() {
    long run = upload("", junit("S", 5, 2));

    JsonNode first = fx.get(SHOP + "/runs/" + run + "/tests?limit=4").json();
    JsonNode second = fx.get(first.get("next").asText()).json();
    JsonNode failed = fx.get(SHOP + "/runs/" + run + "/tests?outcome=failed").json();

    assertThat(first.get("total").asInt()).isEqualTo(7);
    assertThat(first.get("tests")).hasSize(4);
    assertThat(second.get("tests")).hasSize(3);
    assertThat(second.get("next").isNull()).isTrue();
    assertThat(failed.get("total").asInt()).isEqualTo(2);
    assertThat(failed.get("tests").get(0).get("outcome").asText()).isEqualTo("FAILED");
    assertThat(failed.get("tests").get(0).get("name").asText()).startsWith("fails");
    assertThat(failed.get("tests").get(0).get("suite").asText()).isEqualTo("S");
  }

  @Test
  void answersTheAnalysesAsTheCliPrintsThem() {
    long base = upload("", junit("S", 3, 0));
    long head = upload("", junit("S", 2, 1));

    JsonNode compare = fx.get(SHOP + "/compare?base=" + base + "&head=" + head).json();
    JsonNode defaults = fx.get(SHOP + "/compare").json();
    JsonNode diagnosis = fx.get(SHOP + "/runs/latest/diagnosis").json();

    assertThat(compare.toString()).contains("fails0");
    assertThat(defaults).isEqualTo(compare);
    assertThat(diagnosis.toString()).contains("expected 1 but was 2");
    assertThat(fx.get(SHOP + "/flaky").status()).isEqualTo(200);
    assertThat(fx.get(SHOP + "/flaky?window=1").status()).isEqualTo(400);
    assertThat(fx.get(SHOP + "/trend").json().toString()).contains("\"project\"");
    assertThat(fx.get(SHOP + "/runs/latest/suspicious").status()).isEqualTo(200);
    var progress = fx.get(SHOP + "/runs/latest/progress");
    assertThat(progress.status()).isEqualTo(422);
    assertThat(progress.json().get("error").asText()).contains("categories");
    assertThat(fx.get("/api/v1/projects/none/trend").status()).isEqualTo(404);
  }

  @Test
  void aRunsReportComesInMarkdownJsonAndSelfContainedHtml() {
    long base = upload("", junit("CartTest", 2, 0));
    long head = upload("", junit("CartTest", 2, 1));

    var md = fx.get(SHOP + "/runs/" + head + "/report");
    var json = fx.get(SHOP + "/runs/latest/report?format=json&baseline=" + base);
    var html = fx.get(SHOP + "/runs/latest/report?format=html");

    assertThat(md.status()).isEqualTo(200);
    assertThat(md.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/markdown");
    assertThat(md.body()).contains("fails0").contains("run " + head);
    assertThat(json.json().at("/run/id").asLong()).isEqualTo(head);
    assertThat(json.json().at("/change/base/id").asLong()).isEqualTo(base);
    assertThat(json.json().toString()).contains("fails0");
    assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("fails0");
    assertThat(fx.get(SHOP + "/runs/latest/report?format=pdf").status()).isEqualTo(400);
    assertThat(fx.get(SHOP + "/runs/latest/report?baseline=999").status()).isEqualTo(404);
  }

  @Test
  void anUnknownRouteIsA404WithAJsonBody() {
    var answer = fx.get("/api/v1/nothing");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("error").asText()).contains("/api/v1/nothing");
  }
}
