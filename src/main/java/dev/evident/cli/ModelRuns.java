package dev.evident.cli;

import dev.evident.model.EvalKeys;
import dev.evident.model.Run;
import dev.evident.service.EvalService;
import dev.evident.service.ModelList;
import dev.evident.service.RunQueries;
import dev.evident.service.RunService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * {@code evident run --models M1,M2 -- CMD}: the command once per model, one after the other, each
 * with {@code EVIDENT_MODEL} set and its run's attribute {@code model}; then the runs side by side
 * as {@code compare --by model} prints them. The exit code is the worst of the runs'. Ctrl-C stops
 * the command running and the models after it.
 */
final class ModelRuns {

  private ModelRuns() {}

  static int run(RunCommand c, Path workDir, String project, Duration limit) {
    CommandLine cl = c.spec.commandLine();
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    List<String> problems = ModelList.problems(c.models, Map.of());
    if (!problems.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "--models: " + String.join("; ", problems));
    }
    if (c.gate || c.gateOptions.any()) {
      throw new CommandLine.ParameterException(
          cl, "--gate checks one run: leave it out with --models, or run evident gate on each run");
    }
    if (c.server != null) {
      throw new CommandLine.ParameterException(
          cl,
          "--models runs here and stores here: to run a list of models on the server, POST"
              + " /api/v1/tasks with \"models\" (see README, Multi-model runs)");
    }
    if (c.newRun.attributes.containsKey(EvalKeys.MODEL)) {
      throw new CommandLine.ParameterException(
          cl, "--attr model=... and --models both name the model: give one of them");
    }
    try (Workspace workspace = c.global.openInBackground()) {
      List<Long> runs = new ArrayList<>();
      int exit = ExitCodes.OK;
      RunService[] current = {null};
      CountDownLatch stored = new CountDownLatch(1);
      boolean[] stopped = {false};
      Thread onCtrlC =
          new Thread(
              () -> {
                stopped[0] = true;
                RunService s = current[0];
                if (s != null) {
                  s.cancel();
                }
                try {
                  stored.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "evident-interrupt");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      try {
        for (int i = 0; i < c.models.size() && !stopped[0]; i++) {
          String model = c.models.get(i);
          if (!c.json) {
            out.println("== model " + model + " (" + (i + 1) + " of " + c.models.size() + ")");
            out.flush();
          }
          Map<String, String> attributes = new LinkedHashMap<>(c.newRun.attributes);
          attributes.put(EvalKeys.MODEL, model);
          RunService service = workspace.runner();
          current[0] = service;
          Run run;
          try (LiveConsole console =
              new LiveConsole(out, err, c.quiet || c.json, Terminal.stderrIsTerminal())) {
            run =
                service
                    .run(
                        new RunService.Request(
                            c.command,
                            workDir,
                            project,
                            c.newRun.labels,
                            limit,
                            c.results,
                            !c.noPreflight,
                            c.config,
                            c.recordEnv,
                            System.getenv(),
                            attributes,
                            Map.of("EVIDENT_MODEL", model)),
                        console)
                    .run();
          }
          runs.add(run.id());
          if (!c.json) {
            out.println("model " + model + ": run " + run.id() + ", " + RunQueries.statusLine(run));
            out.flush();
          }
          exit = Math.max(exit, c.exitCode(run, workspace.quarantine().inRun(run), err));
        }
      } finally {
        stored.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException e) {
          // shutting down already
        }
      }
      EvalService.Output compared =
          workspace
              .evals()
              .models(
                  "runs "
                      + String.join(", ", runs.stream().map(String::valueOf).toList())
                      + " of project "
                      + project
                      + " (evident run --models)",
                  runs,
                  null,
                  workDir);
      if (c.json) {
        out.println(Json.write(compared.json()));
      } else {
        out.println();
        out.print(compared.text());
      }
      out.flush();
      return exit;
    }
  }
}
