package dev.archforge.deliverable.grpc;

import java.util.List;

/** The one service of a proto file. */
public record ServiceView(List<String> comment, String name, List<RpcView> rpcs) {
  public ServiceView {
    comment = List.copyOf(comment);
    rpcs = List.copyOf(rpcs);
  }
}
