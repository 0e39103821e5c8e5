package dev.archforge.decide;

import java.util.List;

/** The decided plan combines choices the deliverables cannot honour; each message says where and why. */
public final class DecisionException extends RuntimeException {
  private final List<String> messages;

  public DecisionException(List<String> messages) {
    super(String.join("\n", messages));
    this.messages = List.copyOf(messages);
  }

  public List<String> messages() {
    return messages;
  }
}
