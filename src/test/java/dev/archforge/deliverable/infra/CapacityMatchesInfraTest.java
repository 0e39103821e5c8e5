package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.edited;
import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What CAPACITY.md prices is what infra/'s production root creates, at the size it creates it: the
 * Kafka brokers (Amazon MSK), the cache's replica, the databases' read replicas, the Kubernetes
 * clusters. (The database's vCPU, Managed Kafka's and Event Hubs' capacity, the worker nodes and the
 * KMS keys and secret entries are priced otherwise than infra/ sizes them: the report of issue 22 lists them.)
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
    compare(found, "database read replicas", or0(first(capacity, "\\| Database read replicas \\| (\\d+) replica")),
        or0(first(prod, "read_replicas +=\\s*(\\d+)")));
    compare(found, "cache nodes", capacity.contains("| Cache (Redis) |") ? capacity.matches(
        "(?s).*\\| Cache \\(Redis\\) \\| [^|]*\\+ a replica.*") ? "2" : "1" : null,
        first(prod, "(?s)module \"cache\" \\{.*?\\n  nodes +=\\s*(\\d+)"));
    compare(found, "Kubernetes clusters", first(capacity, "\\| Kubernetes control plane \\| (\\d+) cluster"),
        prod.contains("../../modules/runtime-kubernetes\"") ? "1" : null);
    return found;
  }

  private static void compare(List<String> found, String what, String priced, String created) {
    if (priced == null ? created != null : !priced.equals(created)) {
      found.add(what + ": " + priced + " priced ≠ " + created + " created");
    }
  }

  private static String or0(String count) {
    return count == null ? "0" : count;
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
        .containsExactly("database read replicas: 1 priced ≠ 2 created");
    assertThat(mismatches(edited(all, PROD, "(module \"cache\" \\{\n(?:.*\n)*?  nodes += )2", "$11")))
        .containsExactly("cache nodes: 2 priced ≠ 1 created");
  }

  @Test
  void withoutReplicasOrBrokerNothingIsPricedThatInfraDoesNotCreate() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("scaling", "horizontal-autoscaling", "messaging", "none"));
    assertThat(file(all, PROD)).doesNotContain("module \"broker\"");
    assertThat(mismatches(all)).isEmpty();
  }
}
