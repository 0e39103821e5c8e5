package dev.archforge.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The conflict regions a merge wrote into a file: from each {@code <<<<<<<} line to its {@code >>>>>>>}. */
public final class ConflictMarkers {
  static final String START = "<<<<<<< ";
  static final String END = ">>>>>>> ";

  private ConflictMarkers() {}

  /** The marked regions of a text, lines counted from 1; empty when it holds none. */
  public static List<FileChange.Lines> regions(String text) {
    List<FileChange.Lines> regions = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(START)) {
        start = i + 1;
      } else if (lines[i].startsWith(END) && start > 0) {
        regions.add(new FileChange.Lines(start, i + 1));
        start = -1;
      }
    }
    return regions;
  }

  static List<FileChange.Lines> regions(byte[] text) {
    return regions(new String(text, StandardCharsets.UTF_8));
  }
}
