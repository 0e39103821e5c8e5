package dev.archforge.deliverable.infra;

import dev.archforge.deliverable.infra.NameKinds.Kind;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every name a root of infra/ gives a resource whose name the cloud
 * limits is one the cloud takes (its length and characters, as the provider's documentation states
 * them), and a name that must be unique beyond the root (an IAM role or instance profile in the AWS
 * account; an S3 bucket, unique across AWS, whose name ends in the account id (taken as 12 digits,
 * the same in every root); a load balancer, target group, ECS or EKS cluster, DB instance, cache replication group,
 * Secrets Manager entry, ECR repository, log group, auto scaling group, launch template, KMS alias, MSK
 * cluster, backup vault or CodeBuild project in the account and region, which the roots may share; an
 * Azure Key Vault, container registry, Redis cache, database server, Event Hubs namespace or storage
 * account, unique in all of Azure; a Google workload identity pool, which a destroy keeps for 30 days)
 * is created by one root alone (of its region, for the regional ones). Google names inside a project
 * (each root has its own) and SNS topics and SQS queues are checked for their limits only. The names are worked
 * out from the files' text: each root's module calls hand the modules their arguments, and each
 * resource's name in the module is a template over them ({@code "${var.project}-${each.value}"},
 * {@code var.accounts[each.key]}, {@code substr(…, 0, 30)}); a name built from anything else is skipped.
 */
final class NamesFitAndDiffer implements CrossValidator {
  static final String NAME = "names-fit-and-differ";
  private static final Pattern SOURCE = Pattern.compile("\\.\\./\\.\\./modules/([a-z-]+)");
  private static final Pattern PLACE = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern FOR_EACH = Pattern.compile("(?m)^  for_each\\s*=\\s*(.+?)\\s*$");

  /** The kinds of names the rule checks ({@link NameKinds}). */
  static final List<Kind> KINDS = NameKinds.ALL;

  /** One name a root creates. */
  record Named(Kind kind, String name, String root, String module, String resource, String region) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Map<String, List<Named>>> byName = new TreeMap<>();
    for (Named n : names(all)) {
      Kind k = n.kind();
      if (n.name().length() < k.min() || n.name().length() > k.max() || !k.pattern().matcher(n.name()).matches()) {
        findings.add(new Finding(n.root(), 0, "module \"" + n.module() + "\" names " + n.resource() + " " + n.name()
            + " (" + n.name().length() + " characters), which the cloud refuses: " + k.source(), NAME));
      }
      if (k.unique() != NameKinds.NOT) {
        byName.computeIfAbsent(k.type() + " " + n.name() + (k.unique() == NameKinds.IN_REGION ? " in " + n.region() : ""),
            x -> new LinkedHashMap<>())
            .computeIfAbsent(n.root(), x -> new ArrayList<>()).add(n);
      }
    }
    byName.forEach((key, roots) -> {
      if (roots.size() > 1) {
        List<String> paths = List.copyOf(roots.keySet());
        Named first = roots.get(paths.get(0)).get(0);
        findings.add(new Finding(paths.get(1), 0, "module \"" + roots.get(paths.get(1)).get(0).module() + "\" names "
            + first.resource().replaceFirst("\\[.*", "") + " " + first.name() + ", as " + String.join(", ",
            paths.subList(0, 1)) + (paths.size() > 2 ? " and " + (paths.size() - 2) + " other root(s)" : "")
            + " does: " + first.kind().source(), NAME));
      }
    });
    return findings;
  }

  /** Every name of a limited kind the roots create, worked out from their module calls. */
  static List<Named> names(List<Artifact> all) {
    Root.Cache roots = new Root.Cache(all);
    Map<String, List<Block>> blocksOf = new HashMap<>();
    Map<String, Pattern> arguments = new HashMap<>();
    List<Named> names = new ArrayList<>();
    for (Artifact a : all) {
      if (!a.path().startsWith(InfraDeliverable.ROOT + "envs/") || !a.path().endsWith("/main.tf")) {
        continue;
      }
      Root root = roots.at(a.path()).orElse(null);
      if (root == null || !(root.parsed().get("module") instanceof Map<?, ?> calls)) {
        continue;
      }
      calls.forEach((module, body) -> {
        if (!(body instanceof Map<?, ?> call)) {
          return;
        }
        Matcher source = SOURCE.matcher(String.valueOf(call.get("source")));
        String text = source.find() ? module(all, source.group(1)) : "";
        List<Block> blocks = blocksOf.computeIfAbsent(text, Block::all);
        for (Kind k : KINDS) {
          Pattern argument = arguments.computeIfAbsent(k.argument(),
              name -> Pattern.compile("(?m)^  " + name + "\\s*=\\s*(.+?)\\s*$"));
          for (Block block : blocks) {
            Matcher arg = argument.matcher(block.body());
            if (!block.type().equals(k.type()) || !arg.find()) {
              continue;
            }
            Matcher each = FOR_EACH.matcher(block.body());
            Map<String, String> items = each.find() ? items(each.group(1), call, root) : Map.of("", "");
            for (Map.Entry<String, String> item : items.entrySet()) {
              for (String name : values(arg.group(1), call, root, text, item)) {
                names.add(new Named(k, name, a.path(), String.valueOf(module), k.type() + "." + block.name()
                    + (item.getKey().isEmpty() || item.getKey().equals("*") ? "" : "[\"" + item.getKey() + "\"]"),
                    root.variable("region")));
              }
            }
          }
        }
      });
    }
    return names;
  }

  /** A resource block of a module's text: its type, its name and the lines between its braces. */
  private record Block(String type, String name, String body) {
    private static final Pattern RESOURCE = Pattern.compile("(?ms)^resource \"([^\"]+)\" \"([^\"]+)\" \\{$(.*?)^}$");

    static List<Block> all(String module) {
      List<Block> blocks = new ArrayList<>();
      Matcher m = RESOURCE.matcher(module);
      while (m.find()) {
        blocks.add(new Block(m.group(1), m.group(2), m.group(3)));
      }
      return blocks;
    }
  }

  private static String module(List<Artifact> all, String name) {
    String path = InfraDeliverable.ROOT + "modules/" + name + "/main.tf";
    return all.stream().filter(m -> m.path().equals(path)).findFirst().map(Artifact::content).orElse("");
  }

  /** The keys and values {@code for_each} walks: a list argument's items, a map argument's entries. */
  private static Map<String, String> items(String expression, Map<?, ?> call, Root root) {
    Matcher m = Pattern.compile("(?:toset\\()?var\\.(\\w+)\\)?").matcher(expression);
    Map<String, String> items = new LinkedHashMap<>();
    if (m.matches()) {
      Object value = call.get(m.group(1));
      // an argument that is a local of the root: its value there
      if (value instanceof String local && local.matches("\\$\\{local\\.\\w+}|local\\.\\w+")
          && root.parsed().get("locals") instanceof Map<?, ?> locals) {
        value = locals.get(local.replaceAll("[${}]", "").substring("local.".length()));
      }
      if (value instanceof Collection<?> list) {
        list.forEach(v -> items.put(String.valueOf(v), String.valueOf(v)));
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> items.put(String.valueOf(k), String.valueOf(v)));
      }
      return items;
    }
    return Map.of("*", "*"); // walks something else: a map argument indexed by each.key names every entry
  }

  /** The names an argument's expression gives for one item of for_each; none when it reads anything else. */
  private static List<String> values(String expression, Map<?, ?> call, Root root, String module,
      Map.Entry<String, String> item) {
    Matcher substr = Pattern.compile("substr\\((.+), 0, (\\d+)\\)").matcher(expression);
    if (substr.matches()) {
      int most = Integer.parseInt(substr.group(2));
      return values(substr.group(1), call, root, module, item).stream()
          .map(v -> v.length() > most ? v.substring(0, most) : v).toList();
    }
    Matcher lookup = Pattern.compile("var\\.(\\w+)\\[each\\.(?:key|value)]").matcher(expression);
    if (lookup.matches()) {
      if (!(call.get(lookup.group(1)) instanceof Map<?, ?> map)) {
        return List.of();
      }
      Object one = map.get(item.getKey());
      return (one != null ? List.of(one) : item.getKey().equals("*") ? List.copyOf(map.values()) : List.of()).stream()
          .map(v -> resolved(String.valueOf(v), root)).toList();
    }
    if (expression.equals("each.key") || expression.equals("each.value")) {
      String value = expression.equals("each.key") ? item.getKey() : item.getValue();
      return value.isEmpty() || value.equals("*") ? List.of() : List.of(value);
    }
    Matcher variable = Pattern.compile("var\\.(\\w+)").matcher(expression);
    if (variable.matches()) {
      String value = argument(variable.group(1), call, root, module);
      return value == null ? List.of() : List.of(value);
    }
    if (!expression.startsWith("\"") || !expression.endsWith("\"")) {
      return List.of();
    }
    StringBuilder out = new StringBuilder();
    Matcher place = PLACE.matcher(expression.substring(1, expression.length() - 1));
    while (place.find()) {
      String ref = place.group(1);
      String value = ref.equals("each.value") ? item.getValue() : ref.equals("each.key") ? item.getKey()
          : ref.startsWith("var.") ? argument(ref.substring(4), call, root, module) : null;
      if (ref.equals("data.aws_caller_identity.this.account_id")) {
        value = "0".repeat(CloudNames.ACCOUNT_ID_LENGTH); // as long as any account's id, and the same in every root
      }
      if (value == null || value.equals("*")) {
        return List.of();
      }
      place.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    place.appendTail(out);
    return List.of(out.toString());
  }

  /** A module variable's value: the root's argument, else the module's default; null when neither is text. */
  private static String argument(String name, Map<?, ?> call, Root root, String module) {
    Object value = call.get(name);
    if (value instanceof String s) {
      return resolved(s, root);
    }
    if (value != null) {
      return null;
    }
    Matcher d = Pattern.compile("(?ms)^variable \"" + Pattern.quote(name) + "\" \\{$(?:(?!^}$).)*?^\\s*default\\s*=\\s*\"([^\"]*)\"")
        .matcher(module);
    return d.find() ? d.group(1) : null;
  }

  /** A root's text with its locals and variables' defaults put in. */
  private static String resolved(String text, Root root) {
    if (text.matches("local\\.\\w+")) {
      return root.local(text.substring(6));
    }
    StringBuilder out = new StringBuilder();
    Matcher place = PLACE.matcher(text);
    while (place.find()) {
      String ref = place.group(1);
      String value = ref.startsWith("local.") ? root.local(ref.substring(6))
          : ref.startsWith("var.") ? root.variable(ref.substring(4)) : place.group();
      place.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    place.appendTail(out);
    return out.toString();
  }
}
