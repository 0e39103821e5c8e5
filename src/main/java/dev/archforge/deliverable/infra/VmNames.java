package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The part of {@value DescriptorsMatchInfrastructure#NAME} that reads virtual machines: every deploy
 * job that rolls deploy/vm/'s user data deploys into instance groups its environment's root of
 * infra/ creates ({@code infra/envs/<environment>/main.tf}): the groups {@code <project>-<deployable>}
 * of the runtime module's {@code project} (on AWS its {@code namespace}, the job's {@code NAMESPACE}) and
 * {@code machines}, and on Azure in the root's resource
 * group; and the Key Vault the Azure scale sets name for their user data is the root's.
 */
final class VmNames {
  private VmNames() {}

  /**
   * What is missing, as {@code {file, what, named, why}}; {@code root} parses a root of infra/ by its
   * path, empty when there is none or it does not parse.
   */
  static List<String[]> missing(List<Artifact> all, Function<String, Optional<Map<?, ?>>> root) {
    List<String[]> missing = new ArrayList<>();
    JsonNode deploy = all.stream().filter(a -> a.path().equals(Layout.DEPLOY_WORKFLOW)).findFirst()
        .flatMap(VmNames::yaml).orElse(null);
    if (deploy == null) {
      return missing;
    }
    for (Map.Entry<String, JsonNode> job : deploy.path("jobs").properties()) {
      JsonNode env = job.getValue().at("/steps").findValue("env");
      if (env == null || !env.path("DESCRIPTORS").asText().startsWith(Layout.VM.substring(0, Layout.VM.length() - 1))) {
        continue;
      }
      String rootPath = InfraDeliverable.ROOT + "envs/" + job.getValue().path("environment").asText() + "/main.tf";
      Optional<Map<?, ?>> parsed = root.apply(rootPath);
      if (parsed.isEmpty()) {
        missing.add(new String[] {Layout.DEPLOY_WORKFLOW, "root module", rootPath, "the job's environment has no root"});
        continue;
      }
      Map<?, ?> runtime = module(parsed.get(), "runtime");
      // AWS names its groups after the root's namespace, the others after the project
      String project = String.valueOf(runtime.containsKey("namespace") ? runtime.get("namespace") : runtime.get("project"));
      Set<String> groups = new TreeSet<>();
      if (runtime.get("machines") instanceof Map<?, ?> machines) {
        machines.keySet().forEach(m -> groups.add(project + "-" + m));
      }
      for (String deployable : env.path("DEPLOYABLES").asText().split(" ")) {
        String group = env.path(env.has("NAMESPACE") ? "NAMESPACE" : "PROJECT").asText() + "-" + deployable;
        if (!groups.contains(group)) {
          missing.add(new String[] {Layout.DEPLOY_WORKFLOW, "instance group", group, "the " + job.getKey()
              + " job rolls it, but module runtime of " + rootPath + " creates " + String.join(", ", groups)});
        }
      }
      String group = parsed.get().get("locals") instanceof Map<?, ?> l ? String.valueOf(l.get("name")) : "";
      if (env.has("RESOURCE_GROUP") && !env.path("RESOURCE_GROUP").asText().equals(group)) {
        missing.add(new String[] {Layout.DEPLOY_WORKFLOW, "resource group", env.path("RESOURCE_GROUP").asText(),
            "the " + job.getKey() + " job deploys into it, but " + rootPath + "'s resource group is " + group});
      }
      String vault = String.valueOf(module(parsed.get(), "kms").get("name"));
      if (runtime.containsKey("key_vault") && !vault.equals(String.valueOf(runtime.get("key_vault")))) {
        missing.add(new String[] {rootPath, "Key Vault", String.valueOf(runtime.get("key_vault")),
            "the scale sets' tag key-vault names it for the user data, but module kms's vault is " + vault});
      }
    }
    return missing;
  }

  private static Map<?, ?> module(Map<?, ?> parsed, String name) {
    return parsed.get("module") instanceof Map<?, ?> m && m.get(name) instanceof Map<?, ?> mod ? mod : Map.of();
  }

  private static Optional<JsonNode> yaml(Artifact a) {
    return GeneratedYaml.tree(a); // empty when it does not parse: its validator reports it
  }
}
