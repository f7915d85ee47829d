package dev.evident.verify;

import dev.evident.analyze.CategoryMatcher;
import dev.evident.model.TestCategory;
import dev.evident.model.TestFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target category of evident.yaml by name: the category named exactly (ignoring case) or by the
 * same words ({@link Subjects#normalize}: "Agent Execution Core" names {@code
 * agent_execution_core}), with the tests its match rules select in each run. A configured category
 * resolves even when no test of the runs belongs to it: "0/15 completed" of an empty category is
 * then checkable (0 tests), where an unknown name is unverifiable. Thread safe.
 */
public final class CategoryResolver implements SubjectResolver {

  private final List<TestCategory> categories;
  private final CategoryMatcher matcher;

  public CategoryResolver(List<TestCategory> categories) {
    this.categories = List.copyOf(categories);
    this.matcher = CategoryMatcher.of(this.categories);
  }

  @Override
  public Optional<Scope> resolve(String subject, List<RunEvidence> runs) {
    int index = index(subject);
    if (index < 0) {
      return Optional.empty();
    }
    List<TestEvidence> found = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (RunEvidence r : runs) {
      ids.add(r.run().id());
      for (TestEvidence t : r.tests()) {
        TestFacts facts = new TestFacts(t.file().isEmpty() ? null : t.file(), t.tags(), Map.of());
        for (int i : matcher.match(t.id(), facts)) {
          if (i == index) {
            found.add(t);
            break;
          }
        }
      }
    }
    String name = categories.get(index).name();
    return Optional.of(
        Scope.of(
            "category %s of evident.yaml (%d %s) in run%s %s"
                .formatted(
                    name,
                    found.size(),
                    found.size() == 1 ? "test" : "tests",
                    ids.size() == 1 ? "" : "s",
                    Scope.join(ids)),
            found,
            ids));
  }

  private int index(String subject) {
    List<String> words = Names.normalize(subject);
    for (int i = 0; i < categories.size(); i++) {
      String name = categories.get(i).name();
      if (name.equalsIgnoreCase(subject.strip()) || Names.same(words, Names.normalize(name))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String lookedFor() {
    return "category in evident.yaml";
  }
}
