package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Descriptors;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: what a managed-container descriptor of deploy/ names, every root of
 * infra/ it is deployed into creates. Each job of the deploy workflow ({@code dev}, {@code staging},
 * {@code prod}, a cell's {@code prod-<jurisdiction>}) applies a folder of descriptors to the root of
 * its environment's name, with the names its step's environment puts in place of the descriptors'
 * (the ECS {@code CLUSTER}, the Azure {@code RESOURCE_GROUP} and {@code KEY_VAULT}); without the
 * workflow, a descriptor is checked against its production root ({@code infra/envs/prod/main.tf}, or
 * a cell's for {@code deploy/<platform>/prod-<jurisdiction>/}).
 * ECS: the cluster, each task's log group, task role and execution role (the runtime and identity
 * modules name them {@code <project><suffix>}, {@code /ecs/<namespace>/<name>} (in the root's region, as are the
 * secrets' ARNs and the region a deploy job rolls any descriptor out in), {@code <project>-<name>-task<suffix>},
 * {@code <project>-<name>-execution<suffix>}, the suffix the root's and, as a job applies them, the job's
 * {@code ROLE_SUFFIX}, and for the log group its {@code NAMESPACE} in place of its {@code PROJECT}); Cloud Run: the service account and the VPC connector; Container
 * Apps: the resource group, the environment, the managed identity and the Key Vault; on virtual
 * machines, the instance groups and resource group each deploy job rolls and the Key Vault the Azure
 * user data reads ({@link VmNames}). On Kubernetes, the SecretStore each overlay deploys reads its
 * root's secret manager ({@link SecretStoresMatch}). Holds no claim when infra/ writes no root
 * module, and none on the runtime module's names when the root has no runtime module.
 */
final class DescriptorsMatchInfrastructure implements CrossValidator {
  static final String NAME = "descriptors-match-infrastructure";
  private static final Pattern CELL_DIR = Pattern.compile("deploy/[a-z]+/(prod-[a-z0-9-]+)/[^/]+");
  private static final Pattern ARM_ID = Pattern.compile("/resourceGroups/([^/]+)/providers/[^/]+/[^/]+/([^/]+)$");
  private static final Pattern ROLE = Pattern.compile(":role/(.+)$");
  private static final Pattern VAULT = Pattern.compile("^https://([^.]+)\\.vault\\.azure\\.net/");
  /** A Cloud Run service's URL: its name, the project's number (or what stands in for it), its region. */
  private static final Pattern RUN_URL = Pattern.compile("https://([a-z0-9-]+)-([A-Za-z0-9_]+)\\.([a-z0-9-]+)\\.run\\.app");

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A job of the deploy workflow: the root of infra/ it deploys into (its GitHub environment), the
   * folder of descriptors it applies, and its step's environment, which names what it puts in place
   * of the descriptors' own names ({@code CLUSTER}, {@code RESOURCE_GROUP}, {@code KEY_VAULT}).
   */
  private record Job(String root, String descriptors, Map<String, String> env) {
    String or(String key, String named) {
      return env.getOrDefault(key, named);
    }
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Finding> findings = new ArrayList<>();
    List<Job> jobs = jobs(all);
    Root.Cache roots = new Root.Cache(all);
    for (Descriptors d : Descriptors.of(all)) {
      String dir = d.path().substring(0, d.path().lastIndexOf('/'));
      // as written, the descriptor names its production root's names (its header's `az`/`gcloud`/`aws` line)
      Matcher cell = CELL_DIR.matcher(d.path());
      List<Job> deploying = new ArrayList<>(List.of(new Job(cell.matches() ? cell.group(1)
          : CloudNames.productionRoot(""), dir, Map.of())));
      jobs.stream().filter(j -> j.descriptors().equals(dir)).forEach(deploying::add);
      Set<String> reported = new HashSet<>();
      for (Job job : deploying) {
        roots.of(job.root()).ifPresent(r -> {
              List<String[]> missing = new ArrayList<>(switch (d.platform()) {
                case "ecs" -> ecs(d, r, job);
                case "cloudrun" -> cloudRun(d, r, globals(r, roots), job);
                default -> containerApps(d, r, job);
              });
              region(missing, d, r, job);
              for (String[] m : missing) {
                if (!reported.add(r.path() + " " + m[0] + " " + m[1])) {
                  continue;
                }
                findings.add(new Finding(d.path(), 0, d.deployable() + "'s descriptor names the " + m[0] + " " + m[1]
                    + (job.env().isEmpty() ? "" : " as the " + job.root() + " deploy applies it") + ", which "
                    + r.path() + " does not create (" + m[2] + ")", NAME));
              }
            });
      }
    }
    if (all.stream().anyMatch(a -> a.path().equals(InfraDeliverable.ROOT + "modules/runtime-vm/main.tf"))) {
      for (String[] m : VmNames.missing(all, path -> roots.at(path).map(Root::parsed))) {
        findings.add(new Finding(m[0], 0, "the " + m[1] + " " + m[2] + " is not what infra/ creates: " + m[3], NAME));
      }
    }
    findings.addAll(SecretStoresMatch.check(all, roots));
    return findings;
  }

  /** The deploy workflow's jobs that apply a folder of descriptors; none without the workflow. */
  private static List<Job> jobs(List<Artifact> all) {
    List<Job> jobs = new ArrayList<>();
    Optional<Artifact> workflow = all.stream().filter(a -> a.path().equals(Layout.DEPLOY_WORKFLOW)).findFirst();
    JsonNode tree = workflow.flatMap(GeneratedYaml::tree).orElse(null); // the workflow validator reports what does not parse
    if (tree == null) {
      return jobs;
    }
    for (JsonNode job : tree.path("jobs")) {
      for (JsonNode step : job.path("steps")) {
        if (step.path("env").has("DESCRIPTORS")) {
          Map<String, String> env = new HashMap<>();
          step.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
          jobs.add(new Job(job.path("environment").asText(), env.get("DESCRIPTORS"), Map.copyOf(env)));
        }
      }
    }
    return jobs;
  }

  private static List<String[]> ecs(Descriptors d, Root r, Job job) {
    List<String[]> missing = new ArrayList<>();
    String project = r.text("runtime", "project");
    Set<String> deployables = strings(r.list("runtime", "deployables"));
    JsonNode task = d.trees().get(0);
    Object cluster = r.module("runtime").get("cluster");
    check(missing, "cluster", job.or("CLUSTER", d.trees().size() > 1 ? d.trees().get(1).path("cluster").asText()
        : project), Set.of(cluster == null ? project : String.valueOf(cluster)),
        "module runtime's cluster is its argument cluster, <project> and the root's name but in prod");
    JsonNode logs = task.at("/containerDefinitions/0/logConfiguration/options/awslogs-group");
    // the job puts its NAMESPACE in place of the project the descriptor's log group is named after
    String namespace = r.text("runtime", "namespace");
    String named = job.env().containsKey("NAMESPACE") ? logs.asText().replace("/ecs/" + job.or("PROJECT", "") + "/",
        "/ecs/" + job.or("NAMESPACE", "") + "/") : logs.asText();
    check(missing, "log group", named, names(deployables, n -> "/ecs/" + namespace + "/" + n),
        "module runtime's log groups are /ecs/<namespace>/<deployable>, the namespace <project> and in dev and"
            + " staging the root's name");
    String tasks = suffix(r, "identity");
    String executions = suffix(r, "runtime");
    check(missing, "task role", applied(role(task.path("taskRoleArn")), "-task", job),
        names(deployables, n -> project + "-" + n + "-task" + tasks),
        "module identity's roles are <project>-<deployable>-task<name_suffix>");
    check(missing, "execution role", applied(role(task.path("executionRoleArn")), "-execution", job),
        names(deployables, n -> project + "-" + n + "-execution" + executions),
        "module runtime's execution roles are <project>-<deployable>-execution<name_suffix>");
    return missing;
  }

  /**
   * The region a deploy job rolls the descriptor out in ({@code AWS_REGION}, Cloud Run's {@code REGION}), and
   * the region of each ECS secret ARN and log group, is the root's: a second region's or a cell's
   * descriptors name their own root's region, never production's.
   */
  private static void region(List<String[]> missing, Descriptors d, Root r, Job job) {
    String region = r.variable("region");
    if (region.isEmpty()) {
      return; // Azure roots name a location, which the descriptors take from their resource group
    }
    String applied = job.or("AWS_REGION", job.or("REGION", region));
    check(missing, "region", applied, Set.of(region), "the root's region, where the deploy job must roll it out");
    if (d.platform().equals("ecs")) {
      for (JsonNode c : d.trees().get(0).path("containerDefinitions")) {
        for (JsonNode secret : c.path("secrets")) {
          String[] arn = secret.path("valueFrom").asText().split(":");
          check(missing, "secret in region", arn.length > 3 ? arn[3] : "", Set.of(region),
              "the root's region, whose Secrets Manager holds its entries");
        }
        check(missing, "log group region", c.at("/logConfiguration/options/awslogs-region").asText(region),
            Set.of(region), "the root's region, where module runtime creates the log groups");
      }
    }
  }

  /** What ends the names of a module's IAM roles in a root: its {@code name_suffix}, or nothing. */
  private static String suffix(Root r, String module) {
    Object suffix = r.module(module).get("name_suffix");
    return suffix == null ? "" : String.valueOf(suffix);
  }

  /** A role as a deploy job applies the descriptor: what follows {@code kind} replaced by the job's {@code ROLE_SUFFIX}. */
  private static String applied(String role, String kind, Job job) {
    int at = role.lastIndexOf(kind);
    return job.env().isEmpty() || at < 0 ? role : role.substring(0, at + kind.length()) + job.or("ROLE_SUFFIX", "");
  }

  /** The root that holds {@code r}'s global names: the one its local {@code global_resources} names, else itself. */
  static Root globals(Root r, Root.Cache roots) {
    String other = r.local(EndpointsHaveInfrastructure.GLOBAL);
    return other.isEmpty() || other.equals("null") ? r : roots.of(other).orElse(r);
  }

  private static List<String[]> cloudRun(Descriptors d, Root r, Root identities, Job job) {
    List<String[]> missing = new ArrayList<>();
    JsonNode template = d.trees().get(0).at("/spec/template");
    // a callee's URL names the project's number: a deploy job must put it in, in its region's URLs
    if (!job.env().isEmpty()) {
      for (JsonNode env : template.at("/spec/containers").findValues("env").stream().flatMap(e -> e.valueStream())
          .toList()) {
        Matcher url = RUN_URL.matcher(env.path("value").asText());
        if (url.matches() && !url.group(2).chars().allMatch(Character::isDigit)
            && !(url.group(2).equals(job.or("NUMBER_PLACEHOLDER", ""))
                && url.group(3).equals(job.or("DESCRIPTORS_REGION", job.or("REGION", ""))))) {
          missing.add(new String[] {"project number", url.group(2) + " in " + env.path("name").asText(), "the deploy "
              + "job puts its project's number only in place of its NUMBER_PLACEHOLDER (" + job.or("NUMBER_PLACEHOLDER",
              "none") + ") in the URLs of its DESCRIPTORS_REGION (" + job.or("DESCRIPTORS_REGION", job.or("REGION",
              "none")) + "), so the placeholder is deployed"});
        }
      }
    }
    String account = template.at("/spec/serviceAccountName").asText();
    check(missing, "service account", account.contains("@") ? account.substring(0, account.indexOf('@')) : account,
        strings(identities.list("identity", "service_accounts")), "module identity's service_accounts"
            + (identities == r ? "" : " of " + identities.path()));
    if (r.hasRuntime()) {
      check(missing, "VPC connector", template.at("/metadata/annotations")
          .path("run.googleapis.com/vpc-access-connector").asText(), Set.of(r.text("runtime", "connector")),
          "module runtime's connector");
    }
    return missing;
  }

  private static List<String[]> containerApps(Descriptors d, Root r, Job job) {
    List<String[]> missing = new ArrayList<>();
    String group = r.local("name");
    JsonNode app = d.trees().get(0);
    Matcher env = ARM_ID.matcher(app.at("/properties/managedEnvironmentId").asText());
    // the deploy job puts its RESOURCE_GROUP wherever the descriptor names its environment's resource group
    String descriptorGroup = env.find() ? env.group(1) : "";
    String named = job.or("RESOURCE_GROUP", descriptorGroup);
    check(missing, "resource group", named, Set.of(group), "the root's resource group");
    if (r.hasRuntime()) {
      check(missing, "Container Apps environment", env.find(0) ? env.group(2) : "",
          Set.of(r.text("runtime", "environment")), "module runtime's environment");
    }
    Set<String> identities = names(strings(r.list("identity", "deployables")), n -> group + "/" + n);
    app.at("/identity/userAssignedIdentities").fieldNames().forEachRemaining(id -> {
      Matcher m = ARM_ID.matcher(id);
      String in = m.find() ? m.group(1).equals(descriptorGroup) ? named : m.group(1) : "";
      check(missing, "managed identity", in.isEmpty() ? id : in + "/" + m.group(2), identities,
          "module identity's identities, in the root's resource group");
    });
    for (JsonNode secret : app.at("/properties/configuration/secrets")) {
      String url = secret.path("keyVaultUrl").asText();
      Matcher vault = VAULT.matcher(url);
      check(missing, "Key Vault", vault.find() ? job.or("KEY_VAULT", vault.group(1)) : url,
          Set.of(r.text("kms", "name")), "module kms's vault");
    }
    return missing;
  }

  private static void check(List<String[]> missing, String what, String named, Set<String> created, String why) {
    if (!created.contains(named)) {
      missing.add(new String[] {what, named.isEmpty() ? "(none)" : named, why + ": " + String.join(", ", created)});
    }
  }

  private static String role(JsonNode arn) {
    Matcher m = ROLE.matcher(arn.asText());
    return m.find() ? m.group(1) : arn.asText();
  }

  private static Set<String> strings(Collection<?> values) {
    Set<String> set = new TreeSet<>();
    values.forEach(v -> set.add(String.valueOf(v)));
    return set;
  }

  private static Set<String> names(Set<String> deployables, java.util.function.UnaryOperator<String> name) {
    Set<String> set = new TreeSet<>();
    deployables.forEach(d -> set.add(name.apply(d)));
    return set;
  }

}
