package dev.evident.cli;

import dev.evident.model.FailureLabel;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident label}: a person's verdict on the cause of a failure or a group of failures. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description =
        "Stores a person's verdict on the cause of a failure or of a group of failures. Later"
            + " failures with the same fingerprint, or a similar one, inherit it (shown as"
            + " inherited, with its source).")
final class LabelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      paramLabel = "FAILURE_OR_GROUP",
      description =
          "RUN:TEST with the test as evident show prints it ('12:CartTest > totals'), or a group"
              + " id as evident diagnose prints it (8 or more hex digits).")
  String failureOrGroup;

  @Option(
      names = "--cause",
      required = true,
      paramLabel = "ID",
      description =
          "The cause, a category id: dependency_conflict, missing_dependency, service_unavailable,"
              + " configuration_missing, syntax_or_compile_error, api_breaking_change, timeout,"
              + " async_lifecycle, assertion_failure, test_setup_error, resource_exhaustion,"
              + " permission_denied, flaky_nondeterminism, other.")
  String cause;

  @Option(names = "--note", paramLabel = "TEXT", description = "What to say about it.")
  String note;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "With a group id that failed in several projects: the project.")
  String project;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      FailureLabel label = workspace.labels().label(failureOrGroup, cause, note, project);
      out.println(
          "Labelled "
              + label.fingerprint()
              + " in project "
              + label.project()
              + " as "
              + label.cause().id()
              + (label.note().isEmpty() ? "" : ": " + label.note()));
      if (label.sourceRun() != null) {
        out.println(
            "From run "
                + label.sourceRun()
                + (label.sourceTest() == null ? "" : ", " + label.sourceTest())
                + ". Later failures with this fingerprint, or a similar one, inherit it.");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
