package dev.evident.service;

import dev.evident.model.Run;
import dev.evident.store.ResultStore;

/** Which project a command works on when the user names none. */
final class Projects {

  private Projects() {}

  /**
   * The project named, which must have runs; or, when {@code project} is null, the project of the
   * newest run in the store.
   */
  static String resolve(ResultStore store, String project) {
    if (project == null) {
      return store
          .latest(null)
          .map(Run::project)
          .orElseThrow(
              () ->
                  new InputException(
                      "no runs stored yet; ingest results first (evident ingest PATH)"));
    }
    if (store.latest(project).isEmpty()) {
      throw new InputException(
          "no runs of project "
              + project
              + " stored yet"
              + others(store)
              + "; ingest results first (evident ingest PATH --project "
              + project
              + ")");
    }
    return project;
  }

  private static String others(ResultStore store) {
    return store
        .latest(null)
        .map(r -> " (the newest run is of project " + r.project() + ")")
        .orElse("");
  }
}
