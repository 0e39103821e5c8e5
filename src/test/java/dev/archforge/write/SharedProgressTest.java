package dev.archforge.write;

import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.md;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedProgressTest {
  private static final String BEGIN = "<!-- archforge:backend-architect:begin -->";
  private static final String END = "<!-- archforge:backend-architect:end -->";

  @TempDir Path root;

  private void run(String content, String section) {
    WorkspaceWriter writer = new WorkspaceWriter(root);
    writer.commit(writer.preview(List.of(md("a.md", content)), RUN), "## run\n", section);
  }

  @Test
  void createsTheFileWithATitle() throws Exception {
    run("v1", "Produced 1 file.");

    assertThat(root.resolve("SHARED_PROGRESS.md"))
        .hasContent("# Shared progress\n\n" + BEGIN + "\nProduced 1 file.\n" + END + "\n");
  }

  @Test
  void otherAgentsSectionsSurviveByteForByte() throws Exception {
    byte[] head = bytes("# Shared\r\n\r\n## frontend\r\ncaf\u00e9 in Latin-1: ", new byte[] {(byte) 0xE9}, "\r\n\r\n");
    byte[] tail = bytes("\n## qa\n", new byte[] {(byte) 0xFF, (byte) 0xFE}, " no newline at end");
    Files.write(root.resolve("SHARED_PROGRESS.md"), bytes(head, BEGIN + "\nold summary\n" + END + "\n", tail));

    run("v1", "new summary\n");

    assertThat(Files.readAllBytes(root.resolve("SHARED_PROGRESS.md")))
        .isEqualTo(bytes(head, BEGIN + "\nnew summary\n" + END + "\n", tail));
  }

  @Test
  void appendsTheSectionWhenAbsent() throws Exception {
    Files.writeString(root.resolve("SHARED_PROGRESS.md"), "# Shared progress\n\n## frontend\ndone");

    run("v1", "summary");

    assertThat(root.resolve("SHARED_PROGRESS.md"))
        .hasContent("# Shared progress\n\n## frontend\ndone\n\n" + BEGIN + "\nsummary\n" + END + "\n");
    try (Stream<Path> entries = Files.list(root)) {
      assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".archforge-"));
    }
  }

  @Test
  void secondRunReplacesOnlyItsOwnSection() throws Exception {
    run("v1", "first");
    Files.writeString(root.resolve("SHARED_PROGRESS.md"), "\n## qa\nchecked\n", java.nio.file.StandardOpenOption.APPEND);

    run("v2", "second");

    assertThat(root.resolve("SHARED_PROGRESS.md"))
        .hasContent("# Shared progress\n\n" + BEGIN + "\nsecond\n" + END + "\n\n## qa\nchecked\n");
  }

  @Test
  void damagedMarkersAreRefusedBeforeAnythingIsWritten() throws Exception {
    Files.writeString(root.resolve("SHARED_PROGRESS.md"), "# Shared\n" + END + "\nstray\n" + BEGIN + "\n");
    TreeSnapshot before = TreeSnapshot.of(root, true);

    assertThatThrownBy(() -> run("v1", "x"))
        .isInstanceOf(WriteException.class).hasMessageContaining("markers are damaged");
    assertThat(TreeSnapshot.of(root, true)).isEqualTo(before);
  }

  @Test
  void mergeHandlesEmptyAndRepeatedSections() throws Exception {
    assertThat(new String(WorkLogs.mergeShared(new byte[0], "s"), StandardCharsets.UTF_8))
        .isEqualTo(BEGIN + "\ns\n" + END + "\n");
    byte[] twice = (BEGIN + "\n" + END + "\n" + BEGIN + "\n" + END + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> WorkLogs.mergeShared(twice, "s")).hasMessageContaining("markers are damaged");
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] b ? b : ((String) part).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
