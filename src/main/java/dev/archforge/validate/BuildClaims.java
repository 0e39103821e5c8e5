package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Dockerfiles and CAPACITY.md say about each deployable, for the coherence rules of a
 * runtime's descriptors: the port the image EXPOSEs, its user, and CAPACITY.md's instance bounds.
 */
public final class BuildClaims {
  /** A Dockerfile's final stage: the EXPOSEd port (0 when none) and its numeric uid (null when none). */
  public record Image(String path, int port, Integer uid) {}

  /** CAPACITY.md's autoscaling minimum and maximum of a deployable. */
  public record Bounds(int min, int max) {}

  private BuildClaims() {}

  /** The images by deployable name. */
  public static Map<String, Image> images(List<Artifact> all) {
    Map<String, Image> images = new LinkedHashMap<>();
    new DeployTree(all).dockerfiles.forEach((name, d) -> images.put(name, new Image(d.path(), d.port(), d.uid())));
    return images;
  }

  /** CAPACITY.md's bounds by deployable name; empty when there is no CAPACITY.md. */
  public static Map<String, Bounds> capacity(List<Artifact> all) {
    Map<String, Bounds> bounds = new LinkedHashMap<>();
    Map<String, DeployTree.Bounds> rows = new DeployTree(all).capacity;
    if (rows != null) {
      rows.forEach((name, b) -> bounds.put(name, new Bounds(b.min(), b.max())));
    }
    return bounds;
  }
}
