package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.service.Await;
import dev.evident.service.TaskFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task workers in /ready and the task series of /metrics. */
class TaskOperationsTests {

  @TempDir Path dir;
  private ServerFixture fx;

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A started server with the suite {@code unit} (2 workers) whose commands run in workDir. */
  static ServerFixture withSuite(Path dir, Path workDir) {
    ProjectConfig config =
        new ProjectConfig(
            Requirements.NONE,
            FlakySettings.DEFAULT,
            List.of(),
            GateRules.NONE,
            List.of(TaskFixtures.junit("unit", workDir, Duration.ofSeconds(30), 2)));
    return new ServerFixture(dir)
        .start(ServerSettings.loopback(dir.resolve("uploads")), config, TaskFixtures.quick(2));
  }

  /** Submits a task and waits for its end. */
  static void runOneTask(ServerFixture fx) {
    long id = fx.postJson("/api/v1/tasks", null, "{\"suite\":\"unit\"}").json().get("id").asLong();
    Await.until(
        "task " + id + " to end",
        Duration.ofSeconds(60),
        () -> fx.get("/api/v1/tasks/" + id).json().get("terminal").asBoolean());
  }

  @Test
  void metricsCountEndedTasksTheirDurationsTheQueueAndTheWorkers() {
    fx = withSuite(dir, dir);
    runOneTask(fx);

    String metrics = fx.get("/metrics").body();

    assertThat(metrics)
        .contains("evident_tasks_finished_total{project=\"shop\",state=\"COMPLETED\"} 1.0")
        .contains("evident_task_duration_seconds_count{state=\"COMPLETED\"} 1")
        .contains("evident_task_queue_depth{project=\"shop\"} 0.0")
        .contains("evident_tasks_running{project=\"shop\"} 0.0")
        .contains("evident_task_workers 2.0")
        .contains("evident_task_workers_busy 0.0");
  }

  @Test
  void readyIs503WhenTheTaskWorkersAreNotRunning() {
    fx = withSuite(dir, dir);
    assertThat(fx.get("/ready").status()).isEqualTo(200);

    fx.server.tasks().close();

    ServerFixture.Answer ready = fx.get("/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.json().get("reasons").toString()).contains("task workers are not running");
  }
}
