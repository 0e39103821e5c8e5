package dev.archforge.pipeline;

import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import java.util.List;

/** The files a run renders, and how its contracts differ from the previous run's. */
record Rendered(List<Artifact> artifacts, List<ApiChange> apiChanges) {
  Rendered {
    artifacts = List.copyOf(artifacts);
    apiChanges = List.copyOf(apiChanges);
  }
}
