package dev.archforge.facts.api;

import dev.archforge.model.Entity;
import dev.archforge.model.Operation;
import java.util.List;

/**
 * One domain operation as every contract and document names it, decided here once.
 *
 * @param path the HTTP path: {@code /loans/{loanId}/return} on one entity, {@code /loans/borrow} on
 *     the collection
 * @param operationId the OpenAPI operation id and the GraphQL mutation: {@code returnLoan}
 * @param rpcName the gRPC method: {@code ReturnLoan}
 * @param requestName the request's schema or message: {@code ReturnLoanRequest}
 * @param scope the OAuth scope (permission) that allows it: {@code loans:return}
 * @param roles the roles that may call it: the operation's own, else the privileged roles
 */
public record DomainOperation(Entity entity, Operation operation, String path, String operationId, String rpcName,
    String requestName, String scope, List<String> roles) {

  public DomainOperation {
    roles = List.copyOf(roles);
  }

  public String name() {
    return operation.name();
  }

  /** The states it starts from, or empty: any state (or, on the collection, none). */
  public List<String> from() {
    return operation.from();
  }

  /**
   * What the operation does, as every contract says it: its description, the states it starts
   * from (then {@code otherwise}, what happens in another state), the state it leaves, the event
   * it publishes.
   */
  public List<String> sentences(String otherwise) {
    List<String> parts = new java.util.ArrayList<>();
    String one = dev.archforge.facts.Naming.prose(entity.name());
    if (operation.description() != null && !operation.description().isBlank()) {
      parts.add(dev.archforge.facts.Sentences.sentence(operation.description()));
    }
    if (!operation.from().isEmpty()) {
      parts.add("Only while its " + entity.states() + " is " + String.join(" or ", operation.from()) + otherwise
          + ".");
    }
    if (changesState()) {
      parts.add((operation.onCollection() ? "Creates " + dev.archforge.facts.Sentences.article(one) + " whose "
          : "Afterwards its ") + entity.states() + " is " + operation.to() + ".");
    }
    if (operation.emits() != null) {
      parts.add("On success it publishes " + operation.emits() + ".");
    }
    return parts;
  }

  /** Whether it changes the entity's state machine. */
  public boolean changesState() {
    return operation.to() != null && entity.states() != null;
  }
}
