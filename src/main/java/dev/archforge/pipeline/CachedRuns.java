package dev.archforge.pipeline;

import dev.archforge.load.InputFingerprint;
import dev.archforge.load.OtherAgentsReader;
import dev.archforge.model.NotApplicable;
import dev.archforge.write.ChangeSet;
import dev.archforge.write.RunCache;
import dev.archforge.write.WorkspaceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run cache's side of {@code generate}: answering an unchanged run from what the last one
 * recorded, and recording a full run when its inputs did not change while it ran.
 */
final class CachedRuns {
  private CachedRuns() {}

  /**
   * What {@code generate} does when nothing changed: the outcome of the last run for this
   * workspace, from the run cache, when the inputs have the fingerprint it recorded and the
   * workspace still holds exactly what it generated. Loads, renders and validates nothing, so it
   * needs no pipeline. Empty when not confirmed (or when the workspace is named after the project,
   * which only loading tells); the full run then decides.
   */
  static Optional<GenerateResult> unchanged(GenerateRequest request, RunCache cache) {
    if (request.perProject()) {
      return Optional.empty();
    }
    Optional<RunCache.Entry> entry = cache.read(request.out());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<InputFingerprint.Folder> folders = new ArrayList<>();
      for (String dir : entry.get().blueprintFolders()) {
        folders.add(InputFingerprint.Folder.now(Path.of(dir)));
      }
      String start = start(request);
      if (!InputFingerprint.of(start, folders).equals(entry.get().fingerprint())) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return cache.confirm(request.out(), entry.get()).map(changes ->
        new GenerateResult(request.out().resolve(WorkspaceWriter.AGENT), changes, entry.get().warnings(), false,
            entry.get().notApplicable()));
  }

  /** The fingerprint of the requirements, blueprint and templates, taken before loading; empty when unreadable. */
  static Optional<String> inputsFingerprint(GenerateRequest request) {
    try {
      return Optional.of(InputFingerprint.start(request.input(), request.blueprint(), request.templates()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The part known before loading, and the other agents' work beside the workspace (under
   * {@code root}), which CONTEXT.md and the report read.
   */
  static String start(String inputs, String othersFingerprint) {
    return inputs + " others " + othersFingerprint;
  }

  private static String start(GenerateRequest request) throws IOException {
    return start(InputFingerprint.start(request.input(), request.blueprint(), request.templates()),
        OtherAgentsReader.fingerprint(request.out(), WorkspaceWriter.AGENT));
  }

  /**
   * Records the run when its inputs are as they were when it started: the requirements and
   * --templates hashed before loading, each blueprint folder just before the loader read it.
   */
  static void remember(RunCache cache, GenerateRequest request, Path root, String start,
      List<InputFingerprint.Folder> folders, ChangeSet changes, List<String> warnings,
      List<NotApplicable> notApplicable) {
    if (folders.stream().anyMatch(f -> f.sha256().isEmpty())) {
      return;
    }
    Optional<String> startNow;
    try {
      String others = OtherAgentsReader.fingerprint(root, WorkspaceWriter.AGENT);
      startNow = inputsFingerprint(request).map(i -> start(i, others));
    } catch (RuntimeException e) {
      return;
    }
    List<InputFingerprint.Folder> foldersNow = new ArrayList<>();
    try {
      for (InputFingerprint.Folder folder : folders) {
        foldersNow.add(InputFingerprint.Folder.now(folder.dir()));
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    String fingerprint = InputFingerprint.of(start, folders);
    if (startNow.isPresent() && InputFingerprint.of(startNow.get(), foldersNow).equals(fingerprint)) {
      cache.remember(root, fingerprint, folders.stream().map(f -> f.dir().toString()).toList(), changes,
          warnings, notApplicable);
    }
  }
}
