package dev.evident.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Shows a test2json stream (go test -json) to a person: each event's "Output" text instead of the
 * JSON line; lines that are not events pass through as they are. Only stdout is decoded.
 */
public final class JsonLinesOutput implements OutputSink {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputSink target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public JsonLinesOutput(OutputSink target) {
    this.target = target;
  }

  @Override
  public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
    if (stream == Stream.STDERR) {
      target.write(stream, bytes, offset, length);
      return;
    }
    for (int i = offset; i < offset + length; i++) {
      line.write(bytes[i]);
      if (bytes[i] == '\n') {
        flushLine();
      }
    }
  }

  private void flushLine() {
    byte[] raw = line.toByteArray();
    line.reset();
    byte[] shown = raw;
    if (raw.length > 0 && raw[0] == '{') {
      try {
        JsonNode event = JSON.readTree(raw);
        JsonNode output = event.get("Output");
        shown = output == null ? new byte[0] : output.asText().getBytes(StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        // not an event: shown as it is
      }
    }
    if (shown.length > 0) {
      target.write(Stream.STDOUT, shown, 0, shown.length);
    }
  }
}
