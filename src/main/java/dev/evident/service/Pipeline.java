package dev.evident.service;

import dev.evident.formats.ResultSink;
import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a producer on its own thread and hands what it emits to the calling thread in batches,
 * through a bounded queue: memory stays bounded however fast the producer is, and a failure on
 * either side stops both.
 */
final class Pipeline {

  private static final int BATCH = 1024;
  private static final int QUEUED_BATCHES = 4;
  private static final Object END = new Object();

  /** Emits items from the producer's thread. Also a ResultSink, so readers can write to it. */
  interface Emitter extends ResultSink {
    void emit(Object item);

    /** How many test results were emitted so far. */
    long tests();
  }

  /** Work that runs on the producer thread. */
  interface Producer {
    void produce(Emitter out);
  }

  /** Thrown on the producer thread when the consumer gave up; ends the producer quietly. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  private final Producer producer;
  private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private volatile boolean cancelled;
  private volatile Throwable failure;

  Pipeline(Producer producer) {
    this.producer = producer;
  }

  /** Starts the producer and passes every item to {@code consumer}, on the calling thread. */
  void drain(Consumer<Object> consumer) {
    Thread thread = Thread.ofPlatform().name("evident-reader").daemon().start(this::runProducer);
    try {
      while (true) {
        List<Object> batch = queue.take();
        for (Object item : batch) {
          if (item == END) {
            if (failure != null) {
              rethrow(failure);
            }
            return;
          }
          consumer.accept(item);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ingesting", e);
    } finally {
      cancelled = true;
      queue.clear();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }

  private void runProducer() {
    BatchingEmitter emitter = new BatchingEmitter();
    try {
      producer.produce(emitter);
      Timing.mark("producer done");
    } catch (Cancelled e) {
      return;
    } catch (Throwable t) {
      failure = t;
    }
    try {
      emitter.emit(END);
      emitter.flush();
    } catch (Cancelled e) {
      // the consumer is gone
    }
  }

  private final class BatchingEmitter implements Emitter {
    private List<Object> batch = new ArrayList<>(BATCH);
    private long tests;

    @Override
    public void emit(Object item) {
      batch.add(item);
      if (batch.size() == BATCH || item == END) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      try {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          if (cancelled) {
            throw new Cancelled();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancelled();
      }
      batch = new ArrayList<>(BATCH);
    }

    @Override
    public long tests() {
      return tests;
    }

    @Override
    public void test(TestResult result) {
      tests++;
      emit(result);
    }

    @Override
    public void problem(Problem problem) {
      emit(problem);
    }

    @Override
    public void runError(RunError error) {
      emit(error);
    }

    @Override
    public void suite(SuiteInfo suite) {
      emit(suite);
    }
  }
}
