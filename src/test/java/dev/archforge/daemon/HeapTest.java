package dev.archforge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HeapTest {
  private static final long MIB = 1 << 20;

  @Test
  void fullMeansMoreThanFourFifthsOfWhatIsCommitted() {
    assertThat(Heap.full(new MemoryUsage(0, 32 * MIB, 40 * MIB, 256 * MIB))).isFalse();
    assertThat(Heap.full(new MemoryUsage(0, 32 * MIB + 1, 40 * MIB, 256 * MIB))).isTrue();
    assertThat(Heap.full(new MemoryUsage(0, 0, 0, 256 * MIB))).isFalse();
    assertThat(Heap.full(null)).isFalse();
  }

  @Test
  void theOldGenerationsAreTheHeapPoolsWithAUsageThreshold() {
    // whichever collector this JVM picked (the daemon's is Serial): eden and survivor spaces must not count
    assertThat(Heap.oldGenerations()).isNotEmpty()
        .extracting(MemoryPoolMXBean::getName).allMatch(name -> name.contains("Old") || name.contains("Tenured"));
  }

  @Test
  void underTheSerialCollectorItIsTheTenuredGeneration() throws Exception {
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Pools.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(java.waitFor()).isZero();
    assertThat(out).isEqualTo("Tenured Gen");
  }

  /** Prints the names of {@link Heap#oldGenerations()}, one a line. */
  static final class Pools {
    public static void main(String[] args) {
      Heap.oldGenerations().forEach(pool -> System.out.println(pool.getName()));
    }
  }
}
