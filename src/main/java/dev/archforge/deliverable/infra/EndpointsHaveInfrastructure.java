package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.facts.ParsedHcl;
import dev.archforge.facts.SharedKinds;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Coherence rule {@value #NAME}: every endpoint a deployment descriptor names is one the
 * infrastructure creates. A managed-container descriptor's or SAM template's hosts of
 * {@link Endpoints#ZONE} and the secret entries it reads are created by every root. Each host of {@link Endpoints#ZONE} in a ConfigMap is a record of the
 * {@code dns} module in every environment's root module ({@code infra/envs/<env>/main.tf}), and
 * each secret entry an ExternalSecret reads, as the overlay of its environment patches it, is one of its
 * {@code secrets}. On virtual machines whose
 * instance groups infra/ creates, the same holds for each host in the environment file of
 * deploy/vm/'s user data (a data store, or a callee's name for the internal load balancer), and the
 * secret entry its secrets script reads is one of the root's (on AWS with the root's namespace in place of
 * the project, as its deploy job and overlay put it in). A root whose local {@value #GLOBAL} names
 * another (the second region's on gcp, in production's project) resolves that root's records and reads
 * its secret entries. Holds
 * no claim when {@code infra/} writes no root module (no cloud chosen, or the blueprint leaves infra out).
 */
final class EndpointsHaveInfrastructure implements CrossValidator {
  static final String NAME = "endpoints-have-infrastructure";
  private static final Pattern HOST = Pattern.compile("([a-z0-9][a-z0-9-]*)\\." + Pattern.quote(Endpoints.ZONE));
  /** The secret a user data's secrets script reads from the cloud's store ({@code --secret-id} on AWS). */
  private static final Pattern SECRET = Pattern.compile("(?m)(?:--secret-id |^\\s*secret=)([A-Za-z0-9/_-]+)");
  /** The managed-container descriptors and SAM templates of deploy/. */
  private static final List<String> DESCRIPTORS = Stream.concat(Stream.of(Cloud.values())
      .map(Layout::managedContainers), Stream.of(Layout.SAM)).distinct().toList();
  /** A secret entry a descriptor reads: an AWS Secrets Manager ARN, a Cloud Run secretKeyRef, a Key Vault secret URL. */
  private static final Pattern DESCRIPTOR_SECRET = Pattern.compile("arn:aws:secretsmanager:[^:\"]*:[^:\"]*:secret:"
      + "([^:\"]+)|secretKeyRef:\\s*name:\\s*\"?([A-Za-z0-9_-]+)|\\.vault\\.azure\\.net/secrets/([A-Za-z0-9-]+)");
  private static final Pattern ROOT = Pattern.compile(Pattern.quote(InfraDeliverable.ROOT) + "envs/[^/]+/main\\.tf");

  /** The local of a root that leaves the project's global resources (zone, secret entries) to another root. */
  static final String GLOBAL = "global_resources";

  /**
   * What one root module creates: the zone's record names and the secret entries.
   *
   * @param global the root whose zone and secret entries it uses instead ({@value #GLOBAL}); empty for its own
   */
  private record Created(String path, Set<String> records, Set<String> secrets, String global, String project,
      String namespace) {
    /**
     * Whether the root creates the entry a file names, as its deploy puts it in: on AWS the files name
     * production's entries, {@code <project>/<deployable>}, and the deploy job (or, on Kubernetes, the
     * overlay) puts the root's namespace in place of the project (facts/deploy/CloudNames).
     */
    boolean hasSecret(String entry) {
      return secrets.contains(entry) || !namespace.isEmpty() && entry.startsWith(project + "/")
          && secrets.contains(namespace + entry.substring(project.length()));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Created> own = new ArrayList<>();
    for (Artifact a : all) {
      if (ROOT.matcher(a.path()).matches()) {
        own.add(created(a));
      }
    }
    if (own.isEmpty()) {
      return List.of();
    }
    List<Created> roots = own.stream().map(r -> r.global().isEmpty() ? r : own.stream().filter(o -> o.path().equals(
        InfraDeliverable.ROOT + "envs/" + r.global() + "/main.tf")).findFirst().map(o -> new Created(r.path(),
        o.records(), o.secrets(), r.global(), o.project(), o.namespace())).orElse(r)).toList();
    List<Finding> findings = new ArrayList<>();
    Map<String, Map<String, String>> patched = new java.util.HashMap<>();
    roots.forEach(r -> patched.put(r.path(), overlayKeys(all, r)));
    for (Manifests.Doc doc : Manifests.all(all.stream().filter(a -> a.kind().equals(SharedKinds.KUBERNETES)).toList())) {
      if (doc.kind().equals("ConfigMap")) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.node().path("data").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          Matcher host = HOST.matcher(e.getValue().asText());
          while (host.find()) {
            for (Created root : roots) {
              if (!root.records().contains(host.group(1))) {
                findings.add(doc.finding("/data/" + e.getKey(), "ConfigMap " + doc.name() + " points " + e.getKey()
                    + " at " + host.group() + ", which " + root.path() + " does not create (no record "
                    + host.group(1) + " in the dns module's zone " + Endpoints.ZONE + ")", NAME));
              }
            }
          }
        }
      } else if (doc.kind().equals("ExternalSecret")) {
        JsonNode data = doc.node().at("/spec/data");
        for (int i = 0; i < data.size(); i++) {
          String base = data.get(i).at("/remoteRef/key").asText();
          for (Created root : roots) {
            // the key as the overlay of the root's environment patches it, if it does
            String key = patched.get(root.path()).getOrDefault(doc.name() + "/spec/data/" + i + "/remoteRef/key", base);
            if (!root.secrets().contains(key)) {
              findings.add(doc.finding("/spec/data/" + i + "/remoteRef/key", "ExternalSecret " + doc.name()
                  + " reads the secret entry " + key + ", which " + root.path() + " does not create", NAME));
            }
          }
        }
      }
    }
    all.stream().filter(a -> DESCRIPTORS.stream().anyMatch(a.path()::startsWith)).forEach(a -> descriptor(a, roots, findings));
    if (all.stream().anyMatch(a -> a.path().equals(InfraDeliverable.ROOT + "modules/runtime-vm/main.tf"))) {
      all.stream().filter(a -> a.path().startsWith(Layout.VM) && a.path().endsWith(".cloud-init.yaml"))
          .forEach(a -> userData(a, roots, findings));
    }
    return findings.stream().distinct().toList();
  }

  /**
   * The keys the Kubernetes overlay of a root's environment ({@code deploy/k8s/overlays/<env>/}) puts in
   * its ExternalSecrets, by {@code <name>/spec/data/<i>/remoteRef/key}; none without the overlay.
   */
  private static Map<String, String> overlayKeys(List<Artifact> all, Created root) {
    String env = root.path().substring((InfraDeliverable.ROOT + "envs/").length(), root.path().lastIndexOf('/'));
    Map<String, String> keys = new java.util.HashMap<>();
    all.stream().filter(a -> a.path().equals(Layout.K8S + "overlays/" + env + "/kustomization.yaml")).findFirst()
        .ifPresent(a -> {
          // an overlay or a patch that does not parse has nothing here: its validator reports it
          for (JsonNode patch : GeneratedYaml.node(a).path("patches")) {
            if (patch.at("/target/kind").asText().equals("ExternalSecret")) {
              for (JsonNode op : GeneratedYaml.tree(patch.path("patch").asText()).orElse(MissingNode.getInstance())) {
                keys.put(patch.at("/target/name").asText() + op.path("path").asText(), op.path("value").asText());
              }
            }
          }
        });
    return keys;
  }

  /**
   * The hosts a managed-container descriptor or a SAM template names, and the secret entries it
   * reads: an ARN of AWS Secrets Manager, a Cloud Run {@code secretKeyRef}, a Key Vault secret URL.
   */
  private static void descriptor(Artifact a, List<Created> roots, List<Finding> findings) {
    String text = a.content();
    Matcher host = HOST.matcher(text);
    while (host.find()) {
      for (Created root : roots) {
        if (!root.records().contains(host.group(1))) {
          findings.add(new Finding(a.path(), InfraValidator.lineAt(text, host.start()), "names " + host.group()
              + ", which " + root.path() + " does not create (no record " + host.group(1) + " in the dns module's zone "
              + Endpoints.ZONE + ")", NAME));
        }
      }
    }
    Matcher secret = DESCRIPTOR_SECRET.matcher(text);
    while (secret.find()) {
      // an IAM policy's ARN ends in -* for the six characters Secrets Manager appends to the name
      String entry = secret.group(1) != null ? secret.group(1).replaceFirst("-?\\*$", "")
          : secret.group(2) != null ? secret.group(2) : secret.group(3);
      for (Created root : roots) {
        if (!root.hasSecret(entry)) {
          findings.add(new Finding(a.path(), InfraValidator.lineAt(text, secret.start()), "reads the secret entry "
              + entry + ", which " + root.path() + " does not create", NAME));
        }
      }
    }
  }

  /** The hosts of the environment files a cloud-init user data writes. */
  private static void userData(Artifact a, List<Created> roots, List<Finding> findings) {
    for (JsonNode file : GeneratedYaml.node(a).path("write_files")) {
      Matcher secret = SECRET.matcher(file.path("content").asText());
      while (secret.find()) {
        for (Created root : roots) {
          if (!root.hasSecret(secret.group(1))) {
            findings.add(new Finding(a.path(), 0, "user data reads the secret entry " + secret.group(1) + ", which "
                + root.path() + " does not create", NAME));
          }
        }
      }
      if (!file.path("path").asText().endsWith(".env")) {
        continue;
      }
      for (String line : file.path("content").asText().split("\n")) {
        Matcher host = HOST.matcher(line);
        while (host.find()) {
          for (Created root : roots) {
            if (!root.records().contains(host.group(1))) {
              findings.add(new Finding(a.path(), 0, "user data sets " + line.substring(0, Math.max(0, line.indexOf('=')))
                  + " to " + host.group() + ", which " + root.path() + " does not create (no record " + host.group(1)
                  + " in the dns module's zone " + Endpoints.ZONE + ")", NAME));
            }
          }
        }
      }
    }
  }

  private static Created created(Artifact root) {
    Set<String> records = new TreeSet<>();
    Set<String> secrets = new TreeSet<>();
    String global = "";
    String project = "";
    String namespace = "";
    // a file that does not parse creates nothing here; the opentofu validator reports it
    Map<String, Object> parsed = ParsedHcl.parsed(root).orElse(Map.of());
    if (parsed.get("module") instanceof Map<?, ?> modules && modules.get("dns") instanceof Map<?, ?> dns
        && dns.get("records") instanceof Map<?, ?> map && Endpoints.ZONE.equals(dns.get("zone"))) {
      map.keySet().forEach(k -> records.add(String.valueOf(k)));
      // Azure's A records: the internal load balancers of virtual machines
      if (dns.get("addresses") instanceof Map<?, ?> addresses) {
        addresses.keySet().forEach(k -> records.add(String.valueOf(k)));
      }
    }
    if (parsed.get("locals") instanceof Map<?, ?> locals && locals.get("secrets") instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> secrets.add(String.valueOf(k)));
    }
    if (parsed.get("locals") instanceof Map<?, ?> locals && locals.get(GLOBAL) instanceof String other) {
      global = other;
    }
    if (parsed.get("module") instanceof Map<?, ?> modules && modules.get("registry") instanceof Map<?, ?> registry
        && registry.get("namespace") instanceof String named) {
      project = String.valueOf(registry.get("project"));
      namespace = named;
    }
    return new Created(root.path(), records, secrets, global, project, namespace);
  }
}
