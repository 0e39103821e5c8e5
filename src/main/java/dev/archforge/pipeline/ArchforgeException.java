package dev.archforge.pipeline;

import java.util.List;

/** The one exception that carries an exit code and the messages to show for it. */
public final class ArchforgeException extends RuntimeException {
  private final ExitCode exitCode;
  private final List<String> messages;

  public ArchforgeException(ExitCode exitCode, List<String> messages) {
    super(String.join("\n", messages));
    this.exitCode = exitCode;
    this.messages = List.copyOf(messages);
  }

  public ArchforgeException(ExitCode exitCode, String message) {
    this(exitCode, List.of(message));
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public List<String> messages() {
    return messages;
  }
}
