package dev.archforge.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One rendered file, still in memory: a path relative to {@code workspaces/backend-architect/},
 * its text and its kind (which validators check it). The path is checked here, once, so that no
 * artifact can name a place outside the workspace.
 *
 * @param revises null, or the text on disk this content was made from (a decision record whose
 *     status line alone changes): when the file still holds exactly that text, the writer replaces
 *     it rather than merging
 */
public record Artifact(String path, String content, Kind kind, String revises) {
  /**
   * What a file is, for the validators: open, so a deliverable declares the kinds it writes. The
   * kinds of plain documents are here; a kind's name is lower case.
   */
  public record Kind(String name) {
    public static final Kind MARKDOWN = new Kind("markdown");
    public static final Kind YAML = new Kind("yaml");
    public static final Kind TEXT = new Kind("text");

    public Kind {
      if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("artifact kind must be a lower-case name: " + name);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,127}");

  public Artifact {
    requireSafePath(path);
  }

  public Artifact(String path, String content, Kind kind) {
    this(path, content, kind, null);
  }

  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Relative, forward slashes, plain characters, no empty, {@code .} or {@code ..} segments and no
   * {@code ..} inside a segment; a segment may start with a dot ({@code .github/workflows/ci.yml}),
   * but nothing goes into {@code .archforge/}, which holds the manifest.
   */
  public static void requireSafePath(String path) {
    if (path == null || path.isEmpty() || path.length() > 512) {
      throw new IllegalArgumentException("artifact path is empty or too long: " + path);
    }
    if (path.equals(".archforge") || path.startsWith(".archforge/")) {
      throw new IllegalArgumentException("artifact path in archforge's own folder: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.contains("..")) {
        throw new IllegalArgumentException("unsafe artifact path: " + path);
      }
    }
  }
}
