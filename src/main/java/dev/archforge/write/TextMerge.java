package dev.archforge.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * A three-way merge of text, line by line, with JGit's merge algorithm (histogram diff) and its
 * formatter: where both sides changed the same lines, the result holds standard conflict markers,
 * {@code <<<<<<< yours}, {@code =======}, {@code >>>>>>> generated}. No repository is involved.
 */
final class TextMerge {
  static final String OURS = "yours";
  static final String THEIRS = "generated";

  private TextMerge() {}

  /**
   * @param bytes the merged file, with markers where it conflicts
   * @param conflicts each conflicted region of {@code bytes}, markers included
   */
  record Result(byte[] bytes, List<FileChange.Lines> conflicts) {
    Result {
      conflicts = List.copyOf(conflicts);
    }

    boolean clean() {
      return conflicts.isEmpty();
    }
  }

  /** Merges what a person made of {@code base} ({@code ours}) with the new generated version ({@code theirs}). */
  static Result merge(byte[] base, byte[] ours, byte[] theirs) {
    MergeAlgorithm algorithm = new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
    MergeResult<RawText> result = algorithm.merge(RawTextComparator.DEFAULT, new RawText(base), new RawText(ours),
        new RawText(theirs));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new MergeFormatter().formatMerge(out, result, List.of("base", OURS, THEIRS), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    byte[] merged = out.toByteArray();
    return new Result(merged, result.containsConflicts() ? markedRegions(merged) : List.of());
  }

  static List<FileChange.Lines> markedRegions(byte[] text) {
    return ConflictMarkers.regions(text);
  }

  /** Whether a file still holds a conflict region as a merge writes it. */
  static boolean hasMarkers(byte[] text) {
    return !markedRegions(text).isEmpty();
  }
}
