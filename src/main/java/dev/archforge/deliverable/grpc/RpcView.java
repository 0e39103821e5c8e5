package dev.archforge.deliverable.grpc;

import java.util.List;

/** A unary RPC: {@code rpc Name(Request) returns (Response);}. */
public record RpcView(List<String> comment, String name, String request, String response) {
  public RpcView {
    comment = List.copyOf(comment);
  }
}
