package dev.archforge.facts.deploy;

import dev.archforge.decide.capacity.SecretVariables;
import dev.archforge.model.Cloud;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the running system reaches its stateful services and secrets by: the deployment
 * descriptors (Kubernetes manifests, managed-container descriptors, user data) name them and
 * {@code infra/} creates them (a private DNS zone {@value #ZONE} with one record per endpoint, the
 * secret-manager entries of {@link #secretEntries}), so both come from here.
 */
public final class Endpoints {
  /** The private DNS zone of the managed databases, cache and broker. */
  public static final String ZONE = "internal.example";

  /**
   * One database, cache or broker the cluster reaches by name.
   *
   * @param name the record in {@link #ZONE}: the Compose container's name ({@code shop-db})
   * @param users the deployables that reach it, in plan order
   */
  public record Endpoint(String name, String role, String technology, int port, List<String> users) {
    public Endpoint {
      users = List.copyOf(users);
    }

    public String host() {
      return name + "." + ZONE;
    }
  }

  private Endpoints() {}

  /**
   * Every endpoint the deployables' cluster settings name, once each, in the order the deployables
   * first use them; a broker reached through the cloud's API (pub/sub) has no host of its own.
   */
  public static List<Endpoint> of(List<Deployable> deployables) {
    Map<String, Endpoint> byName = new LinkedHashMap<>();
    for (Deployable d : deployables) {
      for (Backing b : d.backing()) {
        if (b.localPort() == 0) {
          continue;
        }
        Endpoint known = byName.get(b.host());
        List<String> users = new ArrayList<>(known == null ? List.of() : known.users());
        users.add(d.name());
        byName.put(b.host(), new Endpoint(b.host(), b.role(), b.technology(), b.clusterPort(), users));
      }
    }
    return List.copyOf(byName.values());
  }

  /**
   * The secret-manager entry holding a deployable's secrets. AWS Secrets Manager and Vault take a
   * path ({@code shop/orders}); Google Secret Manager and Azure Key Vault take neither {@code /} nor
   * {@code .} in a name, so there it is {@code shop--orders}.
   */
  public static String secretKey(Cloud cloud, Deployable d) {
    return secretKey(cloud, d, CloudNames.productionRoot(""));
  }

  /**
   * The entry of {@link #secretKey} that a root of infra/ creates: on AWS its namespace
   * ({@link CloudNames#awsNamespace}: {@code shop-dev/orders} in dev), as entry names are unique in the
   * account and region, which dev, staging and production may share; elsewhere each root has a
   * project or vault of its own.
   */
  public static String secretKey(Cloud cloud, Deployable d, String root) {
    return switch (cloud) {
      case GCP, AZURE -> d.project() + "--" + d.name();
      case AWS -> CloudNames.awsNamespace(d.project(), root) + "/" + d.name();
      default -> d.project() + "/" + d.name();
    };
  }

  /**
   * The secret-manager entries a deployable's secrets are kept in ({@link SecretVariables#entries}, which
   * CAPACITY.md counts): the one entry of
   * {@link #secretKey}, whose JSON keys are the variables (what the External Secrets Operator, ECS,
   * SAM and virtual machines read), or, where the runtime reads an entry whole ({@code perVariable}:
   * Cloud Run and Container Apps), one entry per variable, {@link #variableEntry}.
   */
  public static List<String> secretEntries(Cloud cloud, Deployable d, boolean perVariable, String root) {
    return SecretVariables.entries(d.secrets(), perVariable, secretKey(cloud, d, root), key -> variableEntry(d, key));
  }

  /**
   * The entry of one secret variable where the runtime reads entries whole: {@code orders-db-user}
   * for {@code DB_USER} of {@code orders} (Secret Manager and Key Vault names take hyphens).
   */
  public static String variableEntry(Deployable d, String key) {
    return d.name() + "-" + key.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
