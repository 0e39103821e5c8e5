package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.CapacityMatchesInfraTest.modules;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * infra/README.md states the broker's own size in its service's unit, as the production root creates
 * it: MSK's brokers and their storage (aws), Managed Kafka's vCPU and memory (gcp), Event Hubs'
 * processing units (azure); the root's broker module is read with hcl4j.
 */
class ReadmeBrokerSizeTest {
  /** The size the README's broker row states, from "in production " to the end of the row. */
  static String stated(List<Artifact> all) {
    Matcher m = Pattern.compile("\\| `modules/broker` \\| [^|]*?in production ([^|]+?) \\|")
        .matcher(file(all, "infra/README.md"));
    return m.find() ? m.group(1) : "";
  }

  /** The size the production root's broker module creates, in the README's words. */
  static String created(List<Artifact> all, String cloud) {
    Map<String, Object> broker = modules(file(all, "infra/envs/prod/main.tf")).get("broker");
    return switch (cloud) {
      case "gcp" -> ((Number) broker.get("vcpu_count")).intValue() + " vCPU and "
          + (((Number) broker.get("memory_bytes")).longValue() >> 30) + " GiB of Managed Service for Apache Kafka,"
          + " which Google places in the region's zones";
      case "azure" -> "an Event Hubs " + broker.get("sku") + " namespace of " + ((Number) broker.get("throughput_units"))
          .intValue() + " processing unit(s)";
      default -> ((Number) broker.get("nodes")).intValue() + " " + broker.get("instance_type") + " brokers, one per"
          + " zone, with " + ((Number) broker.get("storage_gb")).intValue() + " GB of storage each";
    };
  }

  @Test
  void theReadmeStatesTheBrokersSizeInEachCloudsUnit() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = render("ecommerce.yaml", cloud, Map.of("deployment", "kubernetes"));
      assertThat(stated(all)).as(cloud).isNotEmpty().isEqualTo(created(all, cloud));
    }
    List<Artifact> aws = render("ecommerce.yaml", "aws", Map.of("deployment", "kubernetes"));
    assertThat(stated(aws)).isEqualTo("3 kafka.m7g.large brokers, one per zone, with 303 GB of storage each");
    List<Artifact> bigger = BackupsReachRecoveryRegionTest.edited(aws, "infra/envs/prod/main.tf",
        "(module \"broker\" \\{\n(?:.*\n)*?  nodes += )3", "$14");
    assertThat(stated(bigger)).isNotEqualTo(created(bigger, "aws"));
  }
}
