package dev.archforge.deliverable.grpc;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For every service with {@code api: grpc}: {@code api/<service>/<service>.proto} (proto3, package
 * {@code <project>.<service>.v1}, a message per owned entity, one service with unary Get, List,
 * Create, Update and Delete RPCs, a comment on every element) and the {@code buf.yaml} beside it
 * that {@code buf lint} and {@code buf breaking} read. The file name is the service name in
 * lower_snake_case, as buf's FILE_LOWER_SNAKE_CASE wants ({@code order-history} →
 * {@code order_history.proto}). Field and enum numbers stay those of the previous run's contract
 * ({@link ProtoNumbers}).
 */
public final class GrpcDeliverable implements Deliverable {
  public static final Artifact.Kind KIND = SharedKinds.PROTO;
  static final String PROTO_TEMPLATE = "grpc/service.proto.ftl";
  private static final Pattern PATHS = Pattern.compile("api/[^/]+/[^/]+\\.proto");
  static final String BUF_TEMPLATE = "grpc/buf.yaml.ftl";
  /**
   * STANDARD and COMMENTS, except PACKAGE_DIRECTORY_MATCH: the workspace keeps each contract in
   * {@code api/<service>/}, not in {@code <project>/<service>/v1/}.
   */
  static final BufConfigView BUF = new BufConfigView(List.of("STANDARD", "COMMENTS"),
      List.of("PACKAGE_DIRECTORY_MATCH"), List.of("FILE"));

  @Override
  public boolean isContract() {
    return true;
  }

  @Override
  public String id() {
    return "grpc";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return !grpcServices(plan).isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    ProtoBuilder builder = new ProtoBuilder(plan);
    List<Artifact> artifacts = new ArrayList<>();
    for (Service s : grpcServices(plan)) {
      ProtoFileView file = ProtoNumbers.kept(builder.build(s), facts.previousContracts().at(path(s)).map(Artifact::content));
      artifacts.add(new Artifact(path(s), renderer.render(PROTO_TEMPLATE, file), GrpcDeliverable.KIND));
      artifacts.add(new Artifact(bufPath(s), renderer.render(BUF_TEMPLATE, BUF), Artifact.Kind.YAML));
    }
    return artifacts;
  }

  @Override
  public List<String> warnings(Facts facts) {
    Plan plan = facts.plan();
    ProtoBuilder builder = new ProtoBuilder(plan);
    return grpcServices(plan).stream().flatMap(s -> builder.warnings(s).stream()).distinct().toList();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return PATHS.matcher(path).matches() ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new ProtoValidator());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return ContentsEntry.contracts(plan, Api.GRPC, GrpcDeliverable::path, "proto3 service, validated by Wire; lint it "
        + "with buf (buf.yaml next to it)");
  }


  /** The view one service's proto file is rendered from; for tests. */
  public static ProtoFileView view(Plan plan, Service service) {
    return new ProtoBuilder(plan).build(service);
  }

  static String path(Service service) {
    return Layout.proto(service.name());
  }

  static String bufPath(Service service) {
    return "api/" + service.name() + "/buf.yaml";
  }

  private static List<Service> grpcServices(Plan plan) {
    return plan.requirements().services().stream().filter(s -> s.api() == Api.GRPC).toList();
  }
}
