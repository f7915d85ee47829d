package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run attributes `evident run` records, from a real git repository. */
class RunEnvironmentTests {

  @TempDir Path repo;

  @BeforeEach
  void aRepositoryWithOneCommit() throws Exception {
    git("init", "-q", "-b", "trunk");
    Files.writeString(repo.resolve("a.txt"), "one\n");
    git("add", "a.txt");
    git("commit", "-q", "-m", "first");
  }

  @Test
  void recordsTheCommitTheBranchAndACleanTree() throws Exception {
    Map<String, String> attributes = collect(Map.of());

    assertThat(attributes)
        .containsEntry("git.commit", git("rev-parse", "HEAD"))
        .containsEntry("git.branch", "trunk")
        .containsEntry("git.dirty", "false")
        .containsEntry("command", "pytest -q")
        .containsEntry("runner", "pytest")
        .containsKeys("os", "cpus", "workdir");
  }

  @Test
  void aChangedTrackedFileMakesTheTreeDirtyButAnUntrackedOneDoesNot() throws Exception {
    Files.writeString(repo.resolve("new.txt"), "untracked\n");
    assertThat(collect(Map.of())).containsEntry("git.dirty", "false");

    Files.writeString(repo.resolve("a.txt"), "two\n");
    assertThat(collect(Map.of())).containsEntry("git.dirty", "true");
  }

  @Test
  void aDetachedHeadIsRecordedAsHead() throws Exception {
    git("checkout", "-q", "--detach");

    assertThat(collect(Map.of()))
        .containsEntry("git.branch", "HEAD")
        .containsEntry("git.commit", git("rev-parse", "HEAD"));
  }

  @Test
  void thousandsOfChangesAreStillADirtyTreeAndDoNotStallTheProbe() throws Exception {
    // git status then prints far more than a pipe holds (64 KB): read through a pipe after the
    // process ends, git would block writing and the probe would give up after its time limit.
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      String name = "file-with-a-long-name-to-fill-the-status-output-" + i + ".txt";
      Files.writeString(repo.resolve(name), "one\n");
      names.add(name);
    }
    List<String> add = new ArrayList<>(List.of("add"));
    add.addAll(names);
    git(add.toArray(String[]::new));
    git("commit", "-q", "-m", "many");
    for (String name : names) {
      Files.writeString(repo.resolve(name), "two\n");
    }

    assertThat(collect(Map.of())).containsEntry("git.dirty", "true").containsKey("git.commit");
  }

  @Test
  void aDirectoryOutsideARepositoryHasNoGitAttributes(@TempDir Path elsewhere) {
    Map<String, String> attributes =
        RunEnvironment.collect("generic", List.of("make"), elsewhere, List.of(), Map.of());

    assertThat(attributes).doesNotContainKeys("git.commit", "git.branch", "git.dirty");
    assertThat(attributes).containsEntry("runner", "generic");
  }

  @Test
  void recordsOnlyTheEnvironmentVariablesItIsToldToAndTheCiJob() {
    Map<String, String> env =
        Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_REPOSITORY", "acme/shop",
            "GITHUB_RUN_ID", "42",
            "API_TOKEN", "secret-value",
            "TZ", "UTC");

    Map<String, String> attributes =
        RunEnvironment.collect("generic", List.of("make"), repo, List.of("TZ"), env);

    assertThat(attributes)
        .containsEntry("env.TZ", "UTC")
        .containsEntry("ci.provider", "github-actions")
        .containsEntry("ci.url", "https://github.com/acme/shop/actions/runs/42")
        .doesNotContainKey("env.API_TOKEN")
        .doesNotContainValue("secret-value");
  }

  @Test
  void aVersionTheCommandWroteIsTakenAndAMissingOneIsProbed() throws Exception {
    Path written = repo.resolve("runtime.txt");
    Files.writeString(written, "Python 3.99.1\n");
    Map<String, String> attributes =
        RunEnvironment.collect(
            "pytest", List.of("pytest"), repo, List.of(), Map.of(), java.util.Set.of("python"));
    assertThat(attributes)
        .as("not probed while the command runs")
        .doesNotContainKey("runtime.python");

    RunEnvironment.reported(Map.of("python", written), "pytest", repo, attributes);
    assertThat(attributes).containsEntry("runtime.python", "Python 3.99.1");

    RunEnvironment.reported(
        Map.of("python", repo.resolve("never-written.txt")), "pytest", repo, attributes);
    assertThat(attributes.get("runtime.python"))
        .as("probed: python3 --version")
        .startsWith("Python 3.")
        .isNotEqualTo("Python 3.99.1");
  }

  @Test
  void statusLinesAreReadAsGitPrintsThem() {
    Map<String, String> attributes = new java.util.TreeMap<>();
    RunEnvironment.gitStatus("# branch.oid (initial)\n# branch.head trunk", attributes);
    assertThat(attributes).as("a repository without a commit").isEmpty();

    RunEnvironment.gitStatus(
        "# branch.oid 0123abcd\n# branch.head feature/x\n# branch.upstream origin/feature/x\n"
            + "1 .M N... 100644 100644 100644 aaaa bbbb src/a.py",
        attributes);
    assertThat(attributes)
        .containsEntry("git.commit", "0123abcd")
        .containsEntry("git.branch", "feature/x")
        .containsEntry("git.dirty", "true");
  }

  private Map<String, String> collect(Map<String, String> env) {
    return RunEnvironment.collect("pytest", List.of("pytest", "-q"), repo, List.of(), env);
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=T", "-c"));
    command.add("user.email=t@example.com");
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    return out;
  }
}
