package dev.evident.service;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestCategory;
import dev.evident.model.TestId;
import dev.evident.store.ResultStore;
import dev.evident.verify.Annotator;
import dev.evident.verify.CategoryResolver;
import dev.evident.verify.Evidence;
import dev.evident.verify.RunEvidence;
import dev.evident.verify.SubjectResolver;
import dev.evident.verify.TestEvidence;
import dev.evident.verify.Verdict;
import dev.evident.verify.Verification;
import dev.evident.verify.VerificationText;
import dev.evident.verify.Verifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code evident verify}: checks a hand-written status report claim by claim against stored runs:
 * the runs named, or the latest run, with the project's previous run as the baseline of change
 * claims.
 */
public final class VerifyService {

  private static final long MAX_REPORT_BYTES = 16L << 20;

  /** The verdicts a claim can get, as the JSON names them. */
  public static final List<String> VERDICTS =
      Arrays.stream(Verdict.values()).map(Enum::name).toList();

  private final ResultStore store;

  VerifyService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * What to verify.
   *
   * @param report the report file; null when the text is given to {@link #verify(Request, String)}
   * @param reportName the report as the user named it
   * @param runs run references (ids, {@code latest}); empty for the latest run
   * @param baseline a run reference for change claims, or null for the run before the latest
   * @param project the project whose latest run is meant, or null for any
   * @param config an evident.yaml to read (categories), or null for the default files
   * @param workDir where the default configuration files are looked for
   * @param includeQuoted whether claims in code blocks and block quotes are read too
   */
  public record Request(
      Path report,
      String reportName,
      List<String> runs,
      String baseline,
      String project,
      Path config,
      Path workDir,
      boolean includeQuoted) {
    public Request {
      Objects.requireNonNull(reportName, "reportName");
      runs = List.copyOf(runs);
      Objects.requireNonNull(workDir, "workDir");
    }
  }

  /** A verification and the report's text (for {@code --annotate}). */
  public record Verified(Verification verification, String markdown) {

    /** Whether any claim is CONTRADICTED or INCONSISTENT (the command exits 1). */
    public boolean hasFalseClaims() {
      return verification.hasFalseClaims();
    }

    public String text() {
      return VerificationText.render(verification);
    }

    public Map<String, Object> json() {
      return VerificationText.json(verification);
    }
  }

  public Verified verify(Request request) {
    Objects.requireNonNull(request.report(), "report");
    return verify(request, read(request.report(), request.reportName()));
  }

  /** Verifies report text given as it is (by an MCP client), not read from a file. */
  public Verified verify(Request request, String markdown) {
    Objects.requireNonNull(markdown, "markdown");
    List<TestCategory> categories =
        ProjectConfigs.load(request.workDir(), request.config())
            .map(loaded -> loaded.config().categories())
            .orElse(List.of());
    Evidence evidence = evidence(request);
    Verification v =
        new Verifier(
                categories.isEmpty()
                    ? SubjectResolver.NO_CATEGORIES
                    : new CategoryResolver(categories))
            .verify(request.reportName(), markdown, evidence, request.includeQuoted());
    return new Verified(v, markdown);
  }

  private Evidence evidence(Request request) {
    RunQueries queries = new RunQueries(store);
    List<Run> runs = new ArrayList<>();
    if (request.runs().isEmpty()) {
      store.latest(request.project()).ifPresent(runs::add);
    } else {
      for (String reference : request.runs()) {
        Run run = queries.resolve(reference, request.project());
        if (runs.stream().noneMatch(r -> r.id() == run.id())) {
          runs.add(run);
        }
      }
    }
    if (runs.isEmpty()) {
      return Evidence.NONE;
    }
    runs.sort(java.util.Comparator.comparingLong(Run::id));
    Run baseline = null;
    if (request.baseline() != null) {
      baseline = queries.resolve(request.baseline(), request.project());
    } else {
      Run latest = runs.get(runs.size() - 1);
      long first = runs.get(0).id();
      for (Run r : store.runs(latest.project(), 200)) {
        if (r.id() < first) {
          baseline = r;
          break;
        }
      }
    }
    List<RunEvidence> evidence = runs.stream().map(this::evidence).toList();
    return new Evidence(evidence, baseline == null ? null : evidence(baseline));
  }

  private RunEvidence evidence(Run run) {
    List<Long> refs = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    store.results(
        run.id(),
        (ref, outcome, micros) -> {
          refs.add(ref);
          outcomes.add(outcome);
        });
    Map<Long, String> files = new HashMap<>();
    Map<Long, List<String>> tags = new HashMap<>();
    store.facts(
        run.id(),
        (ref, facts) -> {
          if (facts.file() != null) {
            files.put(ref, facts.file());
          }
          if (!facts.tags().isEmpty()) {
            tags.put(ref, facts.tags());
          }
        });
    Map<Long, TestId> ids = store.tests(refs);
    Map<String, List<String>> places = store.places(run.id());
    List<TestEvidence> tests = new ArrayList<>(refs.size());
    for (int i = 0; i < refs.size(); i++) {
      TestId id = ids.get(refs.get(i));
      if (id != null) {
        tests.add(
            new TestEvidence(
                id,
                outcomes.get(i),
                files.get(refs.get(i)),
                tags.getOrDefault(refs.get(i), List.of()),
                places.getOrDefault(id.suite(), List.of())));
      }
    }
    return new RunEvidence(run, tests, store.detail(run.id(), 0).runErrors());
  }

  private static String read(Path file, String name) {
    try {
      if (Files.size(file) > MAX_REPORT_BYTES) {
        throw new InputException("cannot read report " + name + ": larger than 16 MB");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InputException("cannot read report " + name + ": not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new InputException("cannot read report " + name + ": no such file");
    } catch (IOException e) {
      throw new InputException("cannot read report " + name + ": " + e.getMessage());
    }
  }

  public static String text(Verification v) {
    return VerificationText.render(v);
  }

  public static Map<String, Object> json(Verification v) {
    return VerificationText.json(v);
  }

  public static String annotate(Verified v) {
    return Annotator.annotate(v.markdown(), v.verification());
  }

  /** Writes the annotated report; an unwritable path is a one-line error naming it. */
  public static void writeAnnotated(Verified v, Path out) {
    try {
      Files.writeString(out, annotate(v));
    } catch (IOException e) {
      throw new InputException("cannot write " + out + ": " + e.getMessage());
    }
  }
}
