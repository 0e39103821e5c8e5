package dev.archforge.deliverable.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: the pipeline runs every check the workspace promises — {@code
 * archforge check} and {@code validate}; the migrations on a throwaway database when there are
 * any; the breaking-change gate when there are contracts; an image with SBOM, provenance and a
 * signature for every Dockerfile; and a deploy job in a GitHub environment for every Kustomize
 * overlay, into the overlay's namespace; under managed containers, a deploy job in every
 * environment that rolls out each deployable of the platform's descriptor folder; on virtual machines
 * whose instance groups infra/ creates, the same for the user data of {@code deploy/vm/}.
 */
final class PipelineRunsPromisedChecks implements CrossValidator {
  static final String NAME = "pipeline-runs-promised-checks";
  private static final Pattern DESCRIPTOR = Pattern.compile(
      "(deploy/(?:ecs|cloudrun|containerapps))/([a-z0-9-]+)\\.(?:task-definition\\.json|service\\.yaml|containerapp\\.yaml)");
  private static final Pattern USER_DATA = Pattern.compile("(deploy/vm)/([a-z0-9-]+)\\.cloud-init\\.yaml");
  /** The module that creates instance groups from deploy/vm/'s user data, which the deploy then rolls. */
  static final String VM_RUNTIME = "infra/modules/runtime-vm/main.tf";
  private static final Pattern OVERLAY = Pattern.compile("deploy/k8s/overlays/([^/]+)/kustomization\\.yaml");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<JsonNode> ci = tree(all, WorkflowsDeliverable.CI);
    if (ci.isEmpty()) {
      return List.of();
    }
    String path = WorkflowsDeliverable.CI;
    List<String> runs = new ArrayList<>();
    List<String> images = new ArrayList<>();
    boolean databaseService = false;
    for (Map.Entry<String, JsonNode> job : ci.get().path("jobs").properties()) {
      job.getValue().path("steps").forEach(step -> runs.add(step.path("run").asText("")));
      databaseService |= job.getValue().path("services").size() > 0;
      job.getValue().at("/strategy/matrix/include").forEach(entry -> {
        if (entry.has("dockerfile")) {
          images.add(entry.path("dockerfile").asText());
        }
      });
    }
    String script = String.join("\n", runs);
    List<Finding> findings = new ArrayList<>();
    require(script.contains(" check "), "no step runs archforge check", path, findings);
    require(script.contains(" validate "), "no step runs archforge validate", path, findings);
    boolean migrations = all.stream().anyMatch(a -> a.path().matches("db/[^/]+/migrations/[^/]+\\.sql"));
    if (migrations) {
      require(databaseService && script.contains(" --db "), "the workspace has migrations, but no job applies them"
          + " to a throwaway database (a service container and validate --db)", path, findings);
    }
    boolean contracts = all.stream().anyMatch(a -> a.path().startsWith("api/"));
    if (contracts) {
      require(script.contains("--fail-on-breaking"), "the workspace has API contracts, but no step runs the"
          + " breaking-change gate (--fail-on-breaking)", path, findings);
    }
    for (Artifact a : all) {
      String deployable = Layout.dockerfileOf(a.path());
      if (deployable != null && images.stream().noneMatch(d -> d.endsWith("/" + a.path()))) {
        findings.add(new Finding(path, 0, "no job builds the image of " + a.path(), NAME));
      }
    }
    if (!images.isEmpty()) {
      require(script.contains("--sbom=true") && script.contains("--provenance="), "the images are built without an"
          + " SBOM and provenance", path, findings);
      require(script.toLowerCase(java.util.Locale.ROOT).contains("cosign") && script.contains(" sign "), "the images are not signed", path, findings);
    }
    deploys(all, findings);
    descriptorDeploys(all, findings);
    return findings;
  }

  private static void deploys(List<Artifact> all, List<Finding> findings) {
    JsonNode deploy = tree(all, WorkflowsDeliverable.DEPLOY).orElse(null);
    Map<String, String> namespaces = new java.util.HashMap<>();
    Map<String, String> bases = new java.util.HashMap<>();
    Map<String, JsonNode> images = new java.util.HashMap<>();
    for (Artifact a : all) {
      Matcher m = OVERLAY.matcher(a.path());
      if (m.matches()) {
        JsonNode k = tree(List.of(a), a.path()).orElse(null);
        namespaces.put(m.group(1), k == null ? "" : k.path("namespace").asText(""));
        if (k != null && k.has("images")) {
          images.put(m.group(1), k.path("images"));
        }
        if (k != null) {
          k.path("resources").forEach(r -> {
            if (r.asText().matches("\\.\\./[^/]+")) {
              bases.put(m.group(1), r.asText().substring(3));
            }
          });
        }
      }
    }
    List<Manifests.Doc> base = Manifests.all(all.stream().filter(x -> x.path().startsWith("deploy/k8s/base/")).toList());
    for (Artifact a : all) {
      Matcher m = OVERLAY.matcher(a.path());
      if (!m.matches()) {
        continue;
      }
      String env = m.group(1);
      String overlay = a.path().substring(0, a.path().lastIndexOf('/'));
      String namespace = namespaces.get(env);
      if (namespace.isEmpty() && bases.containsKey(env)) {
        namespace = namespaces.getOrDefault(bases.get(env), "");
      }
      JsonNode job = null;
      if (deploy != null) {
        for (Map.Entry<String, JsonNode> j : deploy.path("jobs").properties()) {
          if (env.equals(j.getValue().path("environment").asText())) {
            job = j.getValue();
          }
        }
      }
      // an overlay another overlay builds on (prod under the cells' prod-<jurisdiction>) is deployed through them,
      // unless a job of its own deploys it too (prod, under backup-dr's second region's overlay)
      if (job == null && bases.containsValue(env)) {
        continue;
      }
      if (job == null) {
        findings.add(new Finding(WorkflowsDeliverable.DEPLOY, 0, "no deploy job runs in the GitHub environment "
            + env + " for the overlay " + overlay, NAME));
        continue;
      }
      JsonNode env0 = job.at("/steps").findValue("env");
      String applied = env0 == null ? "" : env0.path("OVERLAY").asText("");
      String into = env0 == null ? "" : env0.path("NAMESPACE").asText("");
      if (!applied.equals(overlay) || !into.equals(namespace)) {
        findings.add(new Finding(WorkflowsDeliverable.DEPLOY, 0, "the " + env + " deploy applies " + applied
            + " into namespace " + into + "; the overlay is " + overlay + " with namespace " + namespace, NAME));
      }
      JsonNode step = env0;
      for (Manifests.Doc d : base) {
        if (d.kind().equals("Deployment")) {
          d.node().at("/spec/template/spec/containers").forEach(c -> {
            String image = overridden(c.path("image").asText(), images.get(env),
                images.get(bases.getOrDefault(env, "")));
            if (!replaces(step, d.name(), image)) {
              findings.add(new Finding(WorkflowsDeliverable.DEPLOY, 0, "the " + env + " deploy does not replace the"
                  + " image " + image + " of Deployment " + d.name() + " with the one built from the commit", NAME));
            }
          });
        }
      }
    }
  }

  /**
   * Managed containers: every environment has a deploy job that rolls out the platform's descriptor
   * folder, and replaces the image of every deployable a descriptor there runs.
   */
  private static void descriptorDeploys(List<Artifact> all, List<Finding> findings) {
    Map<String, java.util.Set<String>> folders = new java.util.TreeMap<>();
    boolean groups = all.stream().anyMatch(a -> a.path().equals(VM_RUNTIME));
    for (Artifact a : all) {
      Matcher m = DESCRIPTOR.matcher(a.path());
      Matcher u = USER_DATA.matcher(a.path());
      if (m.matches()) {
        folders.computeIfAbsent(m.group(1), k -> new java.util.TreeSet<>()).add(m.group(2));
      } else if (groups && u.matches()) {
        folders.computeIfAbsent(u.group(1), k -> new java.util.TreeSet<>()).add(u.group(2));
      }
    }
    if (folders.isEmpty()) {
      return;
    }
    JsonNode deploy = tree(all, WorkflowsDeliverable.DEPLOY).orElse(null);
    for (Map.Entry<String, java.util.Set<String>> folder : folders.entrySet()) {
      for (String env : WorkflowsViews.ENVIRONMENTS) {
        JsonNode step = null;
        if (deploy != null) {
          for (Map.Entry<String, JsonNode> j : deploy.path("jobs").properties()) {
            JsonNode e = j.getValue().at("/steps").findValue("env");
            if (env.equals(j.getValue().path("environment").asText()) && e != null
                && folder.getKey().equals(e.path("DESCRIPTORS").asText())) {
              step = e;
            }
          }
        }
        if (step == null) {
          findings.add(new Finding(WorkflowsDeliverable.DEPLOY, 0, "no deploy job runs in the GitHub environment "
              + env + " for the descriptors of " + folder.getKey(), NAME));
          continue;
        }
        List<String> replaced = List.of(step.path("DEPLOYABLES").asText("").split(" "));
        for (String deployable : folder.getValue()) {
          if (!replaced.contains(deployable)) {
            findings.add(new Finding(WorkflowsDeliverable.DEPLOY, 0, "the " + env + " deploy does not roll out "
                + deployable + " of " + folder.getKey() + " with the image built from the commit", NAME));
          }
        }
      }
    }
  }

  /**
   * Whether a deploy step replaces {@code image} of a deployable with this commit's: the step names
   * the deployable, and the image is in the registry its files name ({@code NAMED}, else its own
   * {@code REGISTRY}) at the tag they carry ({@code VERSION}).
   */
  private static boolean replaces(JsonNode step, String deployable, String image) {
    if (step == null) {
      return false;
    }
    String named = step.path("NAMED").asText(step.path("REGISTRY").asText(""));
    return List.of(step.path("DEPLOYABLES").asText("").split(" ")).contains(deployable)
        && image.equals(named + "/" + deployable + ":" + step.path("VERSION").asText(""));
  }

  /** The image a container runs once an overlay's kustomize {@code images} (then its base's) apply. */
  private static String overridden(String image, JsonNode overlay, JsonNode base) {
    int colon = image.lastIndexOf(':');
    String name = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    String tag = colon > image.lastIndexOf('/') ? image.substring(colon) : "";
    for (JsonNode images : new JsonNode[] {overlay, base}) {
      if (images != null) {
        for (JsonNode i : images) {
          if (name.equals(i.path("name").asText())) {
            return i.path("newName").asText(name) + tag;
          }
        }
      }
    }
    return image;
  }

  private static void require(boolean ok, String message, String path, List<Finding> findings) {
    if (!ok) {
      findings.add(new Finding(path, 0, message, NAME));
    }
  }

  private static Optional<JsonNode> tree(List<Artifact> all, String path) {
    for (Artifact a : all) {
      if (a.path().equals(path)) {
        return GeneratedYaml.tree(a); // shared: read only; empty when it does not parse (its validator reports it)
      }
    }
    return Optional.empty();
  }
}
