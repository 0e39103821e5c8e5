package dev.archforge.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per workspaces root: a second one waits, then gives up with a message. */
class WorkspaceLockTest {
  @TempDir
  Path root;

  @Test
  void aSecondWriterWaitsThenGivesUpWhileTheFirstHoldsTheLock() {
    try (WorkspaceLock first = WorkspaceLock.take(root, Duration.ofSeconds(1))) {
      assertThat(first).isNotNull();
      long start = System.nanoTime();
      assertThatThrownBy(() -> WorkspaceLock.take(root, Duration.ofMillis(300))).isInstanceOf(WriteException.class)
          .hasMessageContaining("another archforge run is writing " + root).hasMessageContaining("Nothing was written");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
    try (WorkspaceLock again = WorkspaceLock.take(root, Duration.ZERO)) {
      assertThat(again).as("released with the first writer").isNotNull();
    }
    assertThat(root.resolve(WorkspaceLock.FILE)).isEmptyFile();
  }

  @Test
  void aWriterThatWaitsGetsTheLockWhenTheFirstEnds() throws Exception {
    WorkspaceLock first = WorkspaceLock.take(root, Duration.ZERO);
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      first.close();
    });
    release.start();
    try (WorkspaceLock second = WorkspaceLock.take(root, Duration.ofSeconds(30))) {
      assertThat(second).isNotNull();
    }
    release.join();
  }
}
