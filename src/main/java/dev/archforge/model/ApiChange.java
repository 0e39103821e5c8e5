package dev.archforge.model;

/**
 * One difference between a contract archforge generated last time and the one it generates now,
 * as clients of the previous contract see it.
 *
 * @param service the service whose API changed (for an event, the service that sends it)
 * @param contract the contract's path in the agent folder, e.g. {@code api/books/openapi.yaml}
 * @param change what changed and what it means for clients, e.g. {@code removed operation GET /books/{id}}
 * @param breaking whether a client built against the previous contract may fail against the new one
 */
public record ApiChange(String service, String contract, String change, boolean breaking) {
  /** {@code api/books/openapi.yaml: removed operation GET /books/{id} (breaking)}. */
  @Override
  public String toString() {
    return contract + ": " + change + (breaking ? " (breaking)" : "");
  }
}
