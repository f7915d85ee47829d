package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.Run;
import dev.evident.service.Workspace;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evident run --models: the command once per model, really run, then the models compared. */
class RunModelsTests {

  /** Both answers right for m1, one for m2, none for any other model. */
  private static final String EVAL =
      "W='<failure message=\"wrong\"/>'; case \"$EVIDENT_MODEL\" in m1) A=''; B='';;"
          + " m2) A=''; B=\"$W\";; *) A=\"$W\"; B=\"$W\";; esac; mkdir -p out;"
          + " printf '<testsuite name=\"evals\" tests=\"2\"><testcase classname=\"math\" name=\"q1\">"
          + "%s</testcase><testcase classname=\"code\" name=\"q2\">%s</testcase></testsuite>'"
          + " \"$A\" \"$B\" > out/TEST-evals.xml";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    return Cli.run(out, err, args);
  }

  private String[] run(String models, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--db",
                dir.resolve("evident.db").toString(),
                "-C",
                dir.toString(),
                "--project",
                "ev",
                "--results",
                "out/*.xml",
                "--models",
                models));
    args.addAll(List.of(more));
    args.addAll(List.of("--", "sh", "-c", EVAL));
    return args.toArray(String[]::new);
  }

  @Test
  void runsTheCommandOncePerModelStoresEachModelAndComparesThem() {
    int code = evident(run("m1,m2,m3"));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RESULTS);
    String text = out.toString();
    assertThat(text).contains("== model m1 (1 of 3)", "model m3: run 3, FAILED");
    assertThat(text)
        .containsPattern("m1 +1 +2 of 2 +100\\.0%")
        .containsPattern("m2 +2 +1 of 2 +50\\.0%")
        .containsPattern("m3 +3 +0 of 2 +0\\.0%");
    try (Workspace w = Workspace.open(dir.resolve("evident.db").toString())) {
      List<Run> runs = w.runs().runs("ev", 10);
      assertThat(runs)
          .extracting(r -> r.attributes().get("model"))
          .containsExactly("m3", "m2", "m1");
    }
  }

  @Test
  void jsonPrintsTheComparisonWithDenominators() throws Exception {
    int code = evident(run("m1", "--json"));

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/byModel/m1/passed").asInt()).isEqualTo(2);
    assertThat(json.at("/byModel/m1/executed").asInt()).isEqualTo(2);
    assertThat(json.at("/runByModel/m1").asInt()).isEqualTo(1);
  }

  @Test
  void aBadListOfModelsIsRefusedBeforeAnythingRuns() {
    assertThat(evident(run("m1,m1"))).isEqualTo(ExitCodes.INPUT);
    assertThat(err.toString()).contains("--models: model m1 is listed twice");
    assertThat(evident(run("m1", "--attr", "model=x"))).isEqualTo(ExitCodes.INPUT);
    assertThat(err.toString()).contains("both name the model");
    assertThat(evident(run("m1", "--server", "http://127.0.0.1:9"))).isEqualTo(ExitCodes.INPUT);
    assertThat(err.toString()).contains("POST /api/v1/tasks with \"models\"");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
