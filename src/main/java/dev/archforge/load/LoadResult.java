package dev.archforge.load;

import dev.archforge.model.Requirements;
import java.util.List;
import java.util.Optional;

/**
 * What loading a file gives: the requirements when there was no error, and every diagnostic
 * (errors and warnings) in file order.
 */
public record LoadResult(Optional<Requirements> requirements, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
