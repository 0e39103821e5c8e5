package dev.archforge.deliverable.infra;

import dev.archforge.facts.deploy.Deployable;
import dev.archforge.model.Cloud;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance group of each deployable under {@code deployment: vm}: one container per machine,
 * the smallest general-purpose machine of the cloud whose memory holds the container's and the
 * operating system's, and the group's bounds from CAPACITY.md (production) or the smallest that
 * still replaces a machine without downtime (dev, staging).
 */
final class Machines {
  /** Memory the operating system, Podman and the logging agent keep beside the container. */
  static final int OS_MIB = 1024;
  /** Machine types by memory (MiB), smallest first: 2-vCPU burstable or general-purpose sizes. */
  private static final int[] MEMORY_MIB = {2048, 4096, 8192, 16384};
  private static final String[] AWS = {"t3.small", "t3.medium", "m6i.large", "m6i.xlarge"};
  private static final String[] GCP = {"e2-small", "e2-medium", "e2-standard-2", "e2-standard-4"};
  private static final String[] AZURE = {"Standard_B1ms", "Standard_B2s", "Standard_D2s_v5", "Standard_D4s_v5"};

  private Machines() {}

  /** The group of each deployable; {@code small} for dev and staging. */
  static List<RootParts.MachineView> of(Cloud cloud, List<Deployable> deployables, boolean small) {
    List<RootParts.MachineView> machines = new ArrayList<>();
    for (Deployable d : deployables) {
      ServiceSizing s = d.sizing();
      int min = small ? 1 : s.hpaMin();
      int max = small ? Math.min(2, Math.max(1, s.hpaMax())) : Math.max(min, s.hpaMax());
      int need = s.memoryMib() + OS_MIB;
      int i = 0;
      while (i < MEMORY_MIB.length - 1 && MEMORY_MIB[i] < need) {
        i++;
      }
      String type = switch (cloud) {
        case GCP -> GCP[i];
        case AZURE -> AZURE[i];
        default -> AWS[i];
      };
      boolean called = deployables.stream().anyMatch(caller -> caller.calls().contains(d.name()));
      machines.add(new RootParts.MachineView(d.name(), type, min, max, small ? "the smallest group"
          : "machines " + min + "–" + max + " = CAPACITY.md's hpaMin–hpaMax; " + type + " holds memoryMib "
              + s.memoryMib() + " + " + OS_MIB + " MiB for the system", called));
    }
    return machines;
  }
}
