package dev.evident.execute;

import dev.evident.model.Check;
import dev.evident.model.Requirements;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a project's requirements before a run: services answer, commands are on PATH, variables
 * are set, files exist, versions fit. Checks run in parallel, each with a time limit (TCP connect 1
 * s, HTTP 2 s, a version probe 5 s), so a preflight takes a few seconds at most even when
 * everything is missing. Values of environment variables are never read into a result.
 *
 * <p>Thread safe: every call works on its own state.
 */
public final class Preflight {

  /**
   * Time limits of the checks.
   *
   * @param connect a TCP connect
   * @param http an HTTP request, connect included
   * @param probe one version probe process
   * @param overall the whole preflight; checks still running then are reported as not answering
   */
  record Timeouts(Duration connect, Duration http, Duration probe, Duration overall) {
    static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(8));
  }

  private final Path workDir;
  private final String configName;
  private final Map<String, String> env;
  private final Timeouts timeouts;

  Preflight(Path workDir, String configName, Map<String, String> env, Timeouts timeouts) {
    this.workDir = workDir.toAbsolutePath().normalize();
    this.configName = configName;
    this.env = Map.copyOf(env);
    this.timeouts = timeouts;
  }

  /** Checks requirements declared in {@code evident.yaml}, against this process's environment. */
  public static List<Check> check(Requirements requires, Path workDir) {
    return check(requires, workDir, "evident.yaml", System.getenv());
  }

  /**
   * Checks requirements.
   *
   * @param requires what to check
   * @param workDir where files are looked for and version probes run
   * @param configName the configuration file as fixes name it ({@code .evident/config.yaml})
   * @param env the environment of the run: PATH, JAVA_HOME and the variables to check
   * @return one check per requirement, in the order of {@link Requirements}: services, commands,
   *     env, files, versions
   */
  public static List<Check> check(
      Requirements requires, Path workDir, String configName, Map<String, String> env) {
    return new Preflight(workDir, configName, env, Timeouts.DEFAULT).run(requires);
  }

  List<Check> run(Requirements requires) {
    List<Pending> pending = new ArrayList<>();
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    HttpClientHolder http = new HttpClientHolder(timeouts.http());
    try {
      ServiceProbe services =
          new ServiceProbe(timeouts.connect(), timeouts.http(), http::get, configName);
      requires
          .services()
          .forEach(
              (name, url) ->
                  pending.add(
                      submit(pool, Check.Kind.SERVICE, name, () -> services.check(name, url))));
      PathLookup commands = new PathLookup(env, workDir);
      requires.commands().forEach(c -> pending.add(done(commands.check(c))));
      requires.env().forEach(name -> pending.add(done(variable(name))));
      requires.files().forEach(file -> pending.add(done(file(file))));
      VersionProbe versions = new VersionProbe(workDir, env, timeouts.probe());
      requires
          .versions()
          .forEach(
              (name, constraint) ->
                  pending.add(
                      submit(
                          pool, Check.Kind.VERSION, name, () -> versions.check(name, constraint))));
      return collect(pending);
    } finally {
      pool.shutdownNow();
      http.close();
    }
  }

  private record Pending(Check.Kind kind, String name, Future<Check> result) {}

  private static Pending submit(
      ExecutorService pool, Check.Kind kind, String name, Callable<Check> check) {
    return new Pending(kind, name, pool.submit(check));
  }

  private static Pending done(Check check) {
    return new Pending(check.kind(), check.name(), CompletableFuture.completedFuture(check));
  }

  private List<Check> collect(List<Pending> pending) {
    long deadline = System.nanoTime() + timeouts.overall().toNanos();
    List<Check> checks = new ArrayList<>();
    for (Pending p : pending) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        checks.add(p.result().get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        p.result().cancel(true);
        checks.add(
            Check.missing(
                p.kind(),
                p.name(),
                "no result within " + seconds(timeouts.overall()) + " (preflight gave up)",
                "check it by hand"));
      } catch (ExecutionException e) {
        checks.add(
            Check.missing(
                p.kind(), p.name(), "could not be checked: " + e.getCause(), "check it by hand"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        checks.add(Check.missing(p.kind(), p.name(), "preflight interrupted", "run it again"));
      }
    }
    return checks;
  }

  private Check variable(String name) {
    String fix = "set " + name + " (never recorded by Evident)";
    String value = env.get(name);
    if (value == null) {
      return Check.missing(Check.Kind.ENV, name, "not set", fix);
    }
    if (value.isBlank()) {
      return Check.missing(Check.Kind.ENV, name, "set but empty", fix);
    }
    return Check.met(Check.Kind.ENV, name, "set (value not shown)");
  }

  private Check file(String file) {
    Path path = workDir.resolve(file);
    if (Files.isDirectory(path)) {
      return Check.met(Check.Kind.FILE, file, "exists (a directory)");
    }
    if (Files.exists(path)) {
      return Check.met(Check.Kind.FILE, file, "exists");
    }
    return Check.missing(
        Check.Kind.FILE, file, "not found in " + workDir.toAbsolutePath(), "create " + file);
  }

  /** "1 s", "0.3 s". */
  static String seconds(Duration d) {
    long millis = d.toMillis();
    return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0))
        + " s";
  }

  /** One HTTP client for all the HTTP checks of a preflight, made only when one is needed. */
  private static final class HttpClientHolder {
    private final Duration timeout;
    private HttpClient client;

    HttpClientHolder(Duration timeout) {
      this.timeout = timeout;
    }

    synchronized HttpClient get() {
      if (client == null) {
        client = ServiceProbe.client(timeout);
      }
      return client;
    }

    synchronized void close() {
      if (client != null) {
        client.shutdownNow();
      }
    }
  }
}
