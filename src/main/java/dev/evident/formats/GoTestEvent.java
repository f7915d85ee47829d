package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One test2json event as {@code go test -json} writes it; absent fields are null. Numbers (Elapsed)
 * are kept as their text and parsed by the caller, so that an invalid one can be reported.
 */
record GoTestEvent(
    String action,
    String pkg,
    String test,
    String elapsed,
    String output,
    String failedBuild,
    String importPath,
    String key,
    String value,
    String time) {

  /** Reads the fields of the object whose START_OBJECT the parser is at; others are skipped. */
  static GoTestEvent read(JsonParser p) throws IOException {
    String[] f = new String[FIELDS.length];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int index = index(p.currentName());
      JsonToken value = p.nextToken();
      if (index >= 0 && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        f[index] = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return new GoTestEvent(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
  }

  /** The JSON names of the record's components, in order. */
  private static final String[] FIELDS = {
    "Action",
    "Package",
    "Test",
    "Elapsed",
    "Output",
    "FailedBuild",
    "ImportPath",
    "Key",
    "Value",
    "Time"
  };

  private static int index(String name) {
    for (int i = 0; i < FIELDS.length; i++) {
      if (FIELDS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
