package dev.archforge.deliverable.security;

import java.util.List;

/**
 * What {@code security/AUTHZ-MATRIX.md} shows: for every operation of every generated API
 * contract, which roles may call it, whether callers without credentials may, and the OAuth
 * scope it needs; then the services whose contracts are not generated, with their access lists
 * as the requirements give them.
 *
 * @param roles the columns: every role of {@code security.roles}, in order
 * @param scopes whether operations carry OAuth scopes (authentication oidc)
 * @param credentialMd how a caller proves who it is, one sentence of Markdown
 */
public record AuthzMatrixView(
    String title,
    String authentication,
    String authorization,
    String credentialMd,
    List<String> roles,
    boolean scopes,
    List<ServiceMatrix> services,
    List<Uncovered> uncovered,
    List<String> notes,
    List<UncoveredOperation> uncoveredOperations) {
  public AuthzMatrixView {
    roles = List.copyOf(roles);
    services = List.copyOf(services);
    uncovered = List.copyOf(uncovered);
    notes = List.copyOf(notes);
    uncoveredOperations = List.copyOf(uncoveredOperations);
  }

  /** The operations of one service's contract. */
  public record ServiceMatrix(String service, String contractMd, List<Row> rows) {
    public ServiceMatrix {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One operation.
   *
   * @param anonymous whether callers without credentials may call it
   * @param roles the roles allowed, without the anonymous pseudo-role
   * @param cells one per column of {@link AuthzMatrixView#roles}: {@code ✓} or {@code —}
   */
  public record Row(String method, String path, String operationId, String entity, boolean write,
      boolean anonymous, List<String> scopes, List<String> roles, List<String> cells) {
    public Row {
      scopes = List.copyOf(scopes);
      roles = List.copyOf(roles);
      cells = List.copyOf(cells);
    }
  }

  /**
   * An entity of a service without an OpenAPI contract, with its access as written; {@code contractMd} links
   * the service's protobuf or GraphQL contract when one is generated.
   */
  public record Uncovered(String service, String contractMd, String entity, String read, String write) {}

  /**
   * A domain operation of a service without an OpenAPI contract: its RPC or mutation, its scope and
   * the roles that may call it.
   */
  public record UncoveredOperation(String service, String contractMd, String entity, String call, String scope,
      String roles) {}
}
