package dev.evident.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the failure index of a store lives. Beside a SQLite file ({@code evident.index} for {@code
 * evident.db}); for a PostgreSQL store, which has no file, in the user's cache directory under the
 * store's id: {@code $XDG_CACHE_HOME/evident/<store id>/index} (else {@code ~/.cache/evident/<store
 * id>/index}). The index is derived data: rebuilt when missing, when built by other rules, or when
 * it belongs to another store.
 */
public final class IndexLocation {

  /** A system property that puts the cache elsewhere (tests, embedding); above XDG_CACHE_HOME. */
  public static final String CACHE_PROPERTY = "evident.cache.dir";

  private IndexLocation() {}

  /** The index directory for the store a {@code --db} option names, opened as {@code store}. */
  public static Path of(String db, ResultStore store) {
    if (!db.startsWith(PostgresDatabase.PREFIX)) {
      return FailureIndex.besideDatabase(db);
    }
    return inCache(
        System.getenv(),
        System.getProperty(CACHE_PROPERTY),
        System.getProperty("user.home"),
        store.id());
  }

  /** The index directory of a store without a file, in the cache directory. */
  static Path inCache(Map<String, String> env, String cacheProperty, String home, String storeId) {
    Path cache;
    if (cacheProperty != null && !cacheProperty.isBlank()) {
      cache = Path.of(cacheProperty);
    } else {
      String xdg = env.get("XDG_CACHE_HOME");
      // The XDG spec: a relative path is invalid and is ignored.
      cache =
          xdg != null && Path.of(xdg).isAbsolute()
              ? Path.of(xdg, "evident")
              : Path.of(home, ".cache", "evident");
    }
    if (!storeId.matches("[0-9a-zA-Z-]+")) {
      throw new StoreException("the store's id " + storeId + " is not a usable directory name");
    }
    return cache.resolve(storeId).resolve("index");
  }
}
