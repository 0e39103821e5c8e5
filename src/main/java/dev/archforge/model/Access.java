package dev.archforge.model;

import java.util.List;

/** Who may read and who may write one entity; roles, or {@link Security#ANONYMOUS}. */
public record Access(List<String> read, List<String> write) {
  public Access {
    read = List.copyOf(read);
    write = List.copyOf(write);
  }
}
