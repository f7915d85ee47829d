package dev.evident.cli;

import dev.evident.model.FailureLabel;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident labels}: lists the labels people gave, newest first. */
@Command(
    name = "labels",
    mixinStandardHelpOptions = true,
    description = "Lists the labels people gave to failures (evident label), newest first.")
final class LabelsCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "Only labels of this project (default: all).")
  String project;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      List<FailureLabel> labels = workspace.labels().labels(project);
      if (labels.isEmpty()) {
        out.println(
            project == null ? "No labels yet." : "No labels in project " + project + " yet.");
      } else {
        String format = "%4s  %-16s  %-16s  %-23s  %-16s  %s%n";
        out.printf(
            Locale.ROOT,
            format,
            "ID",
            "PROJECT",
            "GROUP",
            "CAUSE",
            "LABELLED (UTC)",
            "SOURCE: NOTE");
        for (FailureLabel l : labels) {
          String source =
              l.sourceRun() == null
                  ? ""
                  : "run " + l.sourceRun() + (l.sourceTest() == null ? "" : " " + l.sourceTest());
          String note = l.note().isEmpty() ? "" : (source.isEmpty() ? "" : ": ") + l.note();
          out.printf(
              Locale.ROOT,
              format,
              l.id(),
              l.project(),
              l.fingerprint(),
              l.cause().id(),
              WHEN.format(l.created()),
              source + note);
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
