package dev.evident.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run journal: every call a {@link RunWriter} received while a run was stored, one JSON object a
 * line ({@code application/x-ndjson}), so that another store can store the same run by replaying
 * it. The first line is {@code {"start": RunStart}}, the last {@code {"commit": STATUS or null}};
 * between them {@code add}, {@code suite}, {@code problem}, {@code error}, {@code file}, {@code
 * consoleCounts}, {@code log} and {@code attributes}. {@code evident run --server} writes one and
 * uploads it; the server replays it into its store, as {@code evident push} does with a kept one.
 */
public final class RunJournal {

  /** The media type of a journal. */
  public static final String MEDIA_TYPE = "application/x-ndjson";

  private RunJournal() {}

  /**
   * A writer that passes every call on to {@code delegate} and writes it to {@code file}; the
   * journal is complete once the writer commits.
   */
  static RunWriter recording(RunWriter delegate, RunStart start, Path file) {
    try {
      BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      Recorder recorder = new Recorder(delegate, out);
      recorder.line("start", JournalJson.start(start));
      return recorder;
    } catch (IOException e) {
      delegate.close();
      throw new UncheckedIOException("cannot write the run journal " + file, e);
    }
  }

  /** What a replay stored: the run and the problems its journal recorded. */
  public record Replayed(Run run, List<Problem> problems) {}

  /**
   * Stores the run a journal records in {@code store}, in one transaction.
   *
   * @param project the project to store it in, or null for the journal's own
   * @throws InputException naming the line when the journal is malformed or incomplete
   */
  public static Replayed replay(BufferedReader in, String project, ResultStore store) {
    List<Problem> problems = new ArrayList<>();
    long n = 1;
    try {
      JsonNode first = entry(in.readLine(), n, "start");
      try (RunWriter writer = store.startRun(JournalJson.start(first.get("start"), project))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode entry = entry(line, n, null);
          String kind = entry.fieldNames().next();
          JsonNode v = entry.get(kind);
          switch (kind) {
            case "add" -> writer.add(JournalJson.result(v));
            case "suite" -> writer.suite(JournalJson.suite(v));
            case "problem" -> {
              Problem p = JournalJson.problem(v);
              problems.add(p);
              writer.problem(p);
            }
            case "error" -> writer.runError(JournalJson.error(v));
            case "file" -> writer.file(JournalJson.file(v));
            case "consoleCounts" -> writer.consoleCounts(JournalJson.counts(v));
            case "log" ->
                writer.log(
                    JournalJson.required(v, "stream"),
                    JournalJson.required(v, "excerpt"),
                    v.path("fullLength").asLong());
            case "attributes" -> writer.attributes(JournalJson.map(v));
            case "commit" -> {
              RunStatus status = v.isNull() ? null : RunStatus.valueOf(v.asText());
              return new Replayed(writer.commit(status), problems);
            }
            default -> throw new IllegalArgumentException("unknown entry \"" + kind + "\"");
          }
        }
      }
      throw new InputException(
          "the run journal ends at line " + n + " without its commit line: it is incomplete");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InputException("run journal line " + n + ": not UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run journal: " + e.getMessage(), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InputException("run journal line " + n + ": " + e.getMessage());
    }
  }

  /**
   * Replays the journal in {@code file}; see {@link #replay(BufferedReader, String, ResultStore)}.
   */
  public static Replayed replay(Path file, String project, ResultStore store) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return replay(in, project, store);
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The project a journal file records, from its first line. */
  public static String project(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return JournalJson.required(entry(in.readLine(), 1, "start").get("start"), "project");
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputException(file + " is not a run journal: " + e.getMessage());
    }
  }

  private static JsonNode entry(String line, long n, String expected) {
    if (line == null) {
      throw new InputException("the run journal is empty");
    }
    JsonNode entry;
    try {
      entry = JournalJson.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (entry == null || !entry.isObject() || entry.size() != 1) {
      throw new IllegalArgumentException("expected an object with one entry");
    }
    if (expected != null && !entry.has(expected)) {
      throw new IllegalArgumentException("expected \"" + expected + "\" first");
    }
    return entry;
  }

  /** Passes calls on and writes them down; not thread safe, as writers are not. */
  private static final class Recorder implements RunWriter {
    private final RunWriter delegate;
    private final BufferedWriter out;

    Recorder(RunWriter delegate, BufferedWriter out) {
      this.delegate = delegate;
      this.out = out;
    }

    void line(String kind, JsonNode value) {
      ObjectNode entry = JournalJson.MAPPER.createObjectNode();
      entry.set(kind, value);
      try {
        out.write(JournalJson.MAPPER.writeValueAsString(entry));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the run journal: " + e.getMessage(), e);
      }
    }

    @Override
    public void add(TestResult result) {
      delegate.add(result);
      line("add", JournalJson.result(result));
    }

    @Override
    public void suite(SuiteInfo suite) {
      delegate.suite(suite);
      line("suite", JournalJson.suite(suite));
    }

    @Override
    public void problem(Problem problem) {
      delegate.problem(problem);
      line("problem", JournalJson.problem(problem));
    }

    @Override
    public void runError(RunError error) {
      delegate.runError(error);
      line("error", JournalJson.error(error));
    }

    @Override
    public void file(InputFile file) {
      delegate.file(file);
      line("file", JournalJson.file(file));
    }

    @Override
    public void consoleCounts(Counts counts) {
      delegate.consoleCounts(counts);
      line("consoleCounts", JournalJson.counts(counts));
    }

    @Override
    public void log(String stream, String excerpt, long fullLength) {
      delegate.log(stream, excerpt, fullLength);
      ObjectNode n = JournalJson.MAPPER.createObjectNode();
      n.put("stream", stream);
      n.put("excerpt", excerpt);
      n.put("fullLength", fullLength);
      line("log", n);
    }

    @Override
    public void attributes(Map<String, String> learned) {
      delegate.attributes(learned);
      line("attributes", JournalJson.map(learned));
    }

    @Override
    public Counts counts() {
      return delegate.counts();
    }

    @Override
    public Run commit(RunStatus status) {
      Run run = delegate.commit(status);
      line(
          "commit",
          status == null
              ? JournalJson.MAPPER.nullNode()
              : JournalJson.MAPPER.getNodeFactory().textNode(status.name()));
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the run journal: " + e.getMessage(), e);
      }
      return run;
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the run journal: " + e.getMessage(), e);
      } finally {
        delegate.close();
      }
    }
  }
}
