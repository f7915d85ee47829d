package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainCommandLineTests {

  @Test
  void buildsOnlyTheSubcommandTheArgumentsStartWith() {
    CommandLine lean = EvidentCommand.commandLine(new String[] {"report", "latest"});

    assertThat(lean.getSubcommands()).containsOnlyKeys("report");
  }

  @Test
  void buildsEverySubcommandWhenTheArgumentsNameNone() {
    int all = EvidentCommand.SUBCOMMANDS.size();

    assertThat(EvidentCommand.commandLine(new String[] {}).getSubcommands()).hasSize(all);
    assertThat(EvidentCommand.commandLine(new String[] {"--help"}).getSubcommands()).hasSize(all);
    assertThat(EvidentCommand.commandLine(new String[] {"reprot"}).getSubcommands()).hasSize(all);
  }

  @Test
  void aSubcommandBuiltAloneHasTheSameHelpAndErrorsAsInTheFullCommandLine() {
    for (Class<?> c : EvidentCommand.SUBCOMMANDS) {
      String name = c.getAnnotation(CommandLine.Command.class).name();
      String[] bad = {name, "--no-such-option"};
      assertThat(run(EvidentCommand.commandLine(bad), bad))
          .as(name)
          .isEqualTo(run(EvidentCommand.commandLine(), bad));
      String[] help = {name, "--help"};
      assertThat(run(EvidentCommand.commandLine(help), help))
          .as(name)
          .isEqualTo(run(EvidentCommand.commandLine(), help))
          .contains("Usage: evident " + name);
    }
  }

  private static String run(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int code = cl.execute(args);
    return code + "\n" + out;
  }
}
