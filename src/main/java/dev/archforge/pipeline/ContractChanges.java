package dev.archforge.pipeline;

import dev.archforge.apidiff.ContractDiff;
import dev.archforge.facts.Facts;
import dev.archforge.load.WorkspaceReader;
import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import dev.archforge.model.PreviousContracts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contracts of the run before (read once the workspace is known) and how the new ones differ:
 * the pipeline renders the contracts, compares them here, then renders what states the changes.
 */
final class ContractChanges {
  private final PreviousContracts previous;

  private ContractChanges(PreviousContracts previous) {
    this.previous = previous;
  }

  /** Nothing to compare with (rendering without a workspace). */
  static ContractChanges none() {
    return new ContractChanges(PreviousContracts.none());
  }

  /** The pristine contracts of this agent folder. */
  static ContractChanges since(Path agent, Function<String, Optional<Artifact.Kind>> kinds) {
    return new ContractChanges(new WorkspaceReader(kinds).previousContracts(agent, ContractDiff.kinds()));
  }

  /** The facts, knowing the previous contracts (which the contracts keep stable). */
  Facts given(Facts facts) {
    return facts.with(previous);
  }

  List<ApiChange> compare(List<Artifact> rendered) {
    return ContractDiff.compare(previous.contracts(), rendered);
  }

  /** With {@code --fail-on-breaking}: exit 3, nothing written, each breaking change named. */
  static void refuseBreaking(GenerateRequest request, List<ApiChange> changes) {
    List<ApiChange> breaking = changes.stream().filter(ApiChange::breaking).toList();
    if (!request.failOnBreaking() || breaking.isEmpty()) {
      return;
    }
    List<String> messages = new ArrayList<>();
    messages.add("the contracts break clients of the ones generated last time (--fail-on-breaking); nothing was written:");
    breaking.forEach(c -> messages.add("  " + c.contract() + " (" + c.service() + "): " + c.change()));
    messages.add("Make the change compatible, or plan a new major version and run again without --fail-on-breaking.");
    throw new ArchforgeException(ExitCode.INVALID_OUTPUT, messages);
  }
}
