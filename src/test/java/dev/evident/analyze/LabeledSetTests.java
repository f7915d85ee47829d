package dev.evident.analyze;

/** The tuned set, {@code labeled/}: the rules were written and tuned against it. */
class LabeledSetTests extends LabeledSetChecks {
  LabeledSetTests() {
    super("labeled", "");
  }
}
