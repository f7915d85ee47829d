package dev.evident.verify;

import java.util.List;
import java.util.Optional;

/**
 * Finds the part of the evidence a claim's subject names: a test, a tag or marker, a file or
 * directory, a suite, or a category. Implementations are stateless and thread safe.
 */
public interface SubjectResolver {

  /**
   * The tests of {@code runs} that {@code subject} names, or empty when it names none of them.
   *
   * @param subject the subject as the report wrote it, never empty
   * @param runs the runs to look in
   */
  Optional<Scope> resolve(String subject, List<RunEvidence> runs);

  /** What was looked for, for the reason of an unresolved subject ("test, tag, file or suite"). */
  String lookedFor();

  /**
   * The resolvers Evident uses, in order: {@code categories} (configured, so they win), test names,
   * tags, files and directories, suites, a part only an error outside tests names (a package that
   * did not build), the directories result files were found in. The first that finds the subject
   * wins.
   */
  static List<SubjectResolver> standard(SubjectResolver categories) {
    return List.of(
        categories,
        Resolvers.TEST_NAMES,
        Resolvers.TAGS,
        Resolvers.FILES,
        Resolvers.SUITES,
        ErrorScopes.INSTANCE,
        Resolvers.PLACES);
  }

  /** No categories configured (no evident.yaml, or no {@code categories:} section in it). */
  SubjectResolver NO_CATEGORIES =
      new SubjectResolver() {
        @Override
        public Optional<Scope> resolve(String subject, List<RunEvidence> runs) {
          return Optional.empty();
        }

        @Override
        public String lookedFor() {
          return "category in evident.yaml";
        }
      };
}
