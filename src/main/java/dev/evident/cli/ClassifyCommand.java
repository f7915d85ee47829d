package dev.evident.cli;

import dev.evident.model.Diagnosis;
import dev.evident.service.ClassifyService;
import dev.evident.service.InputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident classify}: the root cause of a failure text, a CI log, or a batch of them. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classifies a failure text or a whole CI log by root cause: category, confidence, the"
          + " evidence line, entities (packages, versions, host:port, variables, files, commands)"
          + " and what to do. With --jsonl, reads JSON lines {\"id\", \"text\", \"runner\"} and"
          + " writes one JSON line per input line, in order.",
      "Rules: the built-in ones, extended by .evident/rules.yaml or --rules FILE (docs/rules.md);"
          + " this is how to test your own rules."
    })
final class ClassifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "The text to classify, or - (default) for standard input.")
  String file;

  @Option(
      names = "--runner",
      paramLabel = "R",
      description =
          "The runner or ecosystem that produced the text (pytest, maven, jest, go, cargo, python,"
              + " java, ...): only its rules and the general ones apply. Default: all rules.")
  String runner = "";

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "A rule file to use instead of .evident/rules.yaml.")
  Path rules;

  @Option(names = "--jsonl", description = "Batch mode: JSON lines in, JSON lines out.")
  boolean jsonl;

  @Option(names = "--json", description = "Print the diagnosis of one text as JSON.")
  boolean json;

  @Option(names = "--list-rules", description = "List the rules in effect and exit.")
  boolean listRules;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    ClassifyService service = ClassifyService.open(Path.of(""), rules);
    PrintWriter out = spec.commandLine().getOut();
    if (listRules) {
      for (ClassifyService.RuleInfo r : service.rules()) {
        out.printf(
            "%-36s %-24s %3d  %s%n",
            r.id(),
            r.category().id(),
            r.priority(),
            r.runners().isEmpty() ? "all runners" : String.join(",", r.runners()));
      }
      out.flush();
      return ExitCodes.OK;
    }
    try (Reader in = open()) {
      if (jsonl) {
        return batch(service, in, out);
      }
      Diagnosis d = service.classifyLog(runner, in);
      if (json) {
        out.println(Json.write(ClassifyService.toMap(d)));
      } else {
        print(d, out);
      }
      out.flush();
      return ExitCodes.OK;
    } catch (IOException | UncheckedIOException e) {
      throw new InputException("cannot read " + name() + ": " + e.getMessage());
    }
  }

  private String name() {
    return file == null || file.equals("-") ? "standard input" : file;
  }

  private int batch(ClassifyService service, Reader in, PrintWriter out) {
    BufferedWriter buffered = new BufferedWriter(out, 1 << 16);
    ClassifyService.BatchSummary summary = service.classifyJsonLines(in, buffered, runner);
    out.flush();
    if (summary.rejected() == 0) {
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "evident: "
            + summary.rejected()
            + " of "
            + (summary.rejected() + summary.classified())
            + " lines could not be read (each answered with an \"error\" line): "
            + String.join("; ", summary.firstErrors()));
    err.flush();
    return ExitCodes.INPUT;
  }

  private static void print(Diagnosis d, PrintWriter out) {
    out.printf("category     %s%n", d.category().id());
    out.printf("confidence   %.2f%n", d.confidence());
    out.printf("evidence     %s%n", d.evidence().isEmpty() ? "(none)" : d.evidence());
    Map<String, String> entities = new TreeMap<>(d.entities());
    if (!entities.isEmpty()) {
      StringBuilder line = new StringBuilder();
      entities.forEach(
          (k, v) -> line.append(line.isEmpty() ? "" : ", ").append(k).append('=').append(v));
      out.printf("entities     %s%n", line);
    }
    out.printf("remediation  %s%n", d.remediation());
    if (!d.rule().isEmpty()) {
      out.printf("rule         %s%n", d.rule());
    }
  }

  /** The input as UTF-8; bytes that are not (logs often have some) become replacement marks. */
  private Reader open() throws IOException {
    InputStream in;
    if (file == null || file.equals("-")) {
      in = System.in;
    } else {
      try {
        in = Files.newInputStream(Path.of(file));
      } catch (NoSuchFileException e) {
        throw new InputException("cannot read " + file + ": no such file");
      }
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
