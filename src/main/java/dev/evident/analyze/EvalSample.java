package dev.evident.analyze;

import dev.evident.model.Outcome;
import java.util.Objects;

/**
 * One sample of an evaluation run: a test with the model, agent and package it ran for, and the
 * tokens and cost it used.
 *
 * @param runId the run holding it
 * @param sample the sample id (the test's name unless a {@code sample} property says otherwise)
 * @param model the model, or empty when neither the test nor the run names one
 * @param agent the agent, or empty
 * @param pkg the package (dataset, category): the {@code package} property, else the suite
 * @param outcome the outcome
 * @param micros the duration in microseconds, or -1 when unknown
 * @param input input tokens, cached ones included, or -1 when not given
 * @param output output tokens, or -1
 * @param cached input tokens read from a cache, or -1
 * @param costUsd the cost the data gives, or null when it gives none
 */
public record EvalSample(
    long runId,
    String sample,
    String model,
    String agent,
    String pkg,
    Outcome outcome,
    long micros,
    long input,
    long output,
    long cached,
    Double costUsd) {

  public EvalSample {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Whether any token count is given. */
  public boolean hasTokens() {
    return input >= 0 || output >= 0 || cached >= 0;
  }
}
