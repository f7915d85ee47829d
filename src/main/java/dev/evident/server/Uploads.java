package dev.evident.server;

import dev.evident.service.IngestService.UploadedFile;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Receives the files of an upload into a fresh directory: multipart parts, or a body that is one
 * file, a tar, a tar.gz or a zip (recognised by content, whatever the Content-Type says). Enforces
 * the limits: the body as sent, the unpacked total and the number of files (zip and tar bombs);
 * rejects archive entries that would leave the directory ({@code ..}, absolute paths), links and
 * devices. Archive entries are always written as plain files.
 */
final class Uploads {

  private final ServerSettings.UploadLimits limits;
  private final Path root;

  Uploads(ServerSettings.UploadLimits limits, Path root) {
    this.limits = limits;
    this.root = root;
  }

  /** Names the files of each upload apart, in one directory (no directory per upload). */
  private final java.util.concurrent.atomic.AtomicLong uploads =
      new java.util.concurrent.atomic.AtomicLong();

  /** The files of one upload, deleted on close. */
  record Received(List<Path> written, List<UploadedFile> files, long bytes)
      implements AutoCloseable {
    @Override
    public void close() {
      for (Path p : written) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete uploaded file " + p, e);
        }
      }
    }
  }

  /**
   * The request's body as it is, written to one file of the upload directory under the upload size
   * limit (413 beyond it), so that a slow client holds no lock while it sends.
   */
  Received spool(Context ctx) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length > limits.maxBytes()) {
      throw tooLarge(length);
    }
    Files.createDirectories(root);
    Path file = root.resolve("body-" + uploads.incrementAndGet());
    try (Limited body = new Limited(ctx.bodyInputStream(), limits.maxBytes(), this::tooLarge)) {
      Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return new Received(List.of(file), List.of(), body.count());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  Received receive(Context ctx) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length > limits.maxBytes()) {
      throw tooLarge(length);
    }
    Files.createDirectories(root);
    Received received = null;
    Unpacking unpacking = new Unpacking(root, "upload-" + uploads.incrementAndGet() + "-");
    try {
      String type = ctx.contentType();
      long bytes;
      if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
        bytes = 0;
        for (var field : multipart(ctx).entrySet()) {
          // "found": a file the client found in a directory, skipped when it is not a result.
          boolean explicit = !field.getKey().equals("found");
          for (io.javalin.http.UploadedFile part : field.getValue()) {
            bytes += part.size();
            try (InputStream in = part.content()) {
              unpacking.any(new BufferedInputStream(in, 1 << 16), part.filename(), explicit);
            }
          }
        }
      } else {
        Limited body = new Limited(ctx.bodyInputStream(), limits.maxBytes(), this::tooLarge);
        String name = ctx.queryParam("name");
        unpacking.any(new BufferedInputStream(body, 1 << 16), name == null ? "upload" : name, true);
        bytes = body.count();
      }
      if (unpacking.files.isEmpty()) {
        throw HttpProblem.badRequest(
            "no files in the upload: send result files as multipart/form-data parts, or one file,"
                + " a tar, tar.gz or zip as the body");
      }
      received = new Received(unpacking.written, unpacking.files, bytes);
      return received;
    } finally {
      if (received == null) {
        new Received(unpacking.written, List.of(), 0).close();
      }
    }
  }

  private java.util.Map<String, List<io.javalin.http.UploadedFile>> multipart(Context ctx) {
    try {
      return ctx.uploadedFileMap();
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("exceeds") || message.contains("too large") || message.contains("max")) {
        throw tooLarge(-1);
      }
      throw HttpProblem.badRequest("cannot read the multipart body: " + message);
    }
  }

  private HttpProblem tooLarge(long length) {
    return HttpProblem.tooLarge(
        "upload too large: "
            + (length >= 0 ? length + " bytes, " : "")
            + "the limit is "
            + limits.maxBytes()
            + " bytes (evident serve --max-upload)");
  }

  /**
   * Writes files and unpacks archives into the upload directory, each file as PREFIX-N (the name it
   * had in the upload is kept beside it), counting against the limits.
   */
  private final class Unpacking {
    final Path dir;
    final String prefix;
    final List<UploadedFile> files = new ArrayList<>();
    final List<Path> written = new ArrayList<>();
    long unpacked;

    Unpacking(Path dir, String prefix) {
      this.dir = dir;
      this.prefix = prefix;
    }

    /** One file or archive, told apart by its first bytes. */
    void any(BufferedInputStream in, String name, boolean explicit) throws IOException {
      in.mark(512);
      byte[] head = in.readNBytes(512);
      in.reset();
      if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
        zip(in);
      } else if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
        BufferedInputStream gunzipped = new BufferedInputStream(new GZIPInputStream(in), 1 << 16);
        gunzipped.mark(512);
        byte[] inner = gunzipped.readNBytes(512);
        gunzipped.reset();
        if (isTar(inner)) {
          tar(gunzipped);
        } else {
          file(gunzipped, stripGz(name), explicit);
        }
      } else if (isTar(head)) {
        tar(in);
      } else {
        file(in, name, explicit);
      }
    }

    void tar(InputStream in) throws IOException {
      TarStream tar = new TarStream(in);
      for (TarStream.Entry e = tar.next(); e != null; e = tar.next()) {
        if (e.directory()) {
          continue;
        }
        if (!e.file()) {
          throw HttpProblem.badRequest(
              "archive entry "
                  + e.name()
                  + " is "
                  + (e.type() == '1' || e.type() == '2' ? "a link" : "not a plain file")
                  + "; links and special files are rejected");
        }
        file(tar.content(), e.name(), false);
      }
    }

    void zip(InputStream in) throws IOException {
      ZipInputStream zip = new ZipInputStream(in);
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory()) {
          file(zip, e.getName(), false);
        }
      }
    }

    void file(InputStream in, String name, boolean explicit) throws IOException {
      String relative = EntryNames.safe(name);
      if (relative == null) {
        return;
      }
      if (files.size() >= limits.maxEntries()) {
        throw HttpProblem.tooLarge(
            "upload has more than "
                + limits.maxEntries()
                + " files; the limit is "
                + limits.maxEntries());
      }
      Path target = dir.resolve(prefix + files.size());
      written.add(target);
      long budget = limits.maxUnpackedBytes() - unpacked;
      Limited limited =
          new Limited(
              in,
              budget,
              n ->
                  HttpProblem.tooLarge(
                      "upload unpacks to more than "
                          + limits.maxUnpackedBytes()
                          + " bytes; the limit is "
                          + limits.maxUnpackedBytes()
                          + " (an archive that expands this much is refused)"));
      Files.copy(limited, target);
      unpacked += limited.count();
      files.add(new UploadedFile(target, EntryNames.unique(files, relative), explicit));
    }
  }

  private static boolean isTar(byte[] head) {
    return head.length >= 262
        && head[257] == 'u'
        && head[258] == 's'
        && head[259] == 't'
        && head[260] == 'a'
        && head[261] == 'r';
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") && name.length() > 3 ? name.substring(0, name.length() - 3) : name;
  }
}
