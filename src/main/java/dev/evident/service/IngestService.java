package dev.evident.service;

import dev.evident.formats.Format;
import dev.evident.formats.Formats;
import dev.evident.formats.ResultInput;
import dev.evident.formats.ResultSink;
import dev.evident.formats.UnreadableResultFileException;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.ResultPlace;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingests result files as one run: expands paths, skips exact duplicate files, detects each file's
 * format, and streams what the readers find into the store. Reading and writing run in parallel
 * (one reader thread, the caller's thread writes), so a large file costs about as long as the
 * slower of the two.
 */
public final class IngestService {

  private final ResultStore store;

  public IngestService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * What to ingest.
   *
   * @param paths files, directories and globs as the user gave them
   * @param base the directory relative paths are resolved against
   * @param project the project the run belongs to
   * @param labels labels for the run
   * @param format the format to read every file as ({@code junit}, {@code tap}, ...), or {@code
   *     auto} to detect it per file
   * @param attributes facts about the run the user gives ({@code --attr model=NAME})
   */
  public record Request(
      List<String> paths,
      Path base,
      String project,
      Map<String, String> labels,
      String format,
      Map<String, String> attributes) {
    public Request {
      Objects.requireNonNull(format, "format");
      paths = List.copyOf(paths);
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(project, "project");
      labels = Map.copyOf(labels);
      attributes = Map.copyOf(attributes);
    }

    public Request(
        List<String> paths, Path base, String project, Map<String, String> labels, String format) {
      this(paths, base, project, labels, format, Map.of());
    }
  }

  /**
   * What an ingest stored.
   *
   * @param run the stored run
   * @param problems problems found while reading, in input order
   * @param files the files read, duplicates and unreadable ones included
   * @param ignored how many files found in directories were not test results
   * @param unreadable how many files could not be read at all
   */
  public record Ingested(
      Run run, List<Problem> problems, List<InputFile> files, int ignored, int unreadable) {}

  /** Receives progress while files are read; called from the reader thread. */
  public interface Progress {
    void update(long bytesRead, long totalBytes, long tests);

    Progress NONE = (read, total, tests) -> {};
  }

  public Ingested ingest(Request request, Progress progress) {
    List<InputFiles.Candidate> candidates = InputFiles.expand(request.paths(), request.base());
    Format format;
    try {
      format = request.format().equalsIgnoreCase("auto") ? null : Format.byId(request.format());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    RunStart start =
        new RunStart(
            request.project(),
            "ingest",
            "",
            null,
            request.attributes(),
            request.labels(),
            null,
            null);
    return ingest(start, candidates, format, String.join(", ", request.paths()), progress);
  }

  /**
   * Files uploaded to the server, already on disk.
   *
   * @param project the project the run belongs to
   * @param labels labels for the run
   * @param attributes facts about the run (git.commit, git.branch, ci.url, ...)
   * @param files the files, each with the name it had in the upload
   */
  public record Upload(
      String project,
      Map<String, String> labels,
      Map<String, String> attributes,
      List<UploadedFile> files) {
    public Upload {
      Objects.requireNonNull(project, "project");
      labels = Map.copyOf(labels);
      attributes = Map.copyOf(attributes);
      files = List.copyOf(files);
    }
  }

  /**
   * One uploaded file.
   *
   * @param path where it is on disk
   * @param name its name in the upload (shown in problems)
   * @param explicit true for a file sent as such (an error when it is not a result file), false for
   *     an archive entry (skipped, like a file found in a directory, when it is not)
   */
  public record UploadedFile(Path path, String name, boolean explicit) {}

  /** Ingests uploaded files as one run with source {@code upload}, formats detected per file. */
  public Ingested ingest(Upload upload) {
    List<InputFiles.Candidate> candidates =
        upload.files().stream()
            .map(f -> new InputFiles.Candidate(f.path(), f.name(), f.explicit()))
            .toList();
    RunStart start =
        new RunStart(
            upload.project(), "upload", "", null, upload.attributes(), upload.labels(), null, null);
    String where = String.join(", ", upload.files().stream().map(UploadedFile::name).toList());
    return ingest(start, candidates, null, where.isEmpty() ? "the upload" : where, Progress.NONE);
  }

  private Ingested ingest(
      RunStart start,
      List<InputFiles.Candidate> candidates,
      Format format,
      String where,
      Progress progress) {
    Timing.mark("ingest started");
    try (RunWriter writer = store.startRun(start)) {
      Read read = read(writer, candidates, format, progress);
      Timing.mark("results read");
      if (read.read() == 0 && read.unreadable() > 0) {
        throw new InputException(
            "no results read: "
                + (read.unreadable() == 1
                    ? read.problems().get(read.problems().size() - 1).message()
                    : read.unreadable()
                        + " files could not be read, the first: "
                        + firstError(read.problems())));
      }
      List<Problem> problems = new ArrayList<>(read.problems());
      if (read.read() == 0 && read.duplicates() == 0) {
        Problem none =
            Problem.warning(
                where,
                0,
                "no test result files found ("
                    + read.ignored()
                    + " other files looked at); nothing executed");
        writer.problem(none);
        problems.add(none);
      }
      Run run = writer.commit(null);
      Timing.mark("run committed");
      return new Ingested(run, problems, read.files(), read.ignored(), read.unreadable());
    }
  }

  /**
   * What reading a set of files into a run gave.
   *
   * @param problems problems found, in input order
   * @param files every file, read or not
   * @param read files read
   * @param ignored files found in directories that are not test results
   * @param unreadable files that could not be read at all
   * @param duplicates exact duplicates of earlier files, not read again
   */
  record Read(
      List<Problem> problems,
      List<InputFile> files,
      int read,
      int ignored,
      int unreadable,
      int duplicates) {}

  /**
   * Reads files into an open run writer: detects each file's format (or uses {@code format}), skips
   * exact duplicates, and streams what the readers find into the writer, reading on one thread and
   * writing on the caller's.
   */
  static Read read(
      RunWriter writer, List<InputFiles.Candidate> candidates, Format format, Progress progress) {
    Map<Path, Path> duplicates =
        Duplicates.find(candidates.stream().map(InputFiles.Candidate::path).toList());
    long totalBytes = 0;
    for (InputFiles.Candidate c : candidates) {
      totalBytes += size(c.path());
    }
    ReadTask task = new ReadTask(candidates, duplicates, format, totalBytes, progress);
    Pipeline pipeline = new Pipeline(task);
    List<Problem> problems = new ArrayList<>();
    List<InputFile> files = new ArrayList<>();
    RunFacts facts = new RunFacts();
    pipeline.drain(
        item -> {
          switch (item) {
            case TestResult r -> writer.add(r);
            case Problem p -> {
              writer.problem(p);
              problems.add(p);
            }
            case RunError e -> writer.runError(e);
            case SuiteInfo s -> {
              writer.suite(s);
              facts.suite(s);
            }
            case ResultPlace p -> writer.place(p);
            case InputFile f -> {
              writer.file(f);
              files.add(f);
            }
            default -> throw new IllegalStateException("unexpected " + item);
          }
        });
    facts
        .warning()
        .ifPresent(
            p -> {
              writer.problem(p);
              problems.add(p);
            });
    if (!facts.agreed().isEmpty()) {
      writer.attributes(facts.agreed());
    }
    return new Read(
        problems, files, task.read, task.ignored, task.unreadable, task.duplicatesSkipped);
  }

  private static String firstError(List<Problem> problems) {
    return problems.stream()
        .filter(p -> p.severity() == dev.evident.model.Severity.ERROR)
        .findFirst()
        .map(Problem::toString)
        .orElse("");
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Reads every candidate in turn on the reader thread, emitting items to the pipeline. */
  private static final class ReadTask implements Pipeline.Producer {
    final List<InputFiles.Candidate> candidates;
    final Map<Path, Path> duplicates;
    final Format format;
    final long totalBytes;
    final Progress progress;
    final AtomicLong bytesRead = new AtomicLong();
    volatile int read;
    volatile int ignored;
    volatile int unreadable;
    volatile int duplicatesSkipped;

    ReadTask(
        List<InputFiles.Candidate> candidates,
        Map<Path, Path> duplicates,
        Format format,
        long totalBytes,
        Progress progress) {
      this.candidates = candidates;
      this.duplicates = duplicates;
      this.format = format;
      this.totalBytes = totalBytes;
      this.progress = progress;
    }

    @Override
    public void produce(Pipeline.Emitter out) {
      Map<Path, String> names = new java.util.HashMap<>();
      candidates.forEach(c -> names.put(c.path(), c.name()));
      long tests = 0;
      for (InputFiles.Candidate c : candidates) {
        long bytes = size(c.path());
        Path original = duplicates.get(c.path());
        if (original != null) {
          duplicatesSkipped++;
          String originalName = names.get(original);
          out.emit(
              Problem.warning(
                  c.name(), 0, "same content as " + originalName + "; not counted again"));
          out.emit(new InputFile(c.name(), null, bytes, 0, originalName));
          bytesRead.addAndGet(bytes);
          continue;
        }
        ResultInput input = counting(c);
        Format f = format;
        if (f == null) {
          Formats.Detection detection;
          try {
            detection = Formats.detect(input);
          } catch (UnreadableResultFileException e) {
            unreadable++;
            out.emit(Problem.error(c.name(), 0, 0, e.getMessage()));
            out.emit(new InputFile(c.name(), null, bytes, 0, null));
            continue;
          }
          if (!detection.found()) {
            if (c.explicit()) {
              unreadable++;
              out.emit(
                  Problem.error(
                      c.name(), 0, 0, "cannot read " + c.name() + ": " + detection.reason()));
              out.emit(new InputFile(c.name(), null, bytes, 0, null));
            } else {
              ignored++;
            }
            continue;
          }
          f = detection.format();
        }
        long before = out.tests();
        Set<String> suites = new LinkedHashSet<>();
        ResultSink sink = c.place().isEmpty() ? out : placing(out, suites);
        try {
          Formats.reader(f).read(input, sink);
          read++;
        } catch (UnreadableResultFileException e) {
          unreadable++;
          out.emit(Problem.error(c.name(), 0, 0, e.getMessage()));
        }
        if (!suites.isEmpty()) {
          out.emit(new ResultPlace(c.place(), List.copyOf(suites)));
        }
        tests += out.tests() - before;
        out.emit(new InputFile(c.name(), f.id(), bytes, out.tests() - before, null));
        progress.update(bytesRead.get(), totalBytes, tests);
      }
    }

    /** The sink, noting the suite of every result it passes on. */
    private static ResultSink placing(Pipeline.Emitter out, Set<String> suites) {
      return new ResultSink() {
        @Override
        public void test(TestResult result) {
          suites.add(result.id().suite());
          out.test(result);
        }

        @Override
        public void problem(Problem problem) {
          out.problem(problem);
        }

        @Override
        public void runError(RunError error) {
          out.runError(error);
        }

        @Override
        public void suite(SuiteInfo suite) {
          out.suite(suite);
        }
      };
    }

    private ResultInput counting(InputFiles.Candidate c) {
      Path path = c.path();
      return new ResultInput(c.name()) {
        @Override
        public InputStream open() throws IOException {
          return new FilterInputStream(Files.newInputStream(path)) {
            long lastReport;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              int n = super.read(b, off, len);
              if (n > 0) {
                long now = bytesRead.addAndGet(n);
                if (now - lastReport > (1 << 22)) {
                  lastReport = now;
                  progress.update(Math.min(now, totalBytes), totalBytes, -1);
                }
              }
              return n;
            }
          };
        }

        @Override
        public long size() {
          return IngestService.size(path);
        }
      };
    }
  }
}
