package dev.evident.cli;

import dev.evident.model.ApiToken;
import dev.evident.model.Scope;
import dev.evident.service.TokenService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident token create|list|revoke}: API tokens of {@code evident serve}. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description =
        "API tokens for evident serve, kept in the server's database (--db). A token belongs to"
            + " one project and has scopes: read, ingest, run, admin (all of them).",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INPUT;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Makes a token and prints it once; only its SHA-256 is stored.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin GlobalOptions global;

    @Option(names = "--project", required = true, paramLabel = "NAME", description = "Project.")
    String project;

    @Option(
        names = "--scope",
        required = true,
        paramLabel = "SCOPE",
        description = "read, ingest, run or admin; repeatable.")
    List<String> scopes;

    @Option(names = "--name", paramLabel = "TEXT", description = "What the token is for.")
    String name = "";

    @Override
    public Integer call() {
      Set<Scope> parsed = EnumSet.noneOf(Scope.class);
      for (String s : scopes) {
        for (String one : s.split(",")) {
          try {
            parsed.add(Scope.parse(one));
          } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
          }
        }
      }
      try (Workspace workspace = global.open()) {
        TokenService.Created created = workspace.tokens().create(project, parsed, name);
        PrintWriter out = spec.commandLine().getOut();
        ApiToken t = created.stored();
        out.println(
            "Token "
                + t.id()
                + " for project "
                + t.project()
                + " (scopes: "
                + scopes(t)
                + "). Shown once; store it now (e.g. as a CI secret):");
        out.println(created.token());
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens.")
  static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin GlobalOptions global;

    @Option(names = "--project", paramLabel = "NAME", description = "Only this project's.")
    String project;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      try (Workspace workspace = global.open()) {
        List<ApiToken> tokens = workspace.tokens().list(project);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          List<Object> list = new ArrayList<>();
          tokens.forEach(t -> list.add(TokenService.json(t)));
          out.println(Json.write(list));
        } else if (tokens.isEmpty()) {
          out.println("No tokens" + (project == null ? "" : " for project " + project) + ".");
        } else {
          String format = "%-18s  %-20s  %-22s  %-20s  %-20s  %s%n";
          out.printf(Locale.ROOT, format, "ID", "PROJECT", "SCOPES", "CREATED", "REVOKED", "NAME");
          for (ApiToken t : tokens) {
            out.printf(
                Locale.ROOT,
                format,
                t.id(),
                t.project(),
                scopes(t),
                t.created().toString().substring(0, 19) + "Z",
                t.revoked() == null ? "-" : t.revoked().toString().substring(0, 19) + "Z",
                t.name());
          }
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin GlobalOptions global;

    @Parameters(paramLabel = "ID", description = "The token's id (tok_...), from token list.")
    String id;

    @Override
    public Integer call() {
      try (Workspace workspace = global.open()) {
        if (!workspace.tokens().revoke(id)) {
          spec.commandLine()
              .getErr()
              .println("evident: no valid token " + id + " (see evident token list)");
          spec.commandLine().getErr().flush();
          return ExitCodes.INPUT;
        }
        spec.commandLine()
            .getOut()
            .println("Revoked " + id + "; a running server refuses it within 5 seconds.");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      }
    }
  }

  static String scopes(ApiToken t) {
    return String.join(", ", t.scopes().stream().sorted().map(Scope::id).toList());
  }
}
