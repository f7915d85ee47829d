package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.store.EmbeddedPostgresServer;
import dev.evident.store.IndexLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI with {@code --db jdbc:postgresql://...}: the embedded PostgreSQL of the test JVM. */
class PostgresCliTests {

  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void cacheInTheTestDirectory() {
    System.setProperty(IndexLocation.CACHE_PROPERTY, dir.resolve("cache").toString());
  }

  @AfterEach
  void cacheBack() {
    System.clearProperty(IndexLocation.CACHE_PROPERTY);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String results() throws IOException {
    Path file = dir.resolve("TEST-cart.xml");
    Files.writeString(
        file,
        """
        <testsuite name="CartTest" tests="3" failures="1">
          <testcase classname="CartTest" name="adds" time="0.01"/>
          <testcase classname="CartTest" name="totals" time="0.02">
            <failure message="expected: &lt;3&gt; but was: &lt;4&gt;" type="org.opentest4j.AssertionFailedError">stack</failure>
          </testcase>
          <testcase classname="CartTest" name="later"><skipped/></testcase>
        </testsuite>
        """);
    return file.toString();
  }

  private static String storeId(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM store_info WHERE name = 'id'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void ingestsAndShowsARunStoredInPostgres() throws IOException, SQLException {
    String db = EmbeddedPostgresServer.newDatabase();

    int ingest = run("ingest", results(), "--project", "shop", "--db", db);
    int show = run("show", "latest", "--db", db);

    assertThat(ingest).isEqualTo(1);
    assertThat(show).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "FAILED: 1 of 2 executed tests failed (1 failed, 0 errored); 1 of 3 collected tests skipped")
        .contains("FAILED  CartTest > totals")
        .contains("AssertionFailedError: expected: <3> but was: <4>");
    assertThat(run("runs", "--db", db)).isZero();
    assertThat(out.toString()).contains("shop");
    // show diagnoses the run, which indexes its failures: in the cache, under the store's id
    assertThat(dir.resolve("cache").resolve(storeId(db)).resolve("index")).isDirectory();
  }

  @Test
  void aWrongPasswordFromAFileFailsWithTheUrlAndWithoutThePassword() throws IOException {
    String password = "right-Horse-battery-7";
    EmbeddedPostgresServer.requirePassword(password);
    String db =
        EmbeddedPostgresServer.newDatabaseOfPasswordUser()
            + "?user="
            + EmbeddedPostgresServer.PASSWORD_USER;
    Path wrong = Files.writeString(dir.resolve("password"), "wrong-Staple-9\n");
    Path right = Files.writeString(dir.resolve("right"), password + "\n");

    int refused = run("runs", "--db", db, "--db-password-file", wrong.toString());
    String refusal = err.toString() + out;
    int accepted = run("runs", "--db", db, "--db-password-file", right.toString());

    assertThat(refused).isEqualTo(ExitCodes.INPUT);
    assertThat(refusal)
        .contains("cannot connect to database " + db.substring(0, db.indexOf('?')))
        .contains("password authentication failed")
        .doesNotContain("wrong-Staple-9")
        .doesNotContain(password);
    assertThat(accepted).isZero();
  }
}
