package dev.evident.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Request bodies for upload tests: JUnit XML, multipart, tar, tar.gz and zip, built in memory. */
final class Bodies {

  static final String BOUNDARY = "test-boundary-7";
  static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  private Bodies() {}

  /** A JUnit XML suite with {@code passed} passing and {@code failed} failing tests. */
  static String junit(String suite, int passed, int failed) {
    StringBuilder xml = new StringBuilder("<testsuite name=\"" + suite + "\">\n");
    for (int i = 0; i < passed; i++) {
      xml.append(
          "  <testcase classname=\"" + suite + "\" name=\"passes" + i + "\" time=\"0.01\"/>\n");
    }
    for (int i = 0; i < failed; i++) {
      xml.append("  <testcase classname=\"" + suite + "\" name=\"fails" + i + "\" time=\"0.02\">")
          .append(
              "<failure message=\"expected 1 but was 2\" type=\"AssertionError\">at x</failure>")
          .append("</testcase>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  /** Multipart with files (field {@code file}) and form fields. */
  static byte[] multipart(Map<String, String> files, Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"")
                .append(k.replaceAll("#\\d+$", ""))
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    files.forEach(
        (name, content) ->
            b.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";")
                .append(" filename=\"" + name + "\"\r\nContent-Type: application/xml\r\n\r\n")
                .append(content)
                .append("\r\n"));
    b.append("--" + BOUNDARY + "--\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A tar of plain files. */
  static byte[] tar(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.forEach((name, content) -> tarEntry(out, name, '0', content, ""));
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  /** One tar entry of any type (a symlink: type '2' with a link target). */
  static void tarEntry(
      ByteArrayOutputStream out, String name, char type, byte[] content, String link) {
    byte[] h = new byte[512];
    put(h, 0, name, 100);
    put(h, 100, "0000644", 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", content.length), 12);
    put(h, 136, "00000000000", 12);
    h[156] = (byte) type;
    put(h, 157, link, 100);
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte x : h) {
      sum += x & 0xff;
    }
    put(h, 148, String.format("%06o", sum) + "\0 ", 8);
    out.writeBytes(h);
    out.writeBytes(content);
    int pad = (512 - content.length % 512) % 512;
    out.writeBytes(new byte[pad]);
  }

  private static void put(byte[] h, int off, String s, int len) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, Math.min(b.length, len));
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
