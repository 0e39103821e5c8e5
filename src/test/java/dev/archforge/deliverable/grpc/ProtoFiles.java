package dev.archforge.deliverable.grpc;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Buf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders proto files with the real renderer and reads them back with Wire's parser, for assertions. */
final class ProtoFiles {
  private ProtoFiles() {}

  static List<Artifact> artifacts(Plan plan) {
    return new GrpcDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  static Artifact artifact(Plan plan, String path) {
    return artifacts(plan).stream().filter(a -> a.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path));
  }

  static ProtoFileElement parse(Plan plan, String service) {
    String path = "api/" + service + "/" + service.replace('-', '_') + ".proto";
    return ProtoParser.Companion.parse(Location.get(path), artifact(plan, path).content());
  }

  static MessageElement message(ProtoFileElement file, String name) {
    return (MessageElement) file.getTypes().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + name));
  }

  static boolean hasMessage(ProtoFileElement file, String name) {
    return file.getTypes().stream().map(TypeElement::getName).anyMatch(name::equals);
  }

  /** Each field as {@code [label ]type name = tag}. */
  static List<String> fields(MessageElement message) {
    List<String> list = new ArrayList<>();
    for (FieldElement f : message.getFields()) {
      String label = f.getLabel() == null ? "" : f.getLabel().name().toLowerCase(Locale.ROOT) + " ";
      list.add(label + f.getType() + " " + f.getName() + " = " + f.getTag());
    }
    return list;
  }

  static EnumElement nestedEnum(MessageElement message, String name) {
    return (EnumElement) message.getNestedTypes().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no enum " + name));
  }

  /** Each RPC as {@code Name(Request) returns (Response)}. */
  static List<String> rpcs(ProtoFileElement file) {
    List<String> list = new ArrayList<>();
    for (RpcElement rpc : file.getServices().get(0).getRpcs()) {
      list.add(rpc.getName() + "(" + rpc.getRequestType() + ") returns (" + rpc.getResponseType() + ")");
    }
    return list;
  }

  /**
   * Writes every artifact of the plan under {@code root} and runs buf in each folder that got a
   * buf.yaml; the reports that are not clean.
   */
  static List<String> bufProblems(Plan plan, Path root) {
    List<String> problems = new ArrayList<>();
    try {
      for (Artifact a : artifacts(plan)) {
        Path file = root.resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content());
      }
      for (Artifact a : artifacts(plan)) {
        if (a.path().endsWith("/buf.yaml")) {
          Buf.Report report = Buf.check(root.resolve(a.path()).getParent());
          if (!report.clean()) {
            problems.add(a.path() + ": " + report);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }
}
