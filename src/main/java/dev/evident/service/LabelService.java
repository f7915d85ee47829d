package dev.evident.service;

import dev.evident.model.Category;
import dev.evident.model.FailureLabel;
import dev.evident.model.LabelMatch;
import dev.evident.model.Run;
import dev.evident.store.FailureIndex;
import dev.evident.store.FailureSigner;
import dev.evident.store.NewLabel;
import dev.evident.store.ResultStore;
import dev.evident.store.StoredFailure;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's verdicts on failure causes: {@code evident label} stores one for a failure's
 * fingerprint; later failures with that fingerprint, or a similar one (through the failure index),
 * inherit it.
 */
public final class LabelService {

  private static final Pattern FAILURE = Pattern.compile("(\\d+):(.+)", Pattern.DOTALL);
  private static final Pattern GROUP = Pattern.compile("[0-9a-fA-F]{8,16}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ResultStore store;
  private final FailureHistory history;
  private final Clock clock;

  LabelService(ResultStore store, FailureHistory history, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.history = Objects.requireNonNull(history, "history");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Labels a failure, {@code RUN:TEST} with the test as {@code evident show} prints it ({@code
   * 12:CartTest > totals}), or a group by the fingerprint id {@code evident diagnose} prints (a
   * prefix of 8 or more hex digits). {@code project} picks the project when a group id occurs in
   * several; it may be null.
   */
  public FailureLabel label(String failureOrGroup, String cause, String note, String project) {
    Category category;
    try {
      category = Category.byId(cause);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    String reference = failureOrGroup.strip();
    Matcher failure = FAILURE.matcher(reference);
    if (failure.matches()) {
      Located located = locate(failure.group(1), failure.group(2).strip());
      FailureSigner.Signature signature = located.signature();
      return store.addLabel(
          new NewLabel(
              located.run().project(),
              signature.fingerprint(),
              category,
              note,
              clock.instant(),
              located.run().id(),
              located.failure().testRef()));
    }
    if (GROUP.matcher(reference).matches()) {
      FailureIndex.Occurrence group = group(reference.toLowerCase(Locale.ROOT), project);
      return store.addLabel(
          new NewLabel(
              group.project(),
              group.fingerprint(),
              category,
              note,
              clock.instant(),
              group.run(),
              group.testRef()));
    }
    throw new InputException(
        "not a failure or a group: '"
            + reference
            + "'; give RUN:TEST with the test as evident show prints it ('12:CartTest > totals'),"
            + " or a group id of 8 or more hex digits as evident diagnose prints it");
  }

  /** The labels of a project, or of all when {@code project} is null; newest first. */
  public List<FailureLabel> labels(String project) {
    return store.labels(project);
  }

  /**
   * The label a failure inherits: the newest given to its fingerprint, else the one given to the
   * most similar fingerprint at least at the similarity threshold (the newest on a tie).
   */
  public Optional<LabelMatch> labelFor(String project, String fingerprint, String text) {
    List<FailureLabel> labels = store.labels(project);
    if (labels.isEmpty()) {
      return Optional.empty();
    }
    for (FailureLabel label : labels) {
      if (label.fingerprint().equals(fingerprint)) {
        return Optional.of(new LabelMatch(label, true, 1.0));
      }
    }
    Map<String, Double> similar = history.similar(project, fingerprint, text);
    LabelMatch best = null;
    for (FailureLabel label : labels) {
      Double similarity = similar.get(label.fingerprint());
      if (similarity != null && (best == null || similarity > best.similarity())) {
        best = new LabelMatch(label, false, similarity);
      }
    }
    return Optional.ofNullable(best);
  }

  /** The label the failure {@code RUN:TEST} has or inherits. */
  public Optional<LabelMatch> labelOf(String failure) {
    Matcher m = FAILURE.matcher(failure.strip());
    if (!m.matches()) {
      throw new InputException("not a failure: '" + failure + "'; give RUN:TEST");
    }
    Located located = locate(m.group(1), m.group(2).strip());
    return labelFor(
        located.run().project(), located.signature().fingerprint(), located.signature().text());
  }

  /**
   * A label as output says it: {@code service_unavailable (labelled by a person on run 12: redis
   * not started in CI)}; inherited ones say from a similar failure, and how similar.
   */
  public static String describe(LabelMatch match) {
    FailureLabel label = match.label();
    StringBuilder text = new StringBuilder(label.cause().id()).append(" (labelled by a person");
    if (label.sourceRun() != null) {
      text.append(" on run ").append(label.sourceRun());
    } else {
      text.append(" on ").append(DATE.format(label.created()));
    }
    if (!match.exact()) {
      text.append(
          String.format(
              Locale.ROOT, " for a similar failure, %.0f%% alike", match.similarity() * 100));
    }
    if (!label.note().isEmpty()) {
      text.append(": ").append(label.note());
    }
    return text.append(')').toString();
  }

  private record Located(Run run, StoredFailure failure, FailureSigner.Signature signature) {}

  private Located locate(String runId, String test) {
    long id;
    try {
      id = Long.parseLong(runId);
    } catch (NumberFormatException e) {
      throw new InputException("not a run: " + runId);
    }
    Run run = store.run(id).orElseThrow(() -> new InputException("no run " + id + " in the store"));
    StoredFailure[] found = new StoredFailure[1];
    store.failures(
        id,
        f -> {
          if (found[0] == null && f.test().toString().equals(test)) {
            found[0] = f;
          }
        });
    if (found[0] == null) {
      throw new InputException(
          "run "
              + id
              + " has no failed, errored or flaky test '"
              + test
              + "' (give it as evident show "
              + id
              + " prints it: 'suite > name')");
    }
    return new Located(run, found[0], history.sign(found[0], store.runner(id)));
  }

  private FailureIndex.Occurrence group(String prefix, String project) {
    List<FailureIndex.Occurrence> found = history.startingWith(prefix, project, 20);
    if (found.isEmpty()) {
      throw new InputException(
          "no failure group "
              + prefix
              + (project == null ? "" : " in project " + project)
              + " in the history (group ids are printed by evident diagnose)");
    }
    TreeSet<String> fingerprints = new TreeSet<>();
    TreeSet<String> projects = new TreeSet<>();
    found.forEach(
        o -> {
          fingerprints.add(o.fingerprint());
          projects.add(o.project());
        });
    if (fingerprints.size() > 1) {
      throw new InputException(
          "group id "
              + prefix
              + " is ambiguous: it starts "
              + String.join(", ", fingerprints)
              + "; give more digits");
    }
    if (projects.size() > 1) {
      throw new InputException(
          "group "
              + prefix
              + " failed in several projects ("
              + String.join(", ", projects)
              + "); give --project");
    }
    return found.get(0);
  }
}
