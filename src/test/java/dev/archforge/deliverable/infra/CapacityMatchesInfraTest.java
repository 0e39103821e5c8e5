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
 * pools; Managed Kafka's vCPU and memory and Event Hubs' processing units; the customer-managed keys,
 * the secret entries and the NAT gateways. The production root is read with hcl4j, as the infra
 * validator reads it (the network module too, for its NAT); CAPACITY.md's cost table by its rows.
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

  /**
   * The counts of one production root against CAPACITY.md's lines: Managed Kafka's vCPU and memory
   * (gcp), Event Hubs' processing units (azure), the keys and secret entries of one production root,
   * and the NAT gateways of its network (from the network module's own file).
   */
  static List<String> countMismatches(String capacity, String root, List<Artifact> all, String cloud) {
    Map<String, String> rows = costRows(capacity);
    Map<String, Map<String, Object>> modules = modules(root);
    List<String> found = new ArrayList<>();
    Map<String, Object> broker = modules.get("broker");
    String kafka = rows.get("Message broker (Kafka)");
    if (cloud.equals("gcp") && (kafka != null || broker != null && broker.containsKey("vcpu_count"))) {
      compare(found, "Managed Kafka", kafka == null ? null : first(kafka, "Apache Kafka: (\\d+ vCPU and \\d+ GiB)"),
          broker == null ? null : number(broker.get("vcpu_count")) + " vCPU and "
              + ((Number) broker.get("memory_bytes")).longValue() / (1L << 30) + " GiB");
    }
    if (cloud.equals("azure") && (kafka != null || broker != null && broker.containsKey("throughput_units"))) {
      compare(found, "Event Hubs processing units", kafka == null ? null : first(kafka, "Premium: (\\d+) processing"),
          broker == null ? null : String.valueOf(number(broker.get("throughput_units"))));
    }
    String keys = rows.get("Encryption keys (KMS)");
    compare(found, "keys", keys == null ? null : first(keys, "= (\\d+) per production root"),
        String.valueOf(keys(modules, cloud)));
    String secrets = rows.get("Secrets");
    compare(found, "secret entries", secrets == null ? null : first(secrets, "= (\\d+) per region"),
        String.valueOf(secretEntries(root)));
    String nat = rows.get("NAT gateways");
    if (modules.containsKey("network")) {
      // no NAT line prices none: a network that creates one unpriced is caught too
      compare(found, "NAT gateways per region", nat == null ? "0" : first(nat, "= (\\d+) per region"),
          String.valueOf(natGateways(file(all, "infra/modules/network/main.tf"))));
    }
    return found;
  }

  /** The standby region's root against CAPACITY.md: its own key, and the secret entries production has. */
  static List<String> standbyMismatches(String capacity, String root, String cloud) {
    Map<String, String> rows = costRows(capacity);
    List<String> found = new ArrayList<>();
    if (!rows.containsKey("Warm standby region")) {
      // active-active's second root serves like production's, priced with it × regions
      return found;
    }
    String keys = rows.get("Encryption keys (KMS)");
    compare(found, "standby root's keys", keys == null ? null : first(keys, "\\+ (\\d+) in the standby region's root"),
        String.valueOf(keys(modules(root), cloud)));
    // gcp's standby keeps replicas of production's entries, which production's root creates
    if (root.contains("module \"secrets\"")) {
      String secrets = rows.get("Secrets");
      compare(found, "standby root's secret entries", secrets == null ? null : first(secrets, "= (\\d+) per region"),
          String.valueOf(secretEntries(root)));
    }
    return found;
  }

  /**
   * The customer-managed keys a root creates: each kms module's, and on aws a key in the recovery region
   * for each database whose backups are replicated there and for the DynamoDB tables' copied backups.
   */
  static int keys(Map<String, Map<String, Object>> modules, String cloud) {
    int keys = 0;
    for (Map.Entry<String, Map<String, Object>> m : modules.entrySet()) {
      Map<String, Object> args = m.getValue();
      if (m.getKey().startsWith("kms")) {
        keys++;
      }
      if (!cloud.equals("aws")) {
        continue;
      }
      if (!String.valueOf(args.getOrDefault("backup_region", "")).isEmpty()
          && String.valueOf(args.get("source")).endsWith("/database")) {
        keys++;
      }
      if (!String.valueOf(args.getOrDefault("copy_region", "")).isEmpty()) {
        keys++;
      }
    }
    return keys;
  }

  /** The secret-manager entries a root creates: its {@code local.secrets}. */
  @SuppressWarnings("unchecked")
  static int secretEntries(String root) {
    try {
      Object locals = new HCLParser().parse(root, false).get("locals");
      Map<String, Object> merged = new LinkedHashMap<>();
      if (locals instanceof Map<?, ?> map) {
        merged.putAll((Map<String, Object>) map);
      } else if (locals instanceof List<?> list) {
        list.forEach(l -> merged.putAll((Map<String, Object>) l));
      }
      Object secrets = merged.get("secrets");
      return secrets instanceof Map<?, ?> entries ? entries.size() : 0;
    } catch (Exception e) {
      throw new AssertionError("infra/ does not parse", e);
    }
  }

  /** The NAT gateways of the network module: AWS's count of aws_nat_gateway, Google's one Cloud NAT each, Azure's NAT gateways. */
  @SuppressWarnings("unchecked")
  static int natGateways(String network) {
    try {
      Map<String, Object> resources = (Map<String, Object>) new HCLParser().parse(network, false)
          .getOrDefault("resource", Map.of());
      if (resources.get("aws_nat_gateway") instanceof Map<?, ?> nat) {
        return number(((Map<String, Object>) nat.get("this")).getOrDefault("count", 1));
      }
      if (resources.get("azurerm_nat_gateway") instanceof Map<?, ?> nat) {
        return nat.size();
      }
      return resources.get("google_compute_router_nat") instanceof Map<?, ?> nat ? nat.size() : 0;
    } catch (Exception e) {
      throw new AssertionError("infra/ does not parse", e);
    }
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
   * per cell under dataResidency, against its cell's section) creates the databases, the node pool,
   * the broker's capacity, the keys, the secret entries and the NAT CAPACITY.md prices; the standby
   * region's root its keys and secret entries.
   */
  @Test
  void everySampleOnEveryCloudCreatesTheDatabasesAndNodesCapacityPrices() {
    List<String> found = new ArrayList<>();
    int roots = 0;
    int standbyRoots = 0;
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
              countMismatches(priced, a.content(), all, cloud).forEach(f -> found.add(where + f));
            } else {
              String where = sample.getFileName() + " on " + cloud + " " + decisions + " " + a.path() + ": ";
              standbyMismatches(capacity, a.content(), cloud).forEach(f -> found.add(where + f));
              standbyRoots++;
            }
          }
        }
      }
    }
    assertThat(roots).isGreaterThanOrEqualTo(48);
    assertThat(standbyRoots).isGreaterThanOrEqualTo(6);
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

  /**
   * The broker in each cloud's own unit, the keys, the secret entries and the NAT, each broken on one
   * side: Managed Kafka's vCPU and memory (gcp), Event Hubs' processing units (azure), a key more or
   * fewer, a secret entry more, a NAT gateway fewer.
   */
  @Test
  void brokerKeysSecretsAndNatOtherwiseThanPricedAreCaught() {
    List<Artifact> gcp = render("ecommerce.yaml", "gcp", Map.of("deployment", "kubernetes"));
    String capacity = file(gcp, "CAPACITY.md");
    String prod = file(gcp, PROD);
    assertThat(prod).contains("vcpu_count   = 3").contains("memory_bytes = 12884901888");
    assertThat(costRows(capacity).get("Message broker (Kafka)")).startsWith("Managed Service for Apache Kafka: 3 vCPU"
        + " and 12 GiB = 3 DCU");
    assertThat(countMismatches(capacity, prod, gcp, "gcp")).isEmpty();
    assertThat(countMismatches(capacity, prod.replace("vcpu_count   = 3", "vcpu_count   = 6"), gcp, "gcp"))
        .containsExactly("Managed Kafka: 3 vCPU and 12 GiB priced ≠ 6 vCPU and 12 GiB created");
    assertThat(countMismatches(capacity, prod.replace("memory_bytes = 12884901888", "memory_bytes = 25769803776"),
        gcp, "gcp")).containsExactly("Managed Kafka: 3 vCPU and 12 GiB priced ≠ 3 vCPU and 24 GiB created");
    // gcp's Cloud NAT: one a region, billed by the nodes behind it
    assertThat(costRows(capacity).get("NAT gateways")).startsWith("1 Cloud NAT gateway(s) = 1 per region");
    List<Artifact> twoNats = edited(gcp, "infra/modules/network/main.tf",
        "(?s)(resource \"google_compute_router_nat\" \"this\" \\{.*?\n\\})", "$1\n\nresource"
            + " \"google_compute_router_nat\" \"other\" {\n  name   = \"other\"\n  router = \"r\"\n}");
    assertThat(countMismatches(capacity, prod, twoNats, "gcp")).containsExactly("NAT gateways per region: 1 priced ≠ 2"
        + " created");

    List<Artifact> azure = render("ecommerce.yaml", "azure", Map.of("deployment", "kubernetes"));
    String azureCapacity = file(azure, "CAPACITY.md");
    String azureProd = file(azure, PROD);
    assertThat(costRows(azureCapacity).get("Message broker (Kafka)")).startsWith("Event Hubs Premium: 1 processing unit");
    assertThat(countMismatches(azureCapacity, azureProd, azure, "azure")).isEmpty();
    assertThat(countMismatches(azureCapacity, azureProd.replaceFirst("throughput_units( +)= 1", "throughput_units$1= 2"),
        azure, "azure")).containsExactly("Event Hubs processing units: 1 priced ≠ 2 created");

    List<Artifact> aws = render("ecommerce.yaml", "aws", Map.of("deployment", "kubernetes"));
    String awsCapacity = file(aws, "CAPACITY.md");
    String awsProd = file(aws, PROD);
    assertThat(countMismatches(awsCapacity, awsProd, aws, "aws")).isEmpty();
    // the environment's key and the database's backup copy's key in the recovery region
    assertThat(costRows(awsCapacity).get("Encryption keys (KMS)")).startsWith("2 keys = 2 per production root");
    assertThat(countMismatches(awsCapacity, awsProd.replaceFirst("backup_region( +)= \"[a-z0-9-]+\"",
        "backup_region$1= \"\""), aws, "aws")).containsExactly("keys: 2 priced ≠ 1 created");
    assertThat(countMismatches(awsCapacity, awsProd.replaceFirst("(?m)^  secrets = \\{\n",
        "  secrets = {\n    \"shop/other\" = \"other\"\n"), aws, "aws"))
        .containsExactly("secret entries: 1 priced ≠ 2 created");
    assertThat(countMismatches(awsCapacity, awsProd, edited(aws, "infra/modules/network/main.tf",
        "(resource \"aws_nat_gateway\" \"this\" \\{\n  count +)= 3", "$1= 1"), "aws"))
        .containsExactly("NAT gateways per region: 3 priced ≠ 1 created");
  }

  /** The standby region's root: its own key (priced apart from production's), and its own copy of the entries. */
  @Test
  void theStandbyRootsKeysAndSecretsArePriced() {
    List<Artifact> all = render("fintech-ledger.yaml", "aws", Map.of());
    String capacity = file(all, "CAPACITY.md");
    String standby = all.stream().filter(a -> a.path().matches("infra/envs/prod-[\\w-]+/main\\.tf")).findFirst()
        .orElseThrow().content();
    assertThat(costRows(capacity).get("Encryption keys (KMS)")).endsWith("+ 1 in the standby region's root");
    assertThat(standbyMismatches(capacity, standby, "aws")).isEmpty();
    assertThat(standbyMismatches(capacity, standby.replace("module \"kms\"", "module \"kms_other\" {\n  source ="
        + " \"../../modules/kms\"\n}\n\nmodule \"kms\""), "aws")).containsExactly("standby root's keys: 1 priced ≠ 2 created");
  }

  /**
   * On Azure only the virtual machines' subnet takes a NAT gateway (new virtual networks get no default
   * outbound access; AKS goes out through its load balancer, Container Apps through the platform):
   * CAPACITY.md prices the one the network creates, and neither side can change alone.
   */
  @Test
  void onAzureTheVirtualMachinesNatGatewayIsPricedAndNoOtherIs() {
    List<Artifact> vm = render("ecommerce.yaml", "azure", Map.of("deployment", "vm"));
    String capacity = file(vm, "CAPACITY.md");
    String prod = file(vm, PROD);
    String network = file(vm, "infra/modules/network/main.tf");
    assertThat(natGateways(network)).isEqualTo(1);
    assertThat(costRows(capacity).get("NAT gateways")).startsWith("1 gateway(s) = 1 per region (one, with its static"
        + " public IP, for the virtual machines' subnet)");
    assertThat(countMismatches(capacity, prod, vm, "azure")).isEmpty();
    List<Artifact> noNat = edited(vm, "infra/modules/network/main.tf",
        "(?s)resource \"azurerm_nat_gateway\" \"this\" \\{.*?\n\\}", "");
    assertThat(countMismatches(capacity, prod, noNat, "azure")).containsExactly("NAT gateways per region: 1 priced"
        + " ≠ 0 created");

    List<Artifact> aks = render("ecommerce.yaml", "azure", Map.of("deployment", "kubernetes"));
    String aksCapacity = file(aks, "CAPACITY.md");
    String aksProd = file(aks, PROD);
    assertThat(costRows(aksCapacity)).doesNotContainKey("NAT gateways");
    assertThat(countMismatches(aksCapacity, aksProd, aks, "azure")).isEmpty();
    List<Artifact> unpriced = edited(aks, "infra/modules/network/main.tf", "(?s)\\z",
        "\nresource \"azurerm_nat_gateway\" \"this\" {\n  name = \"n\"\n}\n");
    assertThat(countMismatches(aksCapacity, aksProd, unpriced, "azure")).containsExactly("NAT gateways per region: 0"
        + " priced ≠ 1 created");
  }
}
