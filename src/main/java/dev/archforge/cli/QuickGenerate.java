package dev.archforge.cli;

import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.write.RunCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plain {@code generate} run without picocli: building picocli's model of every command costs a
 * short-lived process about 0.1 s (its classes are Java 5 bytecode, which no class-data archive
 * holds), more than the run cache's whole check. Only plain invocations are read here — one
 * {@code generate FILE} with {@code -o DIR}, {@code --out DIR}, {@code --blueprint X},
 * {@code --templates DIR}, {@code --json}, {@code --dry-run}, {@code --no-cache}, each option at
 * most once but {@code --templates} — and run as {@link GenerateCommand} runs one input; anything
 * else (help, {@code @files}, {@code -oDIR}, a bad value, several inputs, the regeneration options)
 * goes to picocli, which then says what is wrong. A property test holds the reading here to picocli's.
 */
final class QuickGenerate {
  private QuickGenerate() {}

  /** A plain {@code generate} invocation, as picocli would read it into {@link GenerateCommand}. */
  record Args(Path input, Path out, Optional<String> blueprint, List<Path> templates, boolean dryRun, boolean json,
      boolean noCache) {}

  /** The invocation when it is plain enough to read without picocli; empty otherwise. */
  static Optional<Args> parse(String[] args) {
    if (args.length < 2 || !args[0].equals("generate")) {
      return Optional.empty();
    }
    Path input = null;
    Path out = null;
    String blueprint = null;
    List<Path> templates = new ArrayList<>();
    boolean dryRun = false;
    boolean json = false;
    boolean noCache = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!plain(arg)) {
        if (arg.equals("--json") && !json) {
          json = true;
        } else if (arg.equals("--dry-run") && !dryRun) {
          dryRun = true;
        } else if (arg.equals("--no-cache") && !noCache) {
          noCache = true;
        } else if (i + 1 < args.length && plain(args[i + 1]) && takesValue(arg, out != null, blueprint != null)) {
          String value = args[++i];
          switch (arg) {
            case "-o", "--out" -> out = Path.of(value);
            case "--blueprint" -> blueprint = value;
            default -> templates.add(Path.of(value));
          }
        } else {
          return Optional.empty();
        }
      } else if (input == null) {
        input = Path.of(arg);
      } else {
        return Optional.empty();
      }
    }
    if (input == null) {
      return Optional.empty();
    }
    return Optional.of(new Args(input, out == null ? GenerateCommand.DEFAULT_OUT : out, Optional.ofNullable(blueprint),
        List.copyOf(templates), dryRun, json, noCache));
  }

  /** Runs a plain invocation as {@link GenerateCommand} would, and returns its exit code; empty when it is not plain. */
  static OptionalInt run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    Optional<Args> parsed = parse(args);
    if (parsed.isEmpty()) {
      return OptionalInt.empty();
    }
    Args a = parsed.get();
    Optional<Instant> now = GenerateCommand.sourceDate(env);
    if (now.isEmpty() || !a.templates().stream().allMatch(Files::isDirectory)) {
      return OptionalInt.empty();
    }
    Optional<RunCache> cache = a.noCache() ? Optional.empty() : RunCache.fromEnvironment(env);
    GenerateRequest request = new GenerateRequest(a.input(), a.out(), a.blueprint(), a.templates(), a.dryRun(), now.get());
    try {
      return OptionalInt.of(GenerateCommand.runOne(request, cache, a.json(), out, err));
    } catch (RuntimeException e) {
      return OptionalInt.of(Failures.print(e, err, env));
    }
  }

  /** Neither an option nor an argument file nor empty: a value picocli takes as it is. */
  private static boolean plain(String arg) {
    return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
  }

  private static boolean takesValue(String option, boolean outSeen, boolean blueprintSeen) {
    return switch (option) {
      case "-o", "--out" -> !outSeen;
      case "--blueprint" -> !blueprintSeen;
      case "--templates" -> true;
      default -> false;
    };
  }
}
