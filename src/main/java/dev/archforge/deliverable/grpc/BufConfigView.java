package dev.archforge.deliverable.grpc;

import java.util.List;

/** The {@code buf.yaml} beside a proto file: the lint and breaking-change rule sets. */
public record BufConfigView(List<String> lintUse, List<String> lintExcept, List<String> breakingUse) {
  public BufConfigView {
    lintUse = List.copyOf(lintUse);
    lintExcept = List.copyOf(lintExcept);
    breakingUse = List.copyOf(breakingUse);
  }
}
