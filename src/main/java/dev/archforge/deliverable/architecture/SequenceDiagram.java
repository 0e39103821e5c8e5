package dev.archforge.deliverable.architecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one Mermaid {@code sequenceDiagram}. Participants are declared first with safe ids;
 * messages and notes may only name declared participants, and every block opened is closed
 * before the text is taken. Labels are escaped here.
 */
final class SequenceDiagram {
  /** The arrows used: a call, its reply, and an asynchronous message. */
  enum Arrow {
    CALL("->>"),
    REPLY("-->>"),
    ASYNC("-)");

    private final String notation;

    Arrow(String notation) {
      this.notation = notation;
    }
  }

  /** One message as written, for tests and checks. */
  record Message(String from, String to, Arrow arrow, String text) {}

  private final StringBuilder text = new StringBuilder("sequenceDiagram\n");
  private final Set<String> participants = new LinkedHashSet<>();
  private final List<Message> messages = new ArrayList<>();
  private int depth;

  SequenceDiagram participant(String id, String label) {
    return declare("participant", id, label);
  }

  SequenceDiagram actor(String id, String label) {
    return declare("actor", id, label);
  }

  SequenceDiagram message(String from, Arrow arrow, String to, String label) {
    known(from);
    known(to);
    messages.add(new Message(from, to, arrow, label));
    return line(from + arrow.notation + to + ": " + MermaidText.label(label));
  }

  /** A note over one participant or spanning two; each line escaped, long lines wrapped. */
  SequenceDiagram note(String first, String last, String sentence) {
    known(first);
    known(last);
    String over = first.equals(last) ? first : first + "," + last;
    return line("Note over " + over + ": " + MermaidText.lines(MermaidText.wrap(sentence, 60)));
  }

  /** Opens {@code alt}, {@code opt} or {@code loop}; close it with {@link #end()}. */
  SequenceDiagram open(String kind, String label) {
    if (!List.of("alt", "opt", "loop").contains(kind)) {
      throw new IllegalArgumentException("not a block kind: " + kind);
    }
    line(kind + " " + MermaidText.label(label));
    depth++;
    return this;
  }

  /** The next branch of an open {@code alt}. */
  SequenceDiagram otherwise(String label) {
    if (depth == 0) {
      throw new IllegalStateException("else outside a block");
    }
    depth--;
    line("else " + MermaidText.label(label));
    depth++;
    return this;
  }

  SequenceDiagram end() {
    if (depth == 0) {
      throw new IllegalStateException("end without a block");
    }
    depth--;
    return line("end");
  }

  Set<String> participants() {
    return Set.copyOf(participants);
  }

  List<Message> messages() {
    return List.copyOf(messages);
  }

  String text() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " block(s) left open");
    }
    return text.toString().stripTrailing();
  }

  private SequenceDiagram declare(String kind, String id, String label) {
    if (!id.matches("[A-Za-z][A-Za-z0-9_]*") || !id.contains("_")) {
      throw new IllegalArgumentException("participant ids are prefixed safe identifiers: " + id);
    }
    if (!messages.isEmpty()) {
      throw new IllegalStateException("participants are declared before the first message: " + id);
    }
    if (!participants.add(id)) {
      throw new IllegalStateException("participant declared twice: " + id);
    }
    String shown = MermaidText.label(label);
    return line(kind + " " + id + (shown.isEmpty() ? "" : " as " + shown));
  }

  private void known(String id) {
    if (!participants.contains(id)) {
      throw new IllegalStateException("'" + id + "' is not a declared participant");
    }
  }

  private SequenceDiagram line(String line) {
    text.append("  ".repeat(depth + 1)).append(line).append('\n');
    return this;
  }
}
