package dev.archforge.deliverable.infra;

import dev.archforge.facts.deploy.Registries;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every image of a deployable that a manifest, descriptor, SAM template
 * or user data of deploy/ names is in the registry that the root of infra/ it deploys into creates
 * (a file in a {@code prod-<jurisdiction>/} folder or a Kubernetes overlay of that name deploys into
 * that root, an overlay of dev or staging into theirs, the others into production); the ci workflow
 * pushes to that same registry; and the runtime identity of the root may pull from it. The registry
 * of a root is read from the arguments the root gives its registry module (facts/deploy/Registries
 * names the same), the pull right from the module that gives it. Holds no claim when infra/ writes
 * no root module.
 */
final class ImagesComeFromRegistry implements CrossValidator {
  static final String NAME = "images-come-from-registry";
  private static final Pattern ROOT = Pattern.compile("infra/envs/([a-z0-9-]+)/main\\.tf");
  /** Each alternative starts with one of i, I, n or (: the lookahead spares the rest of the pattern at every other character. */
  private static final Pattern IMAGE = Pattern.compile("(?=[iIn(])(?:(?:\\bimage|ImageUri|newName)\"?\\s*:\\s*\"?([^\"\\s,]+)"
      + "|\\(image ([^\\s)]+)\\))");
  private static final Pattern CELL_DIR = Pattern.compile("/(prod-[a-z0-9-]+)/");
  private static final Pattern OVERLAY = Pattern.compile("deploy/k8s/overlays/([a-z0-9-]+)/");
  private static final Pattern PUSHES = Pattern.compile("REGISTRIES: \"?([^\"\\n]*)\"?");

  /** A root of infra/: its cloud, the registry it creates and the deployables it has repositories for. */
  private record RegistryRoot(Root root, String name, Cloud cloud, String prefix, List<String> deployables) {
    String path() {
      return root.path();
    }

    String runtime() {
      Object source = root.module("runtime").get("source");
      return source == null ? "" : String.valueOf(source).replace("../../modules/", "");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Map<String, RegistryRoot> roots = new LinkedHashMap<>();
    Root.Cache parsed = new Root.Cache(all);
    for (Artifact a : all) {
      Matcher m = ROOT.matcher(a.path());
      if (m.matches()) {
        parsed.at(a.path()).flatMap(r -> root(r, m.group(1))).ifPresent(r -> roots.put(r.name(), r));
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (roots.isEmpty()) {
      return findings;
    }
    Map<String, String> pulledBy = new LinkedHashMap<>();
    for (Artifact a : all) {
      // Compose builds on a laptop under a local tag (facts/deploy/LocalImages)
      if (a.path().startsWith("deploy/") && !a.path().endsWith(".md") && !a.path().endsWith("docker-compose.yaml")) {
        images(a, roots, findings, pulledBy);
      }
    }
    pushes(all, roots, findings);
    for (Map.Entry<String, String> pulled : pulledBy.entrySet()) {
      pullRight(all, roots.get(pulled.getKey()), pulled.getValue(), findings);
    }
    return findings;
  }

  /** Each deployable's image the file names is in its root's registry; records which file each root pulls for. */
  private static void images(Artifact a, Map<String, RegistryRoot> roots, List<Finding> findings,
      Map<String, String> pulledBy) {
    List<RegistryRoot> candidates = rootsOf(a.path(), roots);
    Matcher m = IMAGE.matcher(a.content());
    while (m.find()) {
      String image = m.group(1) != null ? m.group(1) : m.group(2);
      String repository = image.replaceFirst(":[^:/]*$", "");
      String deployable = repository.substring(repository.lastIndexOf('/') + 1);
      if (candidates.isEmpty() || candidates.stream().noneMatch(r -> r.deployables().contains(deployable))) {
        continue; // not a deployable's image (a sidecar, a database), or a folder no root deploys
      }
      Optional<RegistryRoot> from = candidates.stream().filter(r -> repository.equals(r.prefix() + "/" + deployable))
          .findFirst();
      if (from.isEmpty()) {
        RegistryRoot expected = candidates.get(0);
        findings.add(new Finding(a.path(), 0, "names the image " + image + ", which is not in the registry "
            + expected.path() + " creates (" + expected.prefix() + "/" + deployable + ")", NAME));
      } else {
        pulledBy.putIfAbsent(from.get().name(), a.path());
      }
    }
  }

  /** The roots a file of deploy/ deploys into: its cell's or overlay's, else production's. */
  private static List<RegistryRoot> rootsOf(String path, Map<String, RegistryRoot> roots) {
    Matcher overlay = OVERLAY.matcher(path);
    Matcher cell = CELL_DIR.matcher(path);
    String named = overlay.find() ? overlay.group(1) : cell.find() ? cell.group(1) : "prod";
    if (roots.containsKey(named)) {
      return List.of(roots.get(named));
    }
    if (path.startsWith("deploy/k8s/") && !path.startsWith("deploy/k8s/overlays/")) {
      return List.of(); // under dataResidency the base names no registry: each cell's overlay names its own
    }
    // the production files under dataResidency (the Kubernetes base) name one of the cells' roots
    return named.equals("prod") ? roots.values().stream().filter(r -> r.name().startsWith("prod-")).toList()
        : List.of();
  }

  /** The ci workflow's image job pushes to the registry of every root. */
  private static void pushes(List<Artifact> all, Map<String, RegistryRoot> roots, List<Finding> findings) {
    Optional<Artifact> ci = all.stream().filter(a -> a.path().equals(".github/workflows/ci.yaml")).findFirst();
    if (ci.isEmpty() || !ci.get().content().contains("docker buildx build")) {
      return;
    }
    Matcher m = PUSHES.matcher(ci.get().content());
    List<String> pushes = m.find() ? List.of(m.group(1).trim().split("\\s+")) : List.of();
    for (RegistryRoot r : roots.values()) {
      if (!pushes.contains(r.name() + "=" + r.prefix())) {
        findings.add(new Finding(ci.get().path(), 0, "the image job does not push to the registry " + r.path()
            + " creates (" + r.name() + "=" + r.prefix() + "); it pushes to " + String.join(" ", pushes), NAME));
      }
    }
  }

  /**
   * The identity the root's runtime pulls with may read its registry: the module that gives it the
   * right holds a resource granting it.
   */
  private static void pullRight(List<Artifact> all, RegistryRoot r, String file, List<Finding> findings) {
    if (file.startsWith("deploy/vm/") && r.runtime().isEmpty()) {
      return; // no module creates the machines on this cloud yet (infra/README.md says so): none to grant
    }
    String[] grant = grant(r);
    String module = "infra/modules/" + grant[0] + "/main.tf";
    // a grant is code, not a comment: a resource or an argument of one names it
    boolean granted = all.stream().filter(a -> a.path().equals(module)).findFirst()
        .map(a -> a.content().lines().map(String::strip).filter(l -> !l.startsWith("#"))
            .anyMatch(l -> l.contains(grant[1]))).orElse(false);
    if (!granted) {
      findings.add(new Finding(file, 0, "runs images of " + r.prefix() + ", but " + module + " gives "
          + grant[2] + " no right to pull them (" + grant[1] + ")", NAME));
    }
  }

  /** The module granting a root's runtime identity its pull right, the grant, and whose it is. */
  private static String[] grant(RegistryRoot r) {
    String runtime = r.runtime();
    return switch (r.cloud()) {
      case AWS -> switch (runtime) {
        case "runtime-kubernetes" -> new String[] {runtime, "AmazonEC2ContainerRegistryReadOnly", "the node role"};
        case "runtime-managed-containers" -> new String[] {runtime, "AmazonECSTaskExecutionRolePolicy",
            "the task execution roles"};
        case "runtime-vm" -> new String[] {runtime, "AmazonEC2ContainerRegistryReadOnly", "the machines' roles"};
        default -> new String[] {"registry", "lambda.amazonaws.com", "Lambda"};
      };
      case GCP -> new String[] {"registry", "roles/artifactregistry.reader", "the service accounts"};
      default -> switch (runtime) {
        case "runtime-managed-containers" -> new String[] {runtime, "AcrPull", "the apps' managed identities"};
        case "runtime-vm" -> new String[] {runtime, "AcrPull", "the machines' managed identities"};
        case "runtime-kubernetes" -> new String[] {"registry", "AcrPull", "the cluster's kubelet identity"};
        default -> new String[] {"registry", "AcrPull", "the apps' managed identities"};
      };
    };
  }

  private static Optional<RegistryRoot> root(Root r, String name) {
    if (!(r.parsed().get("provider") instanceof Map<?, ?> providers)) {
      return Optional.empty();
    }
    Map<?, ?> registry = r.module("registry");
    Map<?, ?> identity = r.module("identity");
    String project = String.valueOf(identity.get("project"));
    List<String> deployables = strings(identity.get("deployables"));
    if (providers.containsKey("aws")) {
      // the repositories are <namespace>/<deployable>, the namespace the root hands its registry module
      String host = Registries.of(Cloud.AWS, project, name, r.variable("region")).host();
      return Optional.of(new RegistryRoot(r, name, Cloud.AWS, host + "/" + registry.get("namespace"),
          strings(registry.get("deployables"))));
    }
    if (providers.containsKey("google")) {
      return Optional.of(new RegistryRoot(r, name, Cloud.GCP,
          Registries.of(Cloud.GCP, String.valueOf(registry.get("project")), name, r.variable("region")).prefix(),
          deployables));
    }
    if (providers.containsKey("azurerm")) {
      return Optional.of(new RegistryRoot(r, name, Cloud.AZURE, registry.get("name") + ".azurecr.io/" + project,
          deployables));
    }
    return Optional.empty();
  }

  private static List<String> strings(Object values) {
    List<String> list = new ArrayList<>();
    if (values instanceof Collection<?> c) {
      c.forEach(v -> list.add(String.valueOf(v)));
    }
    return list;
  }
}
