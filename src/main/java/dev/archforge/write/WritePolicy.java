package dev.archforge.write;

import dev.archforge.model.Ownership;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a person decided about the files of a run: who owns each path, whether edits to managed
 * files may be overwritten ({@code --force}) and which deleted files to bring back ({@code --restore}).
 */
public record WritePolicy(Ownership ownership, boolean force, SortedSet<String> restore) {
  public static final WritePolicy DEFAULT = new WritePolicy(Ownership.DEFAULT, false, Set.of());

  public WritePolicy(Ownership ownership, boolean force, Set<String> restore) {
    this(ownership, force, new TreeSet<>(restore));
  }

  public WritePolicy {
    Objects.requireNonNull(ownership, "ownership");
    restore = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(restore));
  }
}
