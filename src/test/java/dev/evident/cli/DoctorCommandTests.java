package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private ServerSocket redis;
  private int closed;

  @BeforeEach
  void startRedisStandIn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    redis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stopRedisStandIn() throws IOException {
    redis.close();
  }

  private int doctor(String... args) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "doctor";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    return cl.execute(withCommand);
  }

  private String config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("evident.yaml"), yaml).toString();
  }

  @Test
  void printsOneLinePerRequirementAndExitsZeroWhenAllAreMet() throws IOException {
    Files.writeString(dir.resolve("settings.toml"), "");
    String config =
        config(
            """
            requires:
              services:
                redis: tcp://127.0.0.1:%d
              commands: [sh]
              env: [PATH]
              files: [%s]
            """
                .formatted(redis.getLocalPort(), dir.resolve("settings.toml")));

    int code = doctor("--config", config);

    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .startsWith("Requirements from " + config + ":\n")
        .contains("ok       redis  ")
        .contains("tcp://127.0.0.1:" + redis.getLocalPort() + " reachable\n")
        .contains("ok       PATH   ")
        .contains("set (value not shown)\n")
        .endsWith("All 4 requirements met.\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void saysWhatIsMissingAndWhatToDoAndExitsOne() throws IOException {
    String config =
        config(
            """
            requires:
              services:
                redis: tcp://127.0.0.1:%d
                cache: tcp://127.0.0.1:%d
              commands: [evident-no-such-command]
            """
                .formatted(redis.getLocalPort(), closed));

    int code = doctor("--config", config);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "MISSING  cache                    tcp://127.0.0.1:"
                + closed
                + ": connection refused -> start it, or change requires.services.cache in "
                + config
                + "\n")
        .contains(
            "MISSING  evident-no-such-command  not found on PATH -> install"
                + " evident-no-such-command or put it on PATH\n")
        .endsWith("2 of 3 requirements missing.\n");
    assertThat(err.toString()).isEqualTo("evident: exit 1: 2 of 3 requirements missing\n");
  }

  @Test
  void printsJsonWithEveryCheckAndTheNumberMissing() throws IOException {
    String config =
        config(
            """
            requires:
              services: {redis: "tcp://127.0.0.1:%d"}
              env: [EVIDENT_TEST_UNSET]
            """
                .formatted(redis.getLocalPort()));

    int code = doctor("--config", config, "--json");

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(json.path("config").asText()).isEqualTo(config);
    assertThat(json.path("missing").asInt()).isEqualTo(1);
    assertThat(json.path("checks")).hasSize(2);
    JsonNode first = json.path("checks").get(0);
    assertThat(first.path("kind").asText()).isEqualTo("service");
    assertThat(first.path("name").asText()).isEqualTo("redis");
    assertThat(first.path("ok").asBoolean()).isTrue();
    assertThat(first.path("fix").isNull()).isTrue();
    JsonNode second = json.path("checks").get(1);
    assertThat(second.path("kind").asText()).isEqualTo("env");
    assertThat(second.path("ok").asBoolean()).isFalse();
    assertThat(second.path("detail").asText()).isEqualTo("not set");
    assertThat(second.path("fix").asText())
        .isEqualTo("set EVIDENT_TEST_UNSET (never recorded by Evident)");
  }

  @Test
  void aConfigErrorIsOneLineWithFileAndLineAndExitsTwo() throws IOException {
    String config = config("requires:\n  commands: [sh]\n  servces:\n    redis: tcp://x:1\n");

    int code = doctor("--config", config);

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "evident: "
                + config
                + ":3: unknown key 'servces' under requires; did you mean 'services'?\n");
  }

  @Test
  void aConfigFileThatDoesNotExistIsAnError() {
    int code = doctor("--config", dir.resolve("nope.yaml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("evident: cannot read config " + dir.resolve("nope.yaml") + ": no such file\n");
  }

  @Test
  void aFileWithoutRequirementsHasNothingToCheck() throws IOException {
    String config = config("# requirements come later\n");

    assertThat(doctor("--config", config)).isEqualTo(0);
    assertThat(out.toString()).isEqualTo(config + " declares no requirements; nothing to check\n");
  }
}
