package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexLocationTests {

  @Test
  void aPostgresStoresIndexIsInTheCacheDirectoryUnderTheStoreId() {
    assertThat(
            IndexLocation.inCache(
                Map.of("XDG_CACHE_HOME", "/var/cache/me"), null, "/home/me", "ab12"))
        .isEqualTo(Path.of("/var/cache/me/evident/ab12/index"));
    assertThat(IndexLocation.inCache(Map.of(), null, "/home/me", "ab12"))
        .isEqualTo(Path.of("/home/me/.cache/evident/ab12/index"));
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnoredAsTheSpecSays() {
    assertThat(IndexLocation.inCache(Map.of("XDG_CACHE_HOME", "cache"), null, "/home/me", "ab12"))
        .isEqualTo(Path.of("/home/me/.cache/evident/ab12/index"));
  }

  @Test
  void theCachePropertyComesFirst() {
    assertThat(
            IndexLocation.inCache(
                Map.of("XDG_CACHE_HOME", "/var/cache/me"),
                "/tmp/evident-cache",
                "/home/me",
                "ab12"))
        .isEqualTo(Path.of("/tmp/evident-cache/ab12/index"));
  }

  @Test
  void aSqliteStoresIndexStaysBesideItsFile() {
    assertThat(IndexLocation.of(".evident/evident.db", null))
        .isEqualTo(Path.of(".evident/evident.index"));
  }
}
