package dev.evident.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user and password for a PostgreSQL store, from the environment or a file, never from the
 * command line. {@link #toString} never shows the password.
 *
 * @param user the user, or null for the driver's default (the URL's {@code user} parameter)
 * @param password the password, or null (the driver then tries ~/.pgpass)
 */
public record Credentials(String user, String password) {

  /** No user and no password: the URL and the driver's defaults decide. */
  public static final Credentials NONE = new Credentials(null, null);

  /**
   * Reads the credentials: the user from EVIDENT_DB_USER, else PGUSER; the password from {@code
   * passwordFile} (a {@code --db-password-file} option) when given, else EVIDENT_DB_PASSWORD, else
   * the file EVIDENT_DB_PASSWORD_FILE names, else PGPASSWORD. A file's trailing line break is not
   * part of the password.
   */
  public static Credentials from(Map<String, String> env, Path passwordFile) {
    String user = first(env.get("EVIDENT_DB_USER"), env.get("PGUSER"));
    String password;
    if (passwordFile != null) {
      password = read(passwordFile, "--db-password-file");
    } else if (present(env.get("EVIDENT_DB_PASSWORD"))) {
      password = env.get("EVIDENT_DB_PASSWORD");
    } else if (present(env.get("EVIDENT_DB_PASSWORD_FILE"))) {
      password = read(Path.of(env.get("EVIDENT_DB_PASSWORD_FILE")), "EVIDENT_DB_PASSWORD_FILE");
    } else {
      password = first(env.get("PGPASSWORD"), null);
    }
    return new Credentials(user, password);
  }

  private static String read(Path file, String from) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.endsWith("\r\n")
          ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new StoreException(
          "cannot read the database password file "
              + file
              + " ("
              + from
              + "): "
              + e.getClass().getSimpleName()
              + "; check that it exists and is readable",
          e);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  private static String first(String a, String b) {
    return present(a) ? a : present(b) ? b : null;
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
