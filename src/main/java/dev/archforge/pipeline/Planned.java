package dev.archforge.pipeline;

import dev.archforge.facts.Facts;
import dev.archforge.load.InputFingerprint;
import dev.archforge.model.Plan;
import java.nio.file.Path;
import java.util.List;

/**
 * A decided plan with its facts, the warnings raised on the way, the blueprint's template folders
 * and the folders it came from.
 */
public record Planned(Plan plan, Facts facts, List<String> warnings, List<Path> templateOverlays,
    List<InputFingerprint.Folder> blueprintFolders) {
  public Planned {
    warnings = List.copyOf(warnings);
  }
}
