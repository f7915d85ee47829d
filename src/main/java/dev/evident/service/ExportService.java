package dev.evident.service;

import dev.evident.analyze.Insights;
import dev.evident.analyze.RunResults;
import dev.evident.model.Run;
import dev.evident.report.CtrfJson;
import dev.evident.report.JunitXml;
import dev.evident.store.ResultStore;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Exports a stored run for other tools: CTRF JSON with insights from the project's history, or one
 * merged, normalized JUnit XML document. Both stream the run suite by suite; JUnit XML holds
 * nothing of the run in memory, CTRF a few numbers per test for its insights.
 */
public final class ExportService {

  /** The formats a run exports to. */
  public enum Format {
    /** CTRF JSON (https://ctrf.io) with insights. */
    CTRF,
    /** One JUnit XML document in Surefire's dialect. */
    JUNIT;

    /** The format a user named: {@code ctrf} or {@code junit}, in any case. */
    public static Format of(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InputException("unknown export format '" + name + "': use ctrf or junit");
      }
    }
  }

  /** How many runs CTRF insights look at, the exported run included. */
  public static final int INSIGHT_RUNS = 10;

  private final ResultStore store;
  private final Clock clock;

  ExportService(ResultStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Writes {@code run} to {@code out} in {@code format}; the writer is flushed, not closed. */
  public void export(Run run, Format format, Writer out) {
    switch (format) {
      case JUNIT -> {
        try (JunitXml xml = new JunitXml(out, run)) {
          store.export(run.id(), xml);
        }
      }
      case CTRF -> {
        Insights insights = insights(run, INSIGHT_RUNS);
        try (CtrfJson json = new CtrfJson(out, run, insights, store.id(), clock.instant())) {
          store.export(run.id(), json);
        }
      }
    }
  }

  /**
   * The insights of {@code run} over itself and the {@code window - 1} runs of its project before
   * it, against the window one run earlier.
   */
  public Insights insights(Run run, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window below 1: " + window);
    }
    RunResults head = results(run);
    Insights.Builder insights = Insights.builder(head).add(run, head, Insights.Part.HEAD);
    List<Run> runs = store.runsUpTo(run.project(), run.id() - 1, window);
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      insights.add(r, results(r), i < window - 1 ? Insights.Part.SHARED : Insights.Part.TAIL);
    }
    return insights.build();
  }

  private RunResults results(Run run) {
    RunResults.Builder results = RunResults.builder();
    store.results(run.id(), results::add);
    return results.build();
  }
}
