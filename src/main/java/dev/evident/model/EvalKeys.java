package dev.evident.model;

/**
 * The property and attribute names that carry evaluation facts, the same in every source: CTRF
 * {@code extra} fields (nested objects flatten to dotted names: {@code "tokens": {"input": 5}} is
 * {@code tokens.input}), JUnit {@code <property name="...">}, {@code --attr} and the harness JSON
 * lines.
 */
public final class EvalKeys {

  public static final String MODEL = "model";
  public static final String AGENT = "agent";
  public static final String PACKAGE = "package";
  public static final String SAMPLE = "sample";
  public static final String TOKENS_INPUT = "tokens.input";
  public static final String TOKENS_OUTPUT = "tokens.output";
  public static final String TOKENS_CACHED = "tokens.cached";
  public static final String COST_USD = "cost.usd";

  private EvalKeys() {}
}
