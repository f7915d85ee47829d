package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.evident.model.Check;
import dev.evident.model.Requirements;
import dev.evident.model.VersionConstraint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTests {

  @TempDir Path dir;

  private HttpServer http;
  private final Map<String, String> env = new HashMap<>(System.getenv());

  @BeforeEach
  void startHttpServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/health", e -> respond(e, 200));
    http.createContext("/moved", e -> respond(e, 302));
    http.createContext("/sick", e -> respond(e, 503));
    http.start();
  }

  @AfterEach
  void stopHttpServer() {
    http.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  /** A port nothing listens on: bound once, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private List<Check> check(Requirements requires) {
    return Preflight.check(requires, dir, "evident.yaml", env);
  }

  private static Requirements services(Map<String, String> services) {
    return new Requirements(services, List.of(), List.of(), List.of(), Map.of());
  }

  private static Requirements versions(String name, String constraint) {
    return new Requirements(
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(name, VersionConstraint.parse(constraint)));
  }

  private Path script(String name, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void aListeningTcpPortIsReachableAndAClosedOneIsMissingWithWhatToDo() throws IOException {
    int closed = closedPort();
    try (ServerSocket redis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Map<String, String> services = new LinkedHashMap<>();
      services.put("redis", "tcp://127.0.0.1:" + redis.getLocalPort());
      services.put("queue", "tcp://127.0.0.1:" + closed);

      List<Check> checks = check(services(services));

      assertThat(checks)
          .containsExactly(
              Check.met(
                  Check.Kind.SERVICE,
                  "redis",
                  "tcp://127.0.0.1:" + redis.getLocalPort() + " reachable"),
              Check.missing(
                  Check.Kind.SERVICE,
                  "queue",
                  "tcp://127.0.0.1:" + closed + ": connection refused",
                  "start it, or change requires.services.queue in evident.yaml"));
    }
  }

  @Test
  void anHttpServiceIsUpWhenItAnswers2xxOr3xxAndOtherwiseShowsTheStatus() throws IOException {
    int closed = closedPort();
    Map<String, String> services = new LinkedHashMap<>();
    services.put("api", url("/health"));
    services.put("login", url("/moved"));
    services.put("search", url("/sick"));
    services.put("gone", "http://127.0.0.1:" + closed + "/health");

    List<Check> checks = check(services(services));

    assertThat(checks)
        .containsExactly(
            Check.met(Check.Kind.SERVICE, "api", url("/health") + ": HTTP 200"),
            Check.met(Check.Kind.SERVICE, "login", url("/moved") + ": HTTP 302"),
            Check.missing(
                Check.Kind.SERVICE,
                "search",
                url("/sick") + ": HTTP 503",
                "find out why it answers 503, or change requires.services.search in evident.yaml"),
            Check.missing(
                Check.Kind.SERVICE,
                "gone",
                "http://127.0.0.1:" + closed + "/health: connection refused",
                "start it, or change requires.services.gone in evident.yaml"));
  }

  @Test
  void aServiceThatAcceptsButNeverAnswersIsMissingAfterTheHttpTimeout() throws IOException {
    // The kernel completes the handshake for a listening socket nobody accepts from: the request
    // goes out and no answer ever comes back.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/health";
      var timeouts =
          new Preflight.Timeouts(
              Duration.ofSeconds(1),
              Duration.ofMillis(300),
              Duration.ofSeconds(5),
              Duration.ofSeconds(8));

      List<Check> checks =
          new Preflight(dir, "evident.yaml", env, timeouts).run(services(Map.of("api", url)));

      assertThat(checks.get(0).ok()).isFalse();
      assertThat(checks.get(0).detail()).isEqualTo(url + ": no answer within 0.3 s");
    }
  }

  @Test
  void commandsAreFoundOnPathOnlyWhenExecutable() throws IOException {
    Path notExecutable = Files.writeString(dir.resolve("bin-plain"), "");
    Path plainDir = Files.createDirectories(dir.resolve("plain"));
    Files.copy(notExecutable, plainDir.resolve("lint"));
    script("local-tool", "exit 0");
    env.put("PATH", env.get("PATH") + ":" + plainDir);
    Requirements requires =
        new Requirements(
            Map.of(),
            List.of("sh", "evident-no-such-command", "lint", "bin/local-tool", "bin/missing"),
            List.of(),
            List.of(),
            Map.of());

    List<Check> checks = check(requires);

    assertThat(checks.get(0).ok()).isTrue();
    assertThat(checks.get(0).detail()).endsWith("/sh");
    assertThat(checks.get(1))
        .isEqualTo(
            Check.missing(
                Check.Kind.COMMAND,
                "evident-no-such-command",
                "not found on PATH",
                "install evident-no-such-command or put it on PATH"));
    assertThat(checks.get(2).ok()).isFalse();
    assertThat(checks.get(2).detail())
        .isEqualTo(plainDir.resolve("lint") + " is on PATH but not executable");
    assertThat(checks.get(3))
        .isEqualTo(
            Check.met(
                Check.Kind.COMMAND, "bin/local-tool", dir.resolve("bin/local-tool").toString()));
    assertThat(checks.get(4).fix()).isEqualTo("create bin/missing");
  }

  @Test
  void variablesMustBeSetAndNotEmptyAndTheirValuesAreNeverShown() {
    env.put("EVIDENT_TEST_EMPTY", " ");
    env.remove("EVIDENT_TEST_UNSET");
    Requirements requires =
        new Requirements(
            Map.of(),
            List.of(),
            List.of("PATH", "EVIDENT_TEST_UNSET", "EVIDENT_TEST_EMPTY"),
            List.of(),
            Map.of());

    List<Check> checks = check(requires);

    assertThat(checks)
        .containsExactly(
            Check.met(Check.Kind.ENV, "PATH", "set (value not shown)"),
            Check.missing(
                Check.Kind.ENV,
                "EVIDENT_TEST_UNSET",
                "not set",
                "set EVIDENT_TEST_UNSET (never recorded by Evident)"),
            Check.missing(
                Check.Kind.ENV,
                "EVIDENT_TEST_EMPTY",
                "set but empty",
                "set EVIDENT_TEST_EMPTY (never recorded by Evident)"));
    assertThat(checks.toString()).doesNotContain(env.get("PATH"));
  }

  @Test
  void filesAreLookedForInTheWorkDirectory() throws IOException {
    Files.writeString(dir.resolve(".env"), "A=1\n");
    Files.createDirectories(dir.resolve("config"));
    Requirements requires =
        new Requirements(
            Map.of(),
            List.of(),
            List.of(),
            List.of(".env", "config", "config/settings.toml"),
            Map.of());

    List<Check> checks = check(requires);

    assertThat(checks)
        .containsExactly(
            Check.met(Check.Kind.FILE, ".env", "exists"),
            Check.met(Check.Kind.FILE, "config", "exists (a directory)"),
            Check.missing(
                Check.Kind.FILE,
                "config/settings.toml",
                "not found in " + dir.toAbsolutePath(),
                "create config/settings.toml"));
  }

  @Test
  void javaIsTheOneJavaHomeNamesAndItsVersionIsCompared() {
    env.put("JAVA_HOME", System.getProperty("java.home"));
    int feature = Runtime.version().feature();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Check ok = check(versions("java", ">=" + feature)).get(0);
    Check tooOld = check(versions("java", ">=" + (feature + 1))).get(0);

    assertThat(ok.ok()).isTrue();
    assertThat(ok.detail())
        .startsWith("java " + feature)
        .endsWith("(" + java + ") satisfies >=" + feature);
    assertThat(tooOld.ok()).isFalse();
    assertThat(tooOld.detail()).endsWith("(" + java + "), >=" + (feature + 1) + " required");
    assertThat(tooOld.fix()).isEqualTo("install a newer java and set JAVA_HOME to it");
  }

  @Test
  void probesRunInARelativeWorkDirectoryAsTheCliGivesIt() {
    env.put("JAVA_HOME", System.getProperty("java.home"));

    Check java =
        Preflight.check(
                versions("java", ">=" + Runtime.version().feature()),
                Path.of(""),
                "evident.yaml",
                env)
            .get(0);

    assertThat(java.ok()).as(java.describe()).isTrue();
  }

  @Test
  void pythonAndItsPackagesAreAskedThroughThePythonOnPath() {
    Check python = check(versions("python", ">=3")).get(0);
    Check pytest = check(versions("pip:pytest", ">=1")).get(0);
    Check tooNew = check(versions("pip:pytest", "<1")).get(0);
    Check absent = check(versions("pip:evident-no-such-package", ">=1")).get(0);

    assertThat(python.ok()).as(python.describe()).isTrue();
    assertThat(python.detail())
        .matches("python 3\\.\\d+\\.\\d+\\S* \\(.*python3?\\) satisfies >=3");
    assertThat(pytest.ok()).as(pytest.describe()).isTrue();
    assertThat(pytest.detail()).startsWith("pytest ").endsWith(" satisfies >=1");
    assertThat(tooNew.ok()).isFalse();
    assertThat(tooNew.fix()).isEqualTo("python3 -m pip install 'pytest<1'");
    assertThat(absent.ok()).isFalse();
    assertThat(absent.detail()).startsWith("evident-no-such-package not installed for ");
  }

  @Test
  void anOldRuntimeIsMissingWithTheVersionFoundAndWhatToInstall() throws IOException {
    script("python3", "echo 'Python 3.9.7'");
    script("go", "echo 'go version go1.22.1 linux/amd64'");
    env.put("PATH", dir.resolve("bin").toString());

    Check python = check(versions("python", ">=3.10")).get(0);
    Check go = check(versions("go", "<1.22")).get(0);

    assertThat(python)
        .isEqualTo(
            Check.missing(
                Check.Kind.VERSION,
                "python",
                "python 3.9.7 found (" + dir.resolve("bin/python3") + "), >=3.10 required",
                "install a newer python"));
    assertThat(go.detail()).startsWith("go 1.22.1 found");
    assertThat(go.fix()).isEqualTo("install an older go");
  }

  @Test
  void npmPackagesAreReadFromNodeModulesInTheWorkDirectoryOrAbove() throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("node_modules/ws"));
    Files.writeString(pkg.resolve("package.json"), "{\"name\": \"ws\", \"version\": \"8.17.1\"}");
    Path sub = Files.createDirectories(dir.resolve("packages/app"));

    Check ws = Preflight.check(versions("npm:ws", ">=8,<9"), sub, "evident.yaml", env).get(0);
    Check old = Preflight.check(versions("npm:ws", ">=9"), sub, "evident.yaml", env).get(0);
    Check none = check(versions("npm:left-pad", ">=1")).get(0);

    assertThat(ws.ok()).as(ws.describe()).isTrue();
    assertThat(ws.detail()).isEqualTo("ws 8.17.1 (" + pkg + ") satisfies >=8,<9");
    assertThat(old.fix()).isEqualTo("npm install 'ws@>=9'");
    assertThat(none.ok()).isFalse();
    assertThat(none.detail()).startsWith("left-pad not found in node_modules");
  }

  @Test
  void aProbeThatHangsIsKilledWithItsProcessAtTheTimeLimit() throws IOException {
    Path pidFile = dir.resolve("node.pid");
    script("node", "echo $$ > " + pidFile + "\nexec sleep 30");
    env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    var timeouts =
        new Preflight.Timeouts(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            Duration.ofSeconds(8));

    Check node =
        new Preflight(dir, "evident.yaml", env, timeouts).run(versions("node", ">=18")).get(0);

    assertThat(node.ok()).isFalse();
    assertThat(node.detail())
        .isEqualTo(dir.resolve("bin/node") + " --version did not answer within 0.5 s");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void everythingMissingIsReportedWithinAFewSeconds() throws IOException {
    int closed = closedPort();
    env.put("PATH", dir.toString());
    env.remove("JAVA_HOME");
    Map<String, VersionConstraint> versions = new LinkedHashMap<>();
    for (String name : List.of("python", "java", "node", "go", "pip:websockets", "npm:ws")) {
      versions.put(name, VersionConstraint.parse(">=1"));
    }
    Map<String, String> services = new LinkedHashMap<>();
    services.put("redis", "tcp://127.0.0.1:" + closed);
    services.put("api", "http://127.0.0.1:" + closed + "/");
    Requirements requires =
        new Requirements(
            services,
            List.of("codex", "docker"),
            List.of("EVIDENT_TEST_UNSET"),
            List.of("settings.toml"),
            versions);

    long start = System.nanoTime();
    List<Check> checks = check(requires);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(checks).hasSize(12).noneMatch(Check::ok).allMatch(c -> !c.fix().isEmpty());
    assertThat(checks.stream().map(Check::name))
        .containsExactly(
            "redis",
            "api",
            "codex",
            "docker",
            "EVIDENT_TEST_UNSET",
            "settings.toml",
            "python",
            "java",
            "node",
            "go",
            "pip:websockets",
            "npm:ws");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }
}
