package dev.evident.cli;

import dev.evident.model.ProjectConfig;
import dev.evident.server.EvidentServer;
import dev.evident.server.ServerSettings;
import dev.evident.service.ProjectConfigs;
import dev.evident.service.TaskService;
import dev.evident.service.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident serve}: the JSON API, metrics and health over the store, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves the store over HTTP: uploads from CI, runs and analyses as JSON, /metrics for"
            + " Prometheus, /health and /ready. Binds 127.0.0.1 unless --host says otherwise; on"
            + " another address it starts only when tokens exist (evident token create) or with"
            + " --require-token. Stops gracefully on SIGTERM or Ctrl-C: uploads in flight finish.")
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(
      names = "--max-upload",
      paramLabel = "SIZE",
      defaultValue = "100MB",
      description = "Largest upload body, as sent (default: ${DEFAULT-VALUE}).")
  String maxUpload;

  @Option(
      names = "--max-unpacked",
      paramLabel = "SIZE",
      defaultValue = "1GB",
      description = "Largest total of an upload's files unpacked (default: ${DEFAULT-VALUE}).")
  String maxUnpacked;

  @Option(
      names = "--max-files",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Most files in one upload or archive (default: ${DEFAULT-VALUE}).")
  int maxFiles;

  @Option(
      names = "--require-token",
      description = "Require tokens even on loopback when no token exists yet.")
  boolean requireToken;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "evident.yaml with flaky settings, progress categories and task suites (default: evident.yaml or"
              + " .evident/config.yaml in the current directory, if there).")
  Path config;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "4",
      description = "Tasks this server runs at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--allow-commands",
      description =
          "Let admin tokens submit arbitrary commands as tasks (refused otherwise: only the"
              + " suites: of the config run).")
  boolean allowCommands;

  @Option(
      names = "--task-lease",
      paramLabel = "SECONDS",
      defaultValue = "15",
      description =
          "How long a running task's claim holds without a heartbeat (every second) before"
              + " another server takes it back (default: ${DEFAULT-VALUE}).")
  int taskLease;

  /** java.util.logging's line format, unless the JVM was given one: ISO time, level, logger. */
  private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

  @Override
  public Integer call() throws InterruptedException {
    if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
      System.setProperty(LOG_FORMAT_PROPERTY, "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s - %5$s%6$s%n");
    }
    ServerSettings.UploadLimits limits =
        new ServerSettings.UploadLimits(size(maxUpload), size(maxUnpacked), maxFiles);
    Path uploads;
    try {
      uploads = Files.createTempDirectory("evident-serve-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerSettings settings =
        new ServerSettings(
            host,
            port,
            requireToken,
            limits,
            uploads,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));
    var loaded = ProjectConfigs.load(Path.of(""), config);
    ProjectConfig projectConfig =
        loaded.map(ProjectConfigs.Loaded::config).orElse(ProjectConfig.EMPTY);
    String configName = loaded.map(ProjectConfigs.Loaded::name).orElse("");
    PrintStream logs = System.err;
    Workspace workspace = global.open();
    EvidentServer server;
    try {
      if (taskLease < 3) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--task-lease must be 3 seconds or more, not " + taskLease);
      }
      TaskService.Settings tasks =
          TaskService.Settings.DEFAULT
              .withWorkers(workers)
              .withLease(Duration.ofSeconds(taskLease), Duration.ofSeconds(1))
              .withAllowCommands(allowCommands);
      server = EvidentServer.start(settings, workspace, projectConfig, configName, logs, tasks);
    } catch (RuntimeException e) {
      workspace.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } finally {
                    workspace.close();
                    deleteQuietly(uploads);
                    stopped.countDown();
                  }
                },
                "evident-serve-stop"));
    spec.commandLine()
        .getErr()
        .println(
            "evident serve: listening on "
                + server.url()
                + (server.authRequired()
                    ? " (tokens required)"
                    : " (single-user: no token needed on loopback while none exists)"));
    spec.commandLine().getErr().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /**
   * Removes the server's temporary upload directory; what cannot be removed stays in the temp dir.
   */
  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp directory is harmless
    }
  }

  /** A size: bytes, or a number with KB, MB or GB (powers of 1024). */
  long size(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    for (String[] u : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}, {"B", "0"}}) {
      if (t.endsWith(u[0])) {
        unit = 1L << Integer.parseInt(u[1]);
        t = t.substring(0, t.length() - u[0].length()).strip();
        break;
      }
    }
    try {
      long n = Long.parseLong(t);
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "not a size: " + text + " (e.g. 100MB, 1GB, 512KB, 1048576)");
    }
  }
}
