package dev.evident.store;

import dev.evident.model.SeenBefore;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Collects where failure documents occurred: first and last run with their times, how many runs,
 * how many failures. Reads doc values only, one pass, memory bounded by the number of runs.
 */
final class RunStats extends SimpleCollector {

  private long failures;
  private long firstRun = Long.MAX_VALUE;
  private long firstTime;
  private long lastRun = Long.MIN_VALUE;
  private long lastTime;
  private final Set<Long> runs = new HashSet<>();
  private NumericDocValues runValues;
  private NumericDocValues timeValues;

  static CollectorManager<RunStats, RunStats> manager() {
    return new CollectorManager<>() {
      @Override
      public RunStats newCollector() {
        return new RunStats();
      }

      @Override
      public RunStats reduce(Collection<RunStats> collectors) {
        RunStats all = new RunStats();
        collectors.forEach(all::merge);
        return all;
      }
    };
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    runValues = DocValues.getNumeric(context.reader(), FailureDocuments.RUN);
    timeValues = DocValues.getNumeric(context.reader(), FailureDocuments.TIME);
  }

  @Override
  public void collect(int doc) throws IOException {
    if (!runValues.advanceExact(doc) || !timeValues.advanceExact(doc)) {
      return;
    }
    add(runValues.longValue(), timeValues.longValue(), 1);
  }

  private void add(long run, long time, long count) {
    failures += count;
    runs.add(run);
    if (run < firstRun) {
      firstRun = run;
      firstTime = time;
    }
    if (run > lastRun) {
      lastRun = run;
      lastTime = time;
    }
  }

  private void merge(RunStats other) {
    if (other.failures == 0) {
      return;
    }
    failures += other.failures;
    runs.addAll(other.runs);
    if (other.firstRun < firstRun) {
      firstRun = other.firstRun;
      firstTime = other.firstTime;
    }
    if (other.lastRun > lastRun) {
      lastRun = other.lastRun;
      lastTime = other.lastTime;
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  Optional<SeenBefore> seen() {
    if (failures == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new SeenBefore(
            firstRun,
            Instant.ofEpochMilli(firstTime),
            lastRun,
            Instant.ofEpochMilli(lastTime),
            runs.size(),
            failures));
  }
}
