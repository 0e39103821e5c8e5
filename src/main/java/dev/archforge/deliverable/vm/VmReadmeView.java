package dev.archforge.deliverable.vm;

import java.util.List;

/**
 * What {@code deploy/vm/README.md} shows: the cloud and each deployable's machines.
 *
 * @param residency whether the hosts are per cell ({@code prod-<cell>/})
 */
public record VmReadmeView(String cloud, List<HostView> hosts, boolean residency) {
  public VmReadmeView {
    hosts = List.copyOf(hosts);
  }
}
