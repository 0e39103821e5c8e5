package dev.archforge.decide.capacity;

import java.util.OptionalInt;

/**
 * The NAT gateways infra/'s network creates in each region, decided once for CAPACITY.md's NAT line
 * and infra/'s network module. Functions (serverless) need none. AWS: one per zone for the private
 * subnets. Google Cloud: one Cloud NAT per region (a router and its NAT). Azure: one, with a static
 * public IP, on the workload subnet of virtual machines (deployment {@code vm}), which reach the
 * registry, Key Vault and package mirrors through it: new virtual networks get no default outbound
 * access. AKS goes out through its own load balancer's outbound rules (outbound type loadBalancer)
 * and a Container Apps consumption environment through the platform's, so neither takes one.
 */
public final class NatGateways {
  private NatGateways() {}

  /** The gateways per region on a cloud infra/ writes ({@code aws}, {@code gcp}, {@code azure}); empty on another. */
  public static OptionalInt perRegion(String cloud, String deployment) {
    if (deployment.equals("serverless")) {
      return OptionalInt.of(0);
    }
    return switch (cloud) {
      case "aws" -> OptionalInt.of(NodePool.ZONES);
      case "gcp" -> OptionalInt.of(1);
      case "azure" -> OptionalInt.of(deployment.equals("vm") ? 1 : 0);
      default -> OptionalInt.empty();
    };
  }
}
