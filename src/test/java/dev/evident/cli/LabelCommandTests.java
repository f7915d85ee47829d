package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Category;
import dev.evident.model.LabelMatch;
import dev.evident.service.LabelService;
import dev.evident.service.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LabelCommandTests {

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
    withDb[args.length + 1] = db();
    return cl.execute(withDb);
  }

  private String db() {
    return dir.resolve("evident.db").toString();
  }

  /** A JUnit report of tests that cannot reach Redis at host:port. */
  private String results(String name, String... testHostPorts) throws IOException {
    StringBuilder xml = new StringBuilder("<testsuite name=\"CacheTest\">\n");
    for (int i = 0; i < testHostPorts.length; i += 2) {
      String address = testHostPorts[i + 1];
      xml.append(
          """
            <testcase classname="CacheTest" name="%s">
              <error type="redis.clients.jedis.exceptions.JedisConnectionException" message="Failed to connect to %s">redis.clients.jedis.exceptions.JedisConnectionException: Failed to connect to %s
              at redis.clients.jedis.Connection.connect(Connection.java:204)
              at com.shop.CacheTest.%s(CacheTest.java:41)
          Caused by: java.net.ConnectException: Connection refused
              at java.base/sun.nio.ch.Net.connect0(Native Method)
              at java.base/sun.nio.ch.Net.connect(Net.java:589)
              at java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:583)
              at java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)
              at java.base/java.net.Socket.connect(Socket.java:751)
              ... 12 more</error>
            </testcase>
          """
              .formatted(testHostPorts[i], address, address, testHostPorts[i]));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, xml.append("</testsuite>\n"));
    return file.toString();
  }

  private LabelMatch labelOf(String failure) {
    try (Workspace workspace = Workspace.open(db())) {
      return workspace.labels().labelOf(failure).orElseThrow();
    }
  }

  @Test
  void labelsAFailureAndLaterRunsInheritItForTheSameAndForSimilarFailures() throws IOException {
    run("ingest", results("run1.xml", "reads", "localhost:6381"), "--project", "shop");

    int code =
        run(
            "label",
            "1:CacheTest > reads",
            "--cause",
            "service_unavailable",
            "--note",
            "redis not started in CI");

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .matches(
            "Labelled [0-9a-f]{16} in project shop as service_unavailable: redis not started in CI\\R"
                + "From run 1, CacheTest > reads\\. Later failures with this fingerprint, or a"
                + " similar one, inherit it\\.\\R");

    run(
        "ingest",
        results("run2.xml", "reads", "localhost:6382", "writes", "redis-ci:6381"),
        "--project",
        "shop");
    LabelMatch same = labelOf("2:CacheTest > reads");
    LabelMatch similar = labelOf("2:CacheTest > writes");

    assertThat(same.exact()).isTrue();
    assertThat(same.label().cause()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(LabelService.describe(same))
        .isEqualTo("service_unavailable (labelled by a person on run 1: redis not started in CI)");
    assertThat(similar.exact()).isFalse();
    assertThat(similar.label()).isEqualTo(same.label());
    assertThat(LabelService.describe(similar))
        .isEqualTo(
            "service_unavailable (labelled by a person on run 1 for a similar failure, 86% alike:"
                + " redis not started in CI)");
  }

  @Test
  void labelsAGroupByTheStartOfItsFingerprintAndListsTheLabels() throws IOException {
    run("ingest", results("run1.xml", "reads", "localhost:6381"), "--project", "shop");
    run("label", "1:CacheTest > reads", "--cause", "other");
    Matcher printed = Pattern.compile("Labelled ([0-9a-f]{16})").matcher(out.toString());
    assertThat(printed.find()).isTrue();
    String group = printed.group(1).substring(0, 8);

    int code = run("label", group.toUpperCase(), "--cause", "service_unavailable");
    int listed = run("labels", "--project", "shop");

    assertThat(code).isZero();
    assertThat(listed).isZero();
    assertThat(out.toString().lines())
        .hasSize(3)
        .first()
        .asString()
        .startsWith("  ID  PROJECT           GROUP             CAUSE");
    assertThat(out.toString())
        .contains("   2  shop              " + printed.group(1) + "  service_unavailable")
        .contains("run 1 CacheTest > reads")
        .contains("   1  shop              " + printed.group(1) + "  other");
    assertThat(labelOf("1:CacheTest > reads").label().cause())
        .isEqualTo(Category.SERVICE_UNAVAILABLE);
  }

  @Test
  void saysSoWhenThereAreNoLabels() {
    assertThat(run("labels")).isZero();
    assertThat(out.toString()).isEqualTo("No labels yet.\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          99:CacheTest > reads | service_unavailable | evident: no run 99 in the store
          1:CacheTest > nope   | service_unavailable | evident: run 1 has no failed, errored or flaky test 'CacheTest > nope' (give it as evident show 1 prints it: 'suite > name')
          deadbeef00           | service_unavailable | evident: no failure group deadbeef00 in the history (group ids are printed by evident diagnose)
          abc                  | service_unavailable | evident: not a failure or a group: 'abc'; give RUN:TEST with the test as evident show prints it ('12:CartTest > totals'), or a group id of 8 or more hex digits as evident diagnose prints it
          1:CacheTest > reads  | redis_down          | evident: unknown category 'redis_down'; use one of: dependency_conflict, missing_dependency, service_unavailable, configuration_missing, syntax_or_compile_error, api_breaking_change, timeout, async_lifecycle, assertion_failure, test_setup_error, resource_exhaustion, permission_denied, flaky_nondeterminism, other
          """)
  void rejectsWhatItCannotLabelWithOneClearLineAndExitTwo(
      String failureOrGroup, String cause, String message) throws IOException {
    run("ingest", results("run1.xml", "reads", "localhost:6381"), "--project", "shop");

    int code = run("label", failureOrGroup, "--cause", cause);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(message + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void wantsACause() {
    assertThat(run("label", "1:CacheTest > reads")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing required option: '--cause=ID'");
  }
}
