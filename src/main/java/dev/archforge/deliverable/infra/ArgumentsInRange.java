package dev.archforge.deliverable.infra;

import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
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

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Root.Cache parsed = new Root.Cache(all);
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      if (!a.path().startsWith(InfraDeliverable.ROOT) || !a.path().endsWith(".tf")) {
        continue;
      }
      for (Range r : RANGES) {
        Matcher set = setting(r, "(\\d+(?:\\.\\d+)?)").matcher(a.content());
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
        String module = all.stream().filter(m -> m.path().equals(InfraDeliverable.ROOT + "modules/" + source.group(1)
            + "/main.tf")).findFirst().map(Artifact::content).orElse("");
        call.forEach((argument, value) -> {
          if (value instanceof Number n) {
            for (Range r : RANGES) {
              Matcher reads = setting(r, "var\\." + Pattern.quote(String.valueOf(argument))).matcher(module);
              while (reads.find()) {
                check(a, n.doubleValue(), r, "module." + name + "." + argument, " (" + r.type() + "." + reads.group(1)
                    + "." + r.argument() + " of modules/" + source.group(1) + ")", "module \"" + name + "\"", findings);
              }
            }
          }
        });
      });
    }
    return findings;
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
