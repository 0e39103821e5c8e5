package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes half of {@value DescriptorsMatchInfrastructure#NAME}: the External Secrets
 * SecretStore each overlay deploys (the base's, with the overlay's and the overlays' it builds on
 * JSON patches applied, as {@code kubectl kustomize} does) reads the secret manager of the root of
 * infra/ of the overlay's name ({@code dev}, {@code staging}, {@code prod}, {@code prod-<cell>}): on
 * AWS, Secrets Manager in the root's region, through the role the identity module creates
 * ({@code <project>-secrets} and its {@code name_suffix}, which the overlays of roots but prod patch in); on Azure the root's Key Vault; on GCP the service account the identity
 * module creates (of the root that holds the project's global resources), in the project the store reads. An overlay that only others build on (prod under
 * cells) has no root and is checked through them.
 */
final class SecretStoresMatch {
  private static final String BASE = "deploy/k8s/base/secretstore.yaml";
  private static final Pattern OVERLAY = Pattern.compile("deploy/k8s/overlays/([^/]+)/kustomization\\.yaml");
  private static final String ROLE_POINTER = "/metadata/annotations/eks.amazonaws.com~1role-arn";
  private static final Pattern GOOGLE_ACCOUNT = Pattern.compile("^([^@]+)@([^.]+)\\.iam\\.gserviceaccount\\.com$");

  private SecretStoresMatch() {}

  static List<Finding> check(List<Artifact> all, Root.Cache roots) {
    List<Manifests.Doc> base = Manifests.all(all.stream().filter(a -> a.path().equals(BASE)).toList());
    Optional<Manifests.Doc> store = base.stream().filter(d -> d.kind().equals("SecretStore")).findFirst();
    Optional<Manifests.Doc> account = base.stream().filter(d -> d.kind().equals("ServiceAccount")).findFirst();
    if (store.isEmpty() || account.isEmpty()) {
      return List.of();
    }
    Map<String, JsonNode> overlays = new HashMap<>();
    for (Artifact a : all) {
      Matcher m = OVERLAY.matcher(a.path());
      if (m.matches()) {
        GeneratedYaml.tree(a).ifPresent(t -> overlays.put(m.group(1), t));
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (String env : overlays.keySet().stream().sorted().toList()) {
      Optional<Root> root = roots.of(env);
      if (root.isEmpty()) {
        continue;
      }
      ObjectNode applied = store.get().node().deepCopy();
      ObjectNode appliedAccount = account.get().node().deepCopy();
      Map<String, String> setBy = new HashMap<>();
      apply(env, overlays, Map.of("SecretStore", applied, "ServiceAccount", appliedAccount), setBy, 0);
      // Google service accounts are global: a root that leaves them to another (gcp's second region) is checked there
      Root identities = DescriptorsMatchInfrastructure.globals(root.get(), roots);
      for (String[] m : missing(applied.path("spec").path("provider"), appliedAccount, root.get(), identities)) {
        findings.add(new Finding(setBy.getOrDefault(m[0], BASE), 0, "the SecretStore " + store.get().name()
            + " as overlay " + env + " applies it reads " + m[1] + ", which " + root.get().path()
            + " does not create (" + m[2] + ")", DescriptorsMatchInfrastructure.NAME));
      }
    }
    return findings;
  }

  /** {pointer, what the store names, what the root creates} for each name the root does not create. */
  private static List<String[]> missing(JsonNode provider, JsonNode account, Root r, Root identities) {
    List<String[]> missing = new ArrayList<>();
    JsonNode annotations = account.path("metadata").path("annotations");
    if (provider.has("azurekv")) {
      String url = provider.path("azurekv").path("vaultUrl").asText();
      String vault = url.replaceFirst("^https://([^.]+)\\.vault\\.azure\\.net/?$", "$1");
      if (!vault.equals(r.text("kms", "name"))) {
        missing.add(new String[] {"/spec/provider/azurekv/vaultUrl", "the Key Vault " + url,
            "module kms's vault: " + r.text("kms", "name")});
      }
    } else if (provider.has("aws")) {
      String region = provider.path("aws").path("region").asText();
      if (!region.equals(r.variable("region"))) {
        missing.add(new String[] {"/spec/provider/aws/region", "Secrets Manager in " + region,
            "the root's region: " + r.variable("region")});
      }
      String role = annotations.path("eks.amazonaws.com/role-arn").asText().replaceFirst("^.*:role/", "");
      Object suffix = r.module("identity").get("name_suffix");
      String created = r.text("identity", "project") + "-secrets" + (suffix == null ? "" : suffix);
      if (!role.equals(created)) {
        missing.add(new String[] {ROLE_POINTER, "through the role " + role,
            "module identity's <project>-secrets<name_suffix>: " + created});
      }
    } else if (provider.has("gcpsm")) {
      Matcher m = GOOGLE_ACCOUNT.matcher(annotations.path("iam.gke.io/gcp-service-account").asText());
      String project = identities.text("identity", "project");
      String created = (project + "-secrets").substring(0, Math.min(30, project.length() + 8));
      String projectId = provider.path("gcpsm").path("projectID").asText();
      if (!m.matches() || !m.group(1).equals(created) || !m.group(2).equals(projectId)) {
        missing.add(new String[] {"", "project " + projectId + " as the service account "
            + annotations.path("iam.gke.io/gcp-service-account").asText(),
            "module identity's <project>-secrets in the store's project: " + created + "@" + projectId});
      }
    }
    return missing;
  }

  /**
   * Applies the JSON patches of {@code env} and of the overlays it builds on, those first, on the
   * SecretStore and its ServiceAccount ({@code nodes}, by kind).
   */
  private static void apply(String env, Map<String, JsonNode> overlays, Map<String, ObjectNode> nodes,
      Map<String, String> setBy, int depth) {
    JsonNode overlay = overlays.get(env);
    if (overlay == null || depth > overlays.size()) {
      return;
    }
    for (JsonNode resource : overlay.path("resources")) {
      if (resource.asText().matches("\\.\\./[^/.][^/]*")) {
        apply(resource.asText().substring(3), overlays, nodes, setBy, depth + 1);
      }
    }
    for (JsonNode patch : overlay.path("patches")) {
      ObjectNode store = nodes.get(patch.path("target").path("kind").asText());
      String name = store == null ? "" : store.path("metadata").path("name").asText();
      if (store == null || !patch.path("target").path("name").asText(name).equals(name)) {
        continue;
      }
      // a patch that does not parse has nothing here: the Kubernetes validators report it
      for (JsonNode op : GeneratedYaml.tree(patch.path("patch").asText()).orElse(MissingNode.getInstance())) {
        String path = op.path("path").asText();
        int last = path.lastIndexOf('/');
        if (op.path("op").asText().equals("replace") && last > 0 && store.at(path.substring(0, last)) instanceof
            ObjectNode parent) {
          parent.set(path.substring(last + 1).replace("~1", "/").replace("~0", "~"), op.path("value"));
          setBy.put(path, "deploy/k8s/overlays/" + env + "/kustomization.yaml");
        }
      }
    }
  }
}
