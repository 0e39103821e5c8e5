package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.edited;
import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What CAPACITY.md prices is what infra/'s production root creates, at the size it creates it: the
 * Kafka brokers (Amazon MSK), the cache's replica, the databases (one per deployable that owns data,
 * each at the vCPU and with the read replicas infra/ gives it), the Kubernetes clusters and their node
 * pools. The production root is read with hcl4j, as the infra validator reads it; CAPACITY.md's cost
 * table by its rows. (Managed Kafka's and Event Hubs' capacity, the KMS keys, the secret entries, NAT
 * and the load balancers are still priced otherwise than infra/ creates them: issue 22.)
 */
class CapacityMatchesInfraTest {
  private static final String PROD = "infra/envs/prod/main.tf";

  /** Each priced resource whose count in CAPACITY.md differs from the production root's, as "what: priced ≠ created". */
  static List<String> mismatches(List<Artifact> all) {
    String capacity = file(all, "CAPACITY.md");
    String prod = file(all, PROD);
    List<String> found = new ArrayList<>();
    compare(found, "Kafka brokers", first(capacity, "\\| Message broker \\(Kafka\\) \\| (\\d+) brokers"),
        first(prod, "(?s)module \"broker\" \\{.*?\\n  nodes +=\\s*(\\d+)"));
    compare(found, "cache nodes", capacity.contains("| Cache (Redis) |") ? capacity.matches(
        "(?s).*\\| Cache \\(Redis\\) \\| [^|]*\\+ a replica.*") ? "2" : "1" : null,
        first(prod, "(?s)module \"cache\" \\{.*?\\n  nodes +=\\s*(\\d+)"));
    compare(found, "Kubernetes clusters", first(capacity, "\\| Kubernetes control plane \\| (\\d+) cluster"),
        prod.contains("../../modules/runtime-kubernetes\"") ? "1" : null);
    if (prod.contains("../../modules/runtime-kubernetes\"") && !capacity.contains("created by the cluster's Gateway"
        + " controller from deploy/k8s's Gateway (infra/ creates none)")) {
      found.add("load balancer: priced without saying that the Gateway controller creates it");
    }
    found.addAll(sizeMismatches(capacity, prod, ""));
    return found;
  }

  /**
   * The databases and the node pool of one production root against CAPACITY.md's lines of its cell
   * ({@code cell}: the lines' suffix, {@code ", cell eu"}, or empty): per deployable, the database's
   * vCPU and read replicas; the node pool's bounds.
   */
  static List<String> sizeMismatches(String capacity, String root, String cell) {
    Map<String, String> rows = costRows(capacity);
    Map<String, Map<String, Object>> modules = modules(root);
    List<String> found = new ArrayList<>();
    Map<String, String> pricedVcpu = new TreeMap<>();
    Map<String, String> pricedReplicas = new TreeMap<>();
    rows.forEach((component, sizing) -> {
      if (component.equals("Managed database (postgresql)" + cell) || component.equals("Managed database (mysql)" + cell)) {
        pairs(sizing, "([\\w-]+): (\\d+) vCPU = smallest", pricedVcpu);
      }
      if (component.equals("Database read replicas" + cell)) {
        pairs(sizing, "([\\w-]+): (\\d+) = min\\(", pricedReplicas);
      }
    });
    Map<String, String> createdVcpu = new TreeMap<>();
    Map<String, String> createdReplicas = new TreeMap<>();
    modules.forEach((name, args) -> {
      if (name.startsWith("database_")) {
        String deployable = name.substring("database_".length()).replace('_', '-');
        Object instance = args.getOrDefault("instance_class", args.getOrDefault("tier", args.get("sku_name")));
        createdVcpu.put(deployable, String.valueOf(vcpu(String.valueOf(instance))));
        Object replicas = args.get("read_replicas");
        if (replicas != null && number(replicas) > 0) {
          createdReplicas.put(deployable, String.valueOf(number(replicas)));
        }
      }
    });
    compare(found, "databases' vCPU", pricedVcpu.isEmpty() ? null : pricedVcpu.toString(),
        createdVcpu.isEmpty() ? null : createdVcpu.toString());
    compare(found, "databases' read replicas", pricedReplicas.toString(), createdReplicas.toString());
    String pool = rows.entrySet().stream().filter(e -> e.getKey().equals("Compute (Kubernetes worker nodes)" + cell))
        .map(e -> first(e.getValue(), "of the pool of (\\d+–\\d+) infra/ creates")).findFirst().orElse(null);
    String created = modules.values().stream().filter(args -> args.containsKey("min_nodes"))
        .map(args -> number(args.get("min_nodes")) + "–" + number(args.get("max_nodes"))).findFirst().orElse(null);
    compare(found, "node pool", pool, created);
    return found;
  }

  /** The vCPU of a production database class: db.m7g.2xlarge (aws), db-custom-8-30720 (gcp), GP_Standard_D8ds_v5 (azure). */
  static int vcpu(String instance) {
    String custom = first(instance, "^db-custom-(\\d+)-");
    if (custom != null) {
      return Integer.parseInt(custom);
    }
    String azure = first(instance, "^GP_Standard_D(\\d+)ds_v5$");
    if (azure != null) {
      return Integer.parseInt(azure);
    }
    String size = first(instance, "^db\\.m7g\\.(\\d*x?large)$");
    if (size == null) {
      throw new AssertionError("not a production database class: " + instance);
    }
    return switch (size) {
      case "large" -> 2;
      case "xlarge" -> 4;
      default -> 4 * Integer.parseInt(size.replace("xlarge", ""));
    };
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }

  private static void pairs(String text, String regex, Map<String, String> into) {
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      into.put(m.group(1), m.group(2));
    }
  }

  /** CAPACITY.md's cost table: component → sizing. */
  static Map<String, String> costRows(String capacity) {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| ([^|]+?) \\| ([^|]+?) \\| [\\d,.]+ \\| `").matcher(capacity);
    while (m.find()) {
      rows.put(m.group(1), m.group(2));
    }
    return rows;
  }

  /** A root module's module blocks, name → arguments, read by hcl4j. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> modules(String root) {
    try {
      Map<String, Object> parsed = new HCLParser().parse(root, false);
      return (Map<String, Map<String, Object>>) parsed.getOrDefault("module", Map.of());
    } catch (Exception e) {
      throw new AssertionError("infra/ does not parse", e);
    }
  }

  private static void compare(List<String> found, String what, String priced, String created) {
    if (priced == null ? created != null : !priced.equals(created)) {
      found.add(what + ": " + priced + " priced ≠ " + created + " created");
    }
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void onAwsTheBrokersCacheReplicasAndClusterCapacityPricesAreTheOnesInfraCreates() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of());
    assertThat(file(all, PROD)).contains("module \"broker\"").contains("module \"cache\"").contains("read_replicas");
    assertThat(mismatches(all)).isEmpty();
    assertThat(mismatches(edited(all, PROD, "(module \"broker\" \\{\n(?:.*\n)*?  nodes += )3", "$14")))
        .containsExactly("Kafka brokers: 3 priced ≠ 4 created");
    assertThat(mismatches(edited(all, PROD, "read_replicas( +)= 1", "read_replicas$1= 2")))
        .containsExactly("databases' read replicas: {shop=1} priced ≠ {shop=2} created");
    assertThat(mismatches(edited(all, PROD, "(module \"cache\" \\{\n(?:.*\n)*?  nodes += )2", "$11")))
        .containsExactly("cache nodes: 2 priced ≠ 1 created");
  }

  @Test
  void withoutReplicasOrBrokerNothingIsPricedThatInfraDoesNotCreate() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("scaling", "horizontal-autoscaling", "messaging", "none"));
    assertThat(file(all, PROD)).doesNotContain("module \"broker\"");
    assertThat(mismatches(all)).isEmpty();
  }

  /**
   * Every sample on every cloud, as its decisions say and on Kubernetes: each production root (one
   * per cell under dataResidency, against its cell's section) creates the databases and the node pool
   * CAPACITY.md prices.
   */
  @Test
  void everySampleOnEveryCloudCreatesTheDatabasesAndNodesCapacityPrices() {
    List<String> found = new ArrayList<>();
    int roots = 0;
    for (java.nio.file.Path sample : dev.archforge.testing.SamplePlans.samples()) {
      for (String cloud : InfraSamplesTest.CLOUDS) {
        for (Map<String, String> decisions : List.of(Map.<String, String>of(), Map.of("deployment", "kubernetes"))) {
          List<Artifact> all = render(sample.getFileName().toString(), cloud, decisions);
          String capacity = file(all, "CAPACITY.md");
          for (Artifact a : all) {
            Matcher m = Pattern.compile("infra/envs/prod(?:-([\\w-]+))?/main\\.tf").matcher(a.path());
            if (!m.matches()) {
              continue;
            }
            // a cell's root against its section of CAPACITY.md; the second region's root has none
            String priced = m.group(1) == null ? capacity : first(capacity, "(?s)(\\n## Cell " + m.group(1)
                + " — .*?)(?:\\n## |$)");
            if (priced != null) {
              roots++;
              String where = sample.getFileName() + " on " + cloud + " " + decisions + " " + a.path() + ": ";
              sizeMismatches(priced, a.content(), "").forEach(f -> found.add(where + f));
            }
          }
        }
      }
    }
    assertThat(roots).isGreaterThanOrEqualTo(48);
    assertThat(found).isEmpty();
  }

  @Test
  void aDatabaseOrNodePoolSizedOtherwiseThanPricedOrAnUnsaidLoadBalancerIsCaught() {
    List<Artifact> all = render("ecommerce.yaml", "gcp", Map.of("deployment", "kubernetes",
        "scaling", "autoscaling-and-read-replicas"));
    String capacity = file(all, "CAPACITY.md");
    String prod = file(all, PROD);
    assertThat(sizeMismatches(capacity, prod, "")).isEmpty();
    List<Artifact> aws = render("ecommerce.yaml", "aws", Map.of("deployment", "kubernetes"));
    assertThat(mismatches(aws)).isEmpty();
    assertThat(mismatches(edited(aws, "CAPACITY.md", ", created by the cluster's Gateway controller[^|]*", "")))
        .containsExactly("load balancer: priced without saying that the Gateway controller creates it");
    assertThat(sizeMismatches(capacity, prod.replaceFirst("db-custom-8-30720", "db-custom-2-7680"), ""))
        .containsExactly("databases' vCPU: {shop=8} priced ≠ {shop=2} created");
    assertThat(sizeMismatches(capacity, prod.replaceFirst("read_replicas( +)= 1", "read_replicas$1= 3"), ""))
        .containsExactly("databases' read replicas: {shop=1} priced ≠ {shop=3} created");
    assertThat(sizeMismatches(capacity, prod.replaceFirst("max_nodes( +)= (\\d+)", "max_nodes$1= 99"), ""))
        .singleElement().asString().startsWith("node pool: ").endsWith("–99 created");
    assertThat(sizeMismatches(capacity.replaceFirst("1 database\\(s\\)", "2 database(s)").replaceFirst(
        "shop: 8 vCPU = smallest", "shop: 8 vCPU = smallest; orders: 2 vCPU = smallest"), prod, ""))
        .containsExactly("databases' vCPU: {orders=2, shop=8} priced ≠ {shop=8} created");
  }
}
