package dev.archforge.daemon;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/** What the daemon reads of its heap to decide when to collect. */
final class Heap {
  private Heap() {}

  /**
   * Whether an old generation (a heap pool with a usage threshold: eden and survivor spaces have
   * none) is more than 80% full. Runs back to back promote their short-lived objects there, and the
   * serial collector grows the heap to hold them rather than collecting; a daemon that collects at
   * this mark keeps its heap near its live data (40 fresh ecommerce runs in a row: peak RSS 195 → 158 MiB).
   */
  static boolean oldGenerationFull() {
    return oldGenerations().stream().map(MemoryPoolMXBean::getUsage).anyMatch(Heap::full);
  }

  static List<MemoryPoolMXBean> oldGenerations() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()).toList();
  }

  static boolean full(MemoryUsage usage) {
    return usage != null && usage.getUsed() > usage.getCommitted() / 5 * 4;
  }
}
