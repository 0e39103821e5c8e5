package dev.archforge.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The two logs: the agent's {@code PROGRESS.md}, to which each run appends, and the root's
 * {@code SHARED_PROGRESS.md}, of which archforge owns one marked section. Both work on bytes, so
 * that what others wrote survives byte for byte whatever its encoding.
 */
final class WorkLogs {
  static final String PROGRESS_HEADER = "# Progress — " + Layout.AGENT + "\n";
  static final String SHARED_HEADER = "# Shared progress\n";
  static final String BEGIN = "<!-- archforge:" + Layout.AGENT + ":begin -->";
  static final String END = "<!-- archforge:" + Layout.AGENT + ":end -->";

  private WorkLogs() {}

  /** The existing log (or a header) followed by the entry; older entries are never rewritten. */
  static byte[] appendProgress(byte[] existing, String entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] before = existing == null ? utf8(PROGRESS_HEADER) : existing;
    out.writeBytes(before);
    if (before.length > 0 && before[before.length - 1] != '\n') {
      out.write('\n');
    }
    out.write('\n');
    out.writeBytes(utf8(withNewline(entry)));
    return out.toByteArray();
  }

  /** Replaces archforge's section, or appends it; creates the file's title when there is none. */
  static byte[] mergeShared(byte[] existing, String section) throws IOException {
    byte[] block = utf8(BEGIN + "\n" + withNewline(section) + END + "\n");
    if (existing == null) {
      return concat(utf8(SHARED_HEADER + "\n"), block);
    }
    // ISO-8859-1 maps bytes to chars one to one, so indexes found here are byte offsets.
    String text = new String(existing, StandardCharsets.ISO_8859_1);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 && end < 0) {
      String gap = existing.length == 0 ? "" : existing[existing.length - 1] == '\n' ? "\n" : "\n\n";
      return concat(existing, utf8(gap), block);
    }
    if (begin < 0 || end < begin || text.indexOf(BEGIN, begin + 1) >= 0 || text.indexOf(END, end + 1) >= 0) {
      throw new IOException(Layout.SHARED + ": the archforge section markers are damaged; keep exactly one "
          + BEGIN + " followed by one " + END + ", or remove both");
    }
    int after = end + END.length();
    if (after < existing.length && existing[after] == '\n') {
      after++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(existing, 0, begin);
    out.writeBytes(block);
    out.write(existing, after, existing.length - after);
    return out.toByteArray();
  }

  private static String withNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
