package dev.archforge.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A unified diff of two versions of a file (three lines of context), with JGit's formatter. */
final class UnifiedDiff {
  private UnifiedDiff() {}

  static String of(String path, byte[] before, byte[] after) {
    RawText a = new RawText(before == null ? new byte[0] : before);
    RawText b = new RawText(after == null ? new byte[0] : after);
    EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
        .diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      out.writeBytes(((before == null ? "--- /dev/null" : "--- a/" + path) + "\n"
          + (after == null ? "+++ /dev/null" : "+++ b/" + path) + "\n").getBytes(StandardCharsets.UTF_8));
      formatter.format(edits, a, b);
      formatter.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
