package dev.archforge.deliverable.security;

import dev.archforge.facts.AlertNames;
import dev.archforge.facts.Naming;
import dev.archforge.model.Api;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a control is met, as Markdown for a table cell: a link to the generated artifact that
 * meets it (an OpenAPI contract, the authorization matrix, a SECURITY.md section, a decision
 * record, an alert's runbook), or {@code team: ...} with what the team has to build when no
 * generated artifact covers it. Links are relative to the {@code security/} folder.
 */
final class Where {
  static final String AUTHENTICATION = "Authentication";
  static final String AUTHORIZATION = "Authorization";
  static final String SERVICE_IDENTITY = "Service-to-service identity";
  static final String SECRETS = "Secrets management";
  static final String ENCRYPTION = "Encryption in transit and at rest";
  static final String CLASSIFICATION = "Data classification";
  static final String LOGGING = "Logging rules";
  static final String VALIDATION = "Input validation";
  static final String SCANNING = "Dependency and image scanning";

  private final List<String> deliverables;
  private final SystemComponents system;
  private final UnaryOperator<String> recordFile;

  /** @param recordFile the decision record in force for a topic, e.g. {@code 0018-caching.md} */
  Where(Plan plan, SystemComponents system, UnaryOperator<String> recordFile) {
    this.deliverables = plan.blueprint().deliverables();
    this.system = system;
    this.recordFile = recordFile;
  }

  static String team(String what) {
    return "team: " + what;
  }

  /** The service's contract, when one is generated; otherwise what the team must write. */
  String contract(Service s) {
    String path = contractPath(s);
    if (path != null) {
      return Md.link(path, "../" + path);
    }
    return team("the " + s.api().spelling() + " contract of " + s.name() + " (not generated yet) declares the same "
        + "authentication and limits");
  }

  /** The path of the service's generated contract, or null when its kind of contract is not generated. */
  private String contractPath(Service s) {
    return switch (s.api()) {
      case REST -> deliverables.contains("openapi") ? "api/" + s.name() + "/openapi.yaml" : null;
      case GRPC -> deliverables.contains("grpc") ? "api/" + s.name() + "/" + Naming.snake(s.name()) + ".proto" : null;
      case GRAPHQL -> deliverables.contains("graphql") ? "api/" + s.name() + "/schema.graphql" : null;
    };
  }

  /** Whether any contract of the service is generated (OpenAPI, protobuf or GraphQL schema). */
  boolean hasContract(Service s) {
    return contractPath(s) != null;
  }

  /** Whether the service has a generated OpenAPI contract, whose operations the authorization matrix lists. */
  boolean hasOpenApi(Service s) {
    return s.api() == Api.REST && deliverables.contains("openapi");
  }

  String authz(Service s) {
    return hasOpenApi(s) ? Md.link("AUTHZ-MATRIX.md § " + s.name(), "AUTHZ-MATRIX.md#" + Md.anchor(s.name()))
        : Md.link("AUTHZ-MATRIX.md § services without an OpenAPI contract",
            "AUTHZ-MATRIX.md#" + Md.anchor(AuthzMatrixBuilder.NO_CONTRACT));
  }

  String section(String heading) {
    return Md.link("SECURITY.md § " + heading, "SECURITY.md#" + Md.anchor(heading));
  }

  String decision(String topic) {
    if (!deliverables.contains("decision-records") || DecisionTopic.byId(topic).isEmpty()) {
      return "decision " + topic;
    }
    String file = recordFile.apply(topic);
    return Md.link("decision " + file.substring(0, 4) + " " + topic, "../decisions/" + file);
  }

  String capacity(String what) {
    return deliverables.contains("capacity") ? Md.link("CAPACITY.md (" + what + ")", "../CAPACITY.md") : what;
  }

  /** An alert of the observability deliverable, with its runbook; or what to alert on. */
  String alert(String name, String otherwise) {
    if (deliverables.contains("observability")) {
      return Md.link("alert " + name, "../observability/RUNBOOK.md#" + AlertNames.anchor(name));
    }
    return team("alert on " + otherwise);
  }

  /** Another document of the security folder. */
  static String doc(String file) {
    return Md.link(file, file);
  }

  /** The SLOs and alerts of the observability deliverable, or what the team must set up without them. */
  String operations(String what) {
    return deliverables.contains("observability") ? Md.link("observability/SLO.md", "../observability/SLO.md")
        + " and " + Md.link("alerts.yaml", "../observability/alerts.yaml") : team(what);
  }

  /** The network rule that admits only {@code from} to {@code to}, on the chosen runtime. */
  String network(String from, String to) {
    String rule = from + " may reach " + to + ", nothing else may";
    if (system.kubernetes()) {
      return deliverables.contains("kubernetes") ? Md.link("NetworkPolicy: " + rule, "../deploy/k8s/README.md")
          : team("Kubernetes NetworkPolicy: " + rule);
    }
    return team(system.deployment().equals("vm") ? "security group: " + rule : "IAM and VPC rules: " + rule);
  }

  /** The constraints of the schema migrations, or what the team must enforce without them. */
  String migrations(String what) {
    return deliverables.contains("migrations") ? Md.link("migrations (" + what + ")", "../db/README.md")
        : team(what + " in the schema migrations");
  }
}
