package dev.archforge.review;

import dev.archforge.model.Artifact;
import java.util.List;

/**
 * One of the review's own checks, for what generate never has to check in its own output (a
 * foreign Dockerfile's base image, a migration's name): sees every classified file, picks its kinds.
 */
interface Check {
  List<ReviewFinding> check(List<Artifact> files, Rules rules);

  /** The findings of {@code perFile} on every file of that kind. */
  static List<ReviewFinding> each(List<Artifact> files, Artifact.Kind kind,
      java.util.function.Function<Artifact, List<ReviewFinding>> perFile) {
    return files.stream().filter(f -> f.kind().equals(kind)).flatMap(f -> perFile.apply(f).stream()).toList();
  }
}
