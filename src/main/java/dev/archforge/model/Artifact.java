package dev.archforge.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One rendered file, still in memory: a path relative to {@code workspaces/backend-architect/},
 * its text and its kind (which validator checks it). The path is checked here, once, so that no
 * artifact can name a place outside the workspace.
 */
public record Artifact(String path, String content, Kind kind) {
  public enum Kind {
    OPENAPI,
    ASYNCAPI,
    GRAPHQL,
    PROTO,
    MARKDOWN,
    YAML,
    TEXT,
    KUBERNETES,
    DOCKERFILE,
    SQL
  }

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public Artifact {
    requireSafePath(path);
  }

  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  /** Relative, forward slashes, no empty, {@code .} or {@code ..} segments, plain characters. */
  public static void requireSafePath(String path) {
    if (path == null || path.isEmpty() || path.length() > 512) {
      throw new IllegalArgumentException("artifact path is empty or too long: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.contains("..")) {
        throw new IllegalArgumentException("unsafe artifact path: " + path);
      }
    }
  }
}
