package dev.archforge.model;

import java.util.List;

/**
 * The contracts archforge generated for a workspace the run before (its pristine copies), to
 * compare the new ones with; empty for a new workspace.
 */
public record PreviousContracts(List<Artifact> contracts) {
  public PreviousContracts {
    contracts = List.copyOf(contracts);
  }

  /** The previous contract at this path, if there was one. */
  public java.util.Optional<Artifact> at(String path) {
    return contracts.stream().filter(a -> a.path().equals(path)).findFirst();
  }

  public static PreviousContracts none() {
    return new PreviousContracts(List.of());
  }
}
