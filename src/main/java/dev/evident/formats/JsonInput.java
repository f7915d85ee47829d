package dev.evident.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streaming JSON parsing shared by the JSON readers: one Jackson parser per file, values read token
 * by token so that memory is bounded by the largest single value, never by the file. Thread safe.
 */
final class JsonInput {

  /**
   * Jackson refuses strings longer than 20 M characters by default; a test's stack trace or a
   * base64 screenshot can be longer, and refusing would lose the rest of the file. One string token
   * is held at a time, so the limit only caps the memory of that one value.
   */
  private static final int MAX_STRING = 256 * 1024 * 1024;

  /** Cap on properties taken from one free-form object, so a huge "extra" stays bounded. */
  static final int MAX_PROPERTIES = 200;

  private static final int MAX_PROPERTY_VALUE = 4096;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
              .build());

  private JsonInput() {}

  static JsonParser open(InputStream in) throws IOException {
    return MAPPER.createParser(in);
  }

  /** A parser over characters already in memory, such as one line of a JSON-lines stream. */
  static JsonParser open(char[] chars, int offset, int length) throws IOException {
    return MAPPER.createParser(chars, offset, length);
  }

  /** The 1-based line of the current token, 0 when unknown. */
  static long line(JsonParser p) {
    JsonLocation at = p.currentTokenLocation();
    return at == null ? 0 : Math.max(0, at.getLineNr());
  }

  /**
   * The current scalar as text (numbers and booleans as written); null for JSON null. Objects and
   * arrays are skipped and give null.
   */
  static String scalar(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null || token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isStructStart()) {
      p.skipChildren();
      return null;
    }
    return p.getText();
  }

  /** Appends the current value to {@code out}: a string, or an array of lines (CTRF stdout). */
  static void textInto(JsonParser p, BoundedText out) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      boolean first = out.isEmpty();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (!first) {
          out.append("\n");
        }
        first = false;
        if (p.currentToken() == JsonToken.VALUE_STRING) {
          p.getText(out);
        } else {
          String s = scalar(p);
          out.append(s == null ? "" : s);
        }
      }
    } else if (token == JsonToken.VALUE_STRING) {
      p.getText(out);
    } else {
      String s = scalar(p);
      if (s != null) {
        out.append(s);
      }
    }
  }

  /** The current value as a list of strings (a string array, or one string). */
  static void stringsInto(JsonParser p, List<String> out) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String s = scalar(p);
        if (s != null && out.size() < MAX_PROPERTIES) {
          out.add(s);
        }
      }
    } else {
      String s = scalar(p);
      if (s != null) {
        out.add(s);
      }
    }
  }

  /** Reads the current value (one small object: a summary, an "extra") as a tree. */
  static JsonNode tree(JsonParser p) throws IOException {
    JsonNode node = p.readValueAsTree();
    return node == null ? MAPPER.nullNode() : node;
  }

  /**
   * Flattens a free-form JSON value into string properties: scalars as text, nested objects with
   * dotted keys ({@code myorg.ci.stage}), arrays of scalars joined with ", ", anything else as
   * compact JSON. Values and the number of entries are capped.
   */
  static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (into.size() >= MAX_PROPERTIES || node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      for (var field : node.properties()) {
        String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        flatten(key, field.getValue(), into);
      }
      return;
    }
    String value;
    if (node.isValueNode()) {
      value = node.asText();
    } else if (node.isArray() && allScalars(node)) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode item : node) {
        if (!joined.isEmpty()) {
          joined.append(", ");
        }
        joined.append(item.asText());
      }
      value = joined.toString();
    } else {
      value = node.toString();
    }
    if (value.length() > MAX_PROPERTY_VALUE) {
      value = value.substring(0, MAX_PROPERTY_VALUE) + " [... truncated by Evident]";
    }
    into.put(prefix.isEmpty() ? "value" : prefix, value);
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a parse error means the input ended early rather than turned malformed. */
  static boolean truncated(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
    return message.contains("end-of-input") || message.contains("eof");
  }

  /** The parser's message without Jackson's source excerpt and location, reported separately. */
  static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return (newline >= 0 ? message.substring(0, newline) : message).strip();
  }

  /**
   * The problem message for a file that breaks off or turns malformed.
   *
   * @param inside where it broke, e.g. {@code " inside the test starting at line 20 (not
   *     counted)"}, or empty
   * @param recovered what was read, e.g. {@code "3 tests recovered of the 7 that stats declares"}
   * @param writer who wrote the file, for the likely cause of a truncation
   */
  static String damage(JsonProcessingException e, String inside, String recovered, String writer) {
    return truncated(e)
        ? "truncated after line %d%s: %s; %s may have crashed while writing"
            .formatted(line(e), inside, recovered, writer)
        : "malformed JSON: %s%s; %s, the rest of the file is not read"
            .formatted(reason(e), inside, recovered);
  }

  /** Appends {@code key=declared but has actual} when an object declares another count. */
  static void mismatch(StringBuilder off, JsonNode declaredIn, String key, long actual) {
    long declared = declaredIn.has(key) ? Values.count(declaredIn.get(key).asText()) : -1;
    if (declared >= 0 && declared != actual) {
      off.append(off.isEmpty() ? "" : ", ")
          .append(key)
          .append('=')
          .append(declared)
          .append(" but has ")
          .append(actual);
    }
  }

  static long line(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? 0 : Math.max(0, at.getLineNr());
  }

  static long column(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? 0 : Math.max(0, at.getColumnNr());
  }
}
