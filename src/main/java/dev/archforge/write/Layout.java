package dev.archforge.write;

import dev.archforge.load.WorkspaceReader;
import java.nio.file.Path;

/** Where things live under the workspaces root: every name the writer uses, in one place. */
record Layout(Path root) {
  static final String AGENT = "backend-architect";
  static final String META = ".archforge/";
  static final String MANIFEST = META + "manifest.json";
  static final String NORMALIZED = META + "requirements.normalized.yaml";
  static final String PRISTINE = WorkspaceReader.PRISTINE;
  /** The schema each service's migrations produce, for the next run's migration. */
  static final String SCHEMAS = META + "schema/";
  /** archforge's section of SHARED_PROGRESS.md as the run that made the folder wrote it, to repair it from. */
  static final String SHARED_SECTION = META + "shared-section.md";
  static final String PROGRESS = "PROGRESS.md";
  /** The decision records, whose statuses (a person's edits) the next run reads. */
  static final String DECISIONS = "decisions/";
  static final String SHARED = "SHARED_PROGRESS.md";
  static final String STAGING_PREFIX = ".archforge-staging-";
  static final String OLD_PREFIX = ".archforge-old-";
  static final String TEMP_PREFIX = ".archforge-tmp-";

  Path agent() {
    return root.resolve(AGENT);
  }

  /** A path relative to the agent folder. */
  Path inAgent(String relative) {
    return agent().resolve(relative);
  }

  Path shared() {
    return root.resolve(SHARED);
  }

  Path staging(String id) {
    return root.resolve(STAGING_PREFIX + id);
  }

  Path old(String id) {
    return root.resolve(OLD_PREFIX + id);
  }

  Path temp(String id) {
    return root.resolve(TEMP_PREFIX + id);
  }

  /**
   * Files the writer rebuilds on every commit: the manifest, the normalised input, the shared
   * section, pristine copies, schema snapshots.
   */
  static boolean isMetadata(String relative) {
    return relative.equals(MANIFEST) || relative.equals(NORMALIZED) || relative.equals(SHARED_SECTION)
        || relative.startsWith(PRISTINE) || relative.startsWith(SCHEMAS);
  }
}
