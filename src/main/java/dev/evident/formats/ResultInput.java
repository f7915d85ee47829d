package dev.evident.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input to read: a name for messages and a way to open its bytes (more than once if needed).
 */
public abstract class ResultInput {

  private final String name;

  protected ResultInput(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The name used in problems and messages, usually the path as the user gave it. */
  public String name() {
    return name;
  }

  /** Opens the bytes from the start. The caller closes the stream. */
  public abstract InputStream open() throws IOException;

  /** The size in bytes, or -1 when unknown. */
  public long size() {
    return -1;
  }

  /** Opens the bytes, throwing {@link UnreadableResultFileException} when that fails. */
  public InputStream openOrFail() {
    try {
      return open();
    } catch (IOException e) {
      throw new UnreadableResultFileException(name, "cannot open: " + e.getMessage(), e);
    }
  }

  public static ResultInput of(Path path) {
    return of(path, path.toString());
  }

  public static ResultInput of(Path path, String name) {
    return new ResultInput(name) {
      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }

      @Override
      public long size() {
        try {
          return Files.size(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  public static ResultInput of(String name, byte[] bytes) {
    return new ResultInput(name) {
      @Override
      public InputStream open() {
        return new java.io.ByteArrayInputStream(bytes);
      }

      @Override
      public long size() {
        return bytes.length;
      }
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
