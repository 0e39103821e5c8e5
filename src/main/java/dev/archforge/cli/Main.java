package dev.archforge.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root command: wires the verbs and maps every outcome to an exit code, once. Commands write
 * through picocli's out and err, so tests capture them with {@link #commandLine(Map)}. The process
 * starts in {@link EntryPoint}.
 */
@Command(name = "archforge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Drafts backend architecture decisions from a requirements file and renders validated deliverables.",
    subcommands = {GenerateCommand.class, PlanCommand.class, CheckCommand.class, DecideCommand.class, ExplainCommand.class, ValidateCommand.class, ReviewCommand.class, SchemaCommand.class, InitCommand.class,
        BlueprintsCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad usage or input, 3 output failed validation, "
        + "4 a person must act (edited files in the way, or conflict markers written).",
        "plan and check: 0 up to date, 2 a run would change something, 1 error."})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'archforge generate requirements.yaml'");
  }

  /**
   * Runs one invocation through picocli with the given writers, control characters escaped
   * ({@link EscapingWriter}); returns the exit code.
   */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(env);
    cl.setOut(EscapingWriter.around(out));
    cl.setErr(EscapingWriter.around(err));
    return cl.execute(args);
  }

  /** A ready command line; {@code env} supplies SOURCE_DATE_EPOCH and the like (tests pass their own). */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new Main(), new Factory(env));
    cl.setExecutionExceptionHandler((e, line, parsed) -> handle(e, line, env));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, Map<String, String> env) {
    return Failures.print(e, cl.getErr(), env);
  }

  /** Gives commands the environment without static state. */
  private record Factory(Map<String, String> env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == GenerateCommand.class) {
        return cls.cast(new GenerateCommand(env));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
