package dev.evident.analyze;

/** The held-out set, {@code fresh/} (see its README): written without the rules, never tuned on. */
class FreshSetTests extends LabeledSetChecks {
  FreshSetTests() {
    super("fresh", "-f");
  }
}
