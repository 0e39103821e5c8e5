package dev.archforge.deliverable.infra;

import dev.archforge.model.Cloud;

/**
 * What each cloud calls the sizes archforge picks: database instance classes by vCPU, cache sizes
 * by memory, node types, the default region. The names are the providers' own (AWS RDS instance
 * classes, Cloud SQL custom tiers, Azure flexible-server SKUs).
 */
final class Clouds {

  private Clouds() {}

  static String region(Cloud cloud) {
    return switch (cloud) {
      case GCP -> "us-central1";
      case AZURE -> "eastus";
      default -> "us-east-1";
    };
  }

  /** The instance class of a production database of {@code vcpu}; {@code small}: dev and staging. */
  static String database(Cloud cloud, String engine, int vcpu, boolean small) {
    return switch (cloud) {
      case GCP -> small ? "db-custom-2-7680" : "db-custom-" + vcpu + "-" + vcpu * 3840;
      case AZURE -> small ? "B_Standard_B2s" : "GP_Standard_D" + vcpu + "ds_v5";
      default -> small ? "db.t4g.medium" : "db.m7g." + awsSize(vcpu);
    };
  }

  /** The cache size: a node type (AWS), a memory size (GCP, in {@code capacity}), a SKU capacity (Azure). */
  static String cache(Cloud cloud, int memoryGb, boolean small) {
    return switch (cloud) {
      case GCP -> small ? "BASIC" : "STANDARD_HA";
      case AZURE -> small ? "Standard" : "Premium";
      default -> small ? "cache.t4g.small" : "cache.r7g." + awsMemory(memoryGb);
    };
  }

  /** Azure Cache for Redis capacity: C1 for small, else the smallest Premium P size holding {@code memoryGb}. */
  static int azureCacheCapacity(int memoryGb, boolean small) {
    int[] premium = {6, 13, 26, 53, 120};
    if (small) {
      return 1;
    }
    for (int i = 0; i < premium.length; i++) {
      if (premium[i] >= memoryGb) {
        return i + 1;
      }
    }
    return premium.length;
  }

  /** The node type of {@link dev.archforge.decide.capacity.NodePool}'s size (4 vCPU, 16 GiB). */
  static String node(Cloud cloud) {
    return switch (cloud) {
      case GCP -> "e2-standard-4";
      case AZURE -> "Standard_D4s_v5";
      default -> "m7g.xlarge";
    };
  }

  static String broker(Cloud cloud, String technology, boolean small) {
    if (technology.equals("rabbitmq")) {
      return small ? "mq.t3.micro" : "mq.m5.large";
    }
    return switch (cloud) {
      case AZURE -> small ? "Standard" : "Premium";
      case GCP -> "";
      default -> small ? "kafka.t3.small" : "kafka.m7g.large";
    };
  }

  private static String awsSize(int vcpu) {
    return switch (vcpu) {
      case 2 -> "large";
      case 4 -> "xlarge";
      default -> (vcpu / 4) + "xlarge";
    };
  }

  /** The smallest r7g node holding {@code memoryGb}: large 13 GB, xlarge 26, 2xlarge 52, 4xlarge 105, 8xlarge 209. */
  private static String awsMemory(int memoryGb) {
    if (memoryGb <= 13) {
      return "large";
    }
    if (memoryGb <= 26) {
      return "xlarge";
    }
    int size = 2;
    while (size * 26 < memoryGb && size < 16) {
      size *= 2;
    }
    return size + "xlarge";
  }
}
