package dev.evident.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the small UTF-8 files a user writes by hand: the configuration and the rule file. */
final class TextFiles {

  private static final long MAX_BYTES = 1 << 20;

  private TextFiles() {}

  /**
   * The whole text, without a byte order mark.
   *
   * @param what how messages name the file: {@code config evident.yaml}
   * @throws ConfigException "cannot read WHAT: why" when it is missing, too large or not UTF-8
   */
  static String readSmall(Path file, String what) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(
            "cannot read " + what + ": larger than 1 MB, which is not a file written by hand");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ConfigException("cannot read " + what + ": not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new ConfigException("cannot read " + what + ": no such file");
    } catch (IOException e) {
      throw new ConfigException("cannot read " + what + ": " + e.getMessage());
    }
  }
}
