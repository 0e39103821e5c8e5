package dev.archforge.model;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One rendered file, still in memory: a path relative to {@code workspaces/backend-architect/},
 * its text and its kind (which validators check it). The path is checked here, once, so that no
 * artifact can name a place outside the workspace.
 *
 * @param revises null, or the text on disk this content was made from (a decision record whose
 *     status line alone changes): when the file still holds exactly that text, the writer replaces
 *     it rather than merging
 * @param derived values computed from this file once and read by several checks (its parsed
 *     documents); never part of its identity
 */
public record Artifact(String path, String content, Kind kind, String revises, Derived derived) {
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

  public Artifact(String path, String content, Kind kind, String revises) {
    this(path, content, kind, revises, new Derived());
  }

  public Artifact(String path, String content, Kind kind) {
    this(path, content, kind, null);
  }

  /**
   * What the checks derive from one file, computed on first use and kept with it: a file parsed
   * once is read by every check that needs it. The values are shared; a check reads them and never
   * changes them. Every {@code Derived} equals every other, so an artifact is its path, text, kind
   * and revision alone.
   */
  public static final class Derived {
    private final Map<Class<?>, Object> values = new HashMap<>();

    /** The value of this type, computed by {@code compute} the first time it is asked for. */
    public synchronized <T> T get(Class<T> type, Supplier<T> compute) {
      Object known = values.get(type);
      if (known == null) {
        known = compute.get();
        values.put(type, known);
      }
      return type.cast(known);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Derived;
    }

    @Override
    public int hashCode() {
      return 0;
    }

    @Override
    public String toString() {
      return "derived";
    }
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
