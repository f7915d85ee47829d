package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTests {

  @TempDir Path dir;

  @Test
  void takesEvidentsVariablesBeforePostgresOnes() {
    Map<String, String> env =
        Map.of(
            "EVIDENT_DB_USER", "evident",
            "EVIDENT_DB_PASSWORD", "one",
            "PGUSER", "pg",
            "PGPASSWORD", "two");

    assertThat(Credentials.from(env, null)).isEqualTo(new Credentials("evident", "one"));
    assertThat(Credentials.from(Map.of("PGUSER", "pg", "PGPASSWORD", "two"), null))
        .isEqualTo(new Credentials("pg", "two"));
    assertThat(Credentials.from(Map.of(), null)).isEqualTo(Credentials.NONE);
  }

  @Test
  void readsThePasswordFromAFileWithoutItsLineBreak() throws IOException {
    Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
    Path other = Files.writeString(dir.resolve("other"), "from-option\r\n");

    assertThat(
            Credentials.from(
                Map.of("EVIDENT_DB_PASSWORD_FILE", file.toString(), "PGPASSWORD", "two"), null))
        .isEqualTo(new Credentials(null, "from-file"));
    assertThat(
            Credentials.from(
                Map.of("EVIDENT_DB_PASSWORD_FILE", file.toString(), "EVIDENT_DB_PASSWORD", "env"),
                other))
        .isEqualTo(new Credentials(null, "from-option"));
  }

  @Test
  void aMissingPasswordFileIsAClearErrorThatNamesIt() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> Credentials.from(Map.of(), missing))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot read the database password file " + missing)
        .hasMessageContaining("--db-password-file");
  }

  @Test
  void neverShowsThePasswordInItsText() {
    assertThat(new Credentials("ci", "hunter2").toString())
        .contains("ci")
        .doesNotContain("hunter2");
  }
}
