package dev.evident.cli;

import dev.evident.service.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where the store is, and how much to say on errors. */
final class GlobalOptions {

  static final String DEFAULT_DB = ".evident/evident.db";

  @Option(
      names = "--db",
      paramLabel = "PATH|URL",
      description =
          "The store: a SQLite file, created when missing (default: $EVIDENT_DB or "
              + DEFAULT_DB
              + " in the current directory), or jdbc:postgresql://HOST[:PORT]/DB (user and"
              + " password from EVIDENT_DB_USER, EVIDENT_DB_PASSWORD or PGUSER, PGPASSWORD).")
  String db;

  @Option(
      names = "--db-password-file",
      paramLabel = "FILE",
      description =
          "A file holding the PostgreSQL password (else $EVIDENT_DB_PASSWORD,"
              + " $EVIDENT_DB_PASSWORD_FILE, $PGPASSWORD).")
  Path dbPasswordFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces on errors.")
  boolean verbose;

  String db() {
    if (db != null) {
      return db;
    }
    String env = System.getenv("EVIDENT_DB");
    return env != null && !env.isBlank() ? env : DEFAULT_DB;
  }

  Workspace open() {
    return Workspace.open(db(), dbPasswordFile);
  }

  /** The workspace of a command that stores a run at once (a new SQLite file written aside). */
  Workspace openToWrite() {
    return Workspace.openToWrite(db(), dbPasswordFile);
  }

  /** The workspace, its store opening on another thread (see Workspace#openInBackground). */
  Workspace openInBackground() {
    return Workspace.openInBackground(db(), dbPasswordFile);
  }

  /** The default project: the name of the current directory. */
  static String defaultProject() {
    Path cwd = Path.of("").toAbsolutePath();
    Path name = cwd.getFileName();
    return name == null ? "default" : name.toString();
  }
}
