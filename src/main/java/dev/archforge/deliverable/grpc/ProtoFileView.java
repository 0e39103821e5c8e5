package dev.archforge.deliverable.grpc;

import java.util.List;

/**
 * One gRPC service's proto file.
 *
 * @param header comment lines above {@code syntax}
 * @param packageName {@code <project>.<service>.v1}, lower_snake_case
 * @param imports the well-known types the file uses, sorted
 * @param javaMultipleFiles whether to set {@code java_multiple_files} (services in Java or Kotlin)
 * @param messages resource messages first, then the requests and responses of each RPC
 */
public record ProtoFileView(List<String> header, String packageName, List<String> imports,
    boolean javaMultipleFiles, ServiceView service, List<MessageView> messages) {
  public ProtoFileView {
    header = List.copyOf(header);
    imports = List.copyOf(imports);
    messages = List.copyOf(messages);
  }
}
