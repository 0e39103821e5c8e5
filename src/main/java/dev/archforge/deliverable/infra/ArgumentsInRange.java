package dev.archforge.deliverable.infra;

import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: a number the cloud accepts only in a range is in it. The provider
 * schemas say an argument is a number, not which numbers the service takes, so the ranges the
 * providers' documentation states are listed here, each with its source. A root module passes its
 * numbers to the shared modules, whose resources read them as {@code var.NAME}: the rule follows
 * each literal number of a root's {@code module} call to the arguments of its module's resources
 * that read it, and checks literal numbers set on resources in any file directly too. Both read
 * the files' text (a resource block of the type, its argument's line): the HCL parser resolves
 * {@code var.NAME} to the variable's default, and only the roots are parsed, for their module calls.
 */
final class ArgumentsInRange implements CrossValidator {
  static final String NAME = "arguments-in-range";
  private static final Pattern SOURCE = Pattern.compile("\\.\\./\\.\\./modules/([a-z-]+)");

  /** A range a resource's argument must lie in, and where it is documented. */
  record Range(String type, String argument, double min, double max, String source) {}

  static final List<Range> RANGES = List.of(
      new Range("azurerm_postgresql_flexible_server", "backup_retention_days", 7, 35,
          "azurerm's postgresql_flexible_server: \"between 7 and 35 days\""),
      new Range("azurerm_mysql_flexible_server", "backup_retention_days", 1, 35,
          "azurerm's mysql_flexible_server: \"between 1 and 35 days\""),
      new Range("aws_db_instance", "backup_retention_period", 0, 35,
          "aws's db_instance: \"between 0 and 35\""));

  @Override
  public String name() {
    return NAME;
  }

  /** Per range, {@code setting} with a literal number: group 1 the resource's name, 3 the number. */
  private static final Map<Range, Pattern> LITERAL = patterns("(\\d+(?:\\.\\d+)?)");
  /** Per range, {@code setting} with a variable: group 1 the resource's name, 4 the variable's name. */
  private static final Map<Range, Pattern> VARIABLE = patterns("var\\.([A-Za-z_][A-Za-z0-9_-]*)");

  /** A resource of {@code range}'s type whose ranged argument reads {@code var.<variable>}. */
  private record Read(Range range, String resource, String variable) {}

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Root.Cache parsed = new Root.Cache(all);
    Map<String, String> modules = new HashMap<>();
    all.forEach(a -> modules.putIfAbsent(a.path(), a.content()));
    Map<String, List<Read>> reads = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      if (!a.path().startsWith(InfraDeliverable.ROOT) || !a.path().endsWith(".tf")) {
        continue;
      }
      for (Range r : RANGES.stream().filter(range -> declares(a.content(), range)).toList()) {
        Matcher set = LITERAL.get(r).matcher(a.content());
        while (set.find()) {
          check(a, Double.parseDouble(set.group(3)), r, r.type() + "." + set.group(1) + "." + r.argument(), "",
              "resource \"" + r.type() + "\" \"" + set.group(1) + "\"", findings);
        }
      }
      if (!a.path().startsWith(InfraDeliverable.ROOT + "envs/")) {
        continue;
      }
      Map<?, ?> file = parsed.at(a.path()).map(Root::parsed).orElse(Map.of());
      each(file.get("module"), (name, call) -> {
        Matcher source = SOURCE.matcher(String.valueOf(call.get("source")));
        if (!source.find()) {
          return;
        }
        List<Read> module = reads.computeIfAbsent(source.group(1), m -> reads(modules.getOrDefault(
            InfraDeliverable.ROOT + "modules/" + m + "/main.tf", "")));
        call.forEach((argument, value) -> {
          if (value instanceof Number n) {
            module.stream().filter(read -> read.variable().equals(String.valueOf(argument))).forEach(read ->
                check(a, n.doubleValue(), read.range(), "module." + name + "." + argument, " (" + read.range().type()
                    + "." + read.resource() + "." + read.range().argument() + " of modules/" + source.group(1) + ")",
                    "module \"" + name + "\"", findings));
          }
        });
      });
    }
    return findings;
  }

  /** What the ranged arguments of a module's resources read, by range, then in the order of the text. */
  private static List<Read> reads(String module) {
    List<Read> reads = new ArrayList<>();
    for (Range r : RANGES.stream().filter(range -> declares(module, range)).toList()) {
      Matcher m = VARIABLE.get(r).matcher(module);
      while (m.find()) {
        reads.add(new Read(r, m.group(1), m.group(4)));
      }
    }
    return reads;
  }

  /** Whether the text may hold a resource of {@code r}'s type: most files hold none, and then no pattern need run. */
  private static boolean declares(String text, Range r) {
    return text.contains("resource \"" + r.type() + "\"");
  }

  private static Map<Range, Pattern> patterns(String value) {
    Map<Range, Pattern> patterns = new java.util.IdentityHashMap<>();
    RANGES.forEach(r -> patterns.put(r, setting(r, value)));
    return patterns;
  }

  /** {@code r}'s argument set to {@code value} in a resource of its type: group 1 the resource's name, 3 the value. */
  private static Pattern setting(Range r, String value) {
    return Pattern.compile("(?ms)^resource \"" + r.type() + "\" \"([^\"]+)\" \\{$((?:(?!^}$).)*?)^\\s*"
        + r.argument() + "\\s*=\\s*(" + value + ")\\s*$");
  }

  private static void check(Artifact a, double value, Range r, String where, String via, String block,
      List<Finding> findings) {
    if (value < r.min() || value > r.max()) {
      String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
      findings.add(new Finding(a.path(), line(a.content(), block, where.substring(where.lastIndexOf('.') + 1)), where + " = "
          + shown + via + " is outside " + (long) r.min() + "–" + (long) r.max() + ", the range " + r.source(), NAME));
    }
  }

  private static void each(Object blocks, java.util.function.BiConsumer<String, Map<?, ?>> action) {
    if (blocks instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof Map<?, ?> body) {
          action.accept(String.valueOf(k), body);
        }
      });
    }
  }

  /** The line of {@code argument} in the block that opens with {@code block}. */
  private static int line(String content, String block, String argument) {
    Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(argument) + "\\s*=").matcher(content);
    int from = Math.max(0, content.indexOf(block));
    return m.find(from) ? content.substring(0, m.start()).split("\n", -1).length : 0;
  }
}
