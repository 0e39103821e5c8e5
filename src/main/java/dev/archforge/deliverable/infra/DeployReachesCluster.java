package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.ClusterAccess;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every deploy job that runs kubectl against its root's cluster
 * reaches it the way that root allows (facts/deploy/ClusterAccess), since each cluster infra/
 * creates has a private API endpoint. On aws the job runs on a runner of the CodeBuild project its
 * root creates in the cluster's network (the cluster's subnets, the cluster's security group
 * admitting the runners on 443, a webhook on queued jobs of the deploy workflow alone); on gcp the
 * cluster has the DNS-based endpoint open to traffic from outside and the job gets its credentials with
 * {@code --dns-endpoint}; on azure every kubectl the job runs against the cluster goes through
 * {@code az aks command invoke}, which the cluster allows and the deploy identity may call.
 * {@code kubectl kustomize} renders files and reaches no cluster.
 */
final class DeployReachesCluster implements CrossValidator {
  static final String NAME = "deploy-reaches-cluster";
  static final String RUNNER_MODULE = InfraDeliverable.ROOT + "modules/deploy-runner/main.tf";
  static final String CLUSTER_MODULE = InfraDeliverable.ROOT + "modules/runtime-kubernetes/main.tf";
  private static final Pattern KUBECTL = Pattern.compile("\\bkubectl\\s+(?!kustomize\\b)");
  private static final Pattern LABEL = Pattern.compile(
      "codebuild-(.+)-\\$\\{\\{ *github\\.run_id *}}-\\$\\{\\{ *github\\.run_attempt *}}");
  private static final Pattern WORKFLOW_FILTER = Pattern.compile(
      "type\\s*=\\s*\"WORKFLOW_NAME\"\\s*pattern\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^resource \"([a-z0-9_]+)\" \"([a-z0-9_]+)\" \\{$(.*?)^}$");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    // a module's finding is the same for every job that uses it: said once
    java.util.Set<Finding> findings = new java.util.LinkedHashSet<>();
    JsonNode jobs = GeneratedYaml.node(all, Layout.DEPLOY_WORKFLOW).path("jobs");
    Root.Cache roots = new Root.Cache(all);
    for (Iterator<Map.Entry<String, JsonNode>> it = jobs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> job = it.next();
      String run = commands(job.getValue());
      Optional<Root> root = roots.of(job.getValue().path("environment").asText(""));
      if (!KUBECTL.matcher(run).find() || root.isEmpty() || !root.get().hasRuntime()) {
        continue; // no kubectl against a cluster, or no root of infra/ with a cluster (another rule says so)
      }
      String where = "the deploy job " + job.getKey() + " (root " + root.get().path() + ")";
      switch (ClusterAccess.of(WorkflowsLogInAsInfraIdentities.cloud(root.get()))) {
        case RUNNER_IN_VPC -> runner(all, root.get(), job.getValue().path("runs-on"), where, findings);
        case DNS_ENDPOINT -> dnsEndpoint(all, run, where, findings);
        case RUN_COMMAND -> runCommand(all, run, where, findings);
        case KUBECONFIG -> { }
      }
    }
    return List.copyOf(findings);
  }

  /** aws: the job runs on the root's CodeBuild runners, which are in the cluster's subnets and admitted by it. */
  private static void runner(List<Artifact> all, Root root, JsonNode runsOn, String where, java.util.Set<Finding> findings) {
    String project = null;
    for (JsonNode label : runsOn.isArray() ? runsOn : List.of(runsOn)) {
      Matcher m = LABEL.matcher(label.asText());
      project = m.matches() ? m.group(1) : project;
    }
    if (project == null) {
      findings.add(finding(where + " runs kubectl on " + runsOn + ", outside the cluster's VPC, whose EKS endpoint is"
          + " private: run it on codebuild-<project>-${{ github.run_id }}-${{ github.run_attempt }}, a runner of the"
          + " CodeBuild project the root creates (module deploy_runner)"));
      return;
    }
    Map<?, ?> runner = root.module("deploy_runner");
    if (!project.equals(String.valueOf(runner.get("name")))) {
      findings.add(finding(where + " runs on CodeBuild project " + project + ", which the root does not create (its"
          + " module deploy_runner names " + runner.get("name") + ")"));
      return;
    }
    String subnets = root.text("runtime", "subnet_ids");
    String network = subnets.contains(".") ? subnets.substring(0, subnets.lastIndexOf('.')) : "?";
    if (!subnets.equals(String.valueOf(runner.get("subnet_ids")))
        || !(network + ".vpc_id").equals(String.valueOf(runner.get("vpc_id")))
        || !"module.runtime.cluster_security_group_id".equals(String.valueOf(runner.get("cluster_security_group_id")))) {
      findings.add(finding(where + " runs on CodeBuild project " + project + ", whose runners are not in the cluster's"
          + " network: module deploy_runner has vpc_id " + runner.get("vpc_id") + " and subnet_ids "
          + runner.get("subnet_ids") + " where the cluster's are " + network + ".vpc_id and " + subnets
          + ", and must be admitted by module.runtime.cluster_security_group_id"));
    }
    String module = text(all, RUNNER_MODULE);
    String build = block(module, "aws_codebuild_project");
    String webhook = block(module, "aws_codebuild_webhook");
    String ingress = block(module, "aws_vpc_security_group_ingress_rule");
    List<String> missing = new ArrayList<>();
    if (!build.matches("(?s).*\\bvpc_id\\s*=\\s*var\\.vpc_id\\b.*")
        || !build.matches("(?s).*\\bsubnets\\s*=\\s*var\\.subnet_ids\\b.*")) {
      missing.add("a CodeBuild project in the VPC and subnets it is given");
    }
    if (!webhook.contains("\"WORKFLOW_JOB_QUEUED\"")) {
      missing.add("a webhook on WORKFLOW_JOB_QUEUED");
    }
    String workflow = GeneratedYaml.node(all, Layout.DEPLOY_WORKFLOW).path("name").asText("");
    if (!admitsOnly(webhook, workflow)) {
      missing.add("a WORKFLOW_NAME filter on its webhook admitting the deploy workflow (" + workflow + ") alone,"
          + " ^" + workflow + "$: any workflow of the repository could run on the runners in the cluster's network");
    }
    if (!ingress.matches("(?s).*\\bsecurity_group_id\\s*=\\s*var\\.cluster_security_group_id\\b.*")
        || !ingress.matches("(?s).*\\bfrom_port\\s*=\\s*443\\b.*") || !ingress.matches("(?s).*\\bto_port\\s*=\\s*443\\b.*")) {
      missing.add("an ingress rule of the cluster's security group admitting the runners on 443");
    }
    missing.forEach(m -> findings.add(finding("the deploy jobs run on the CodeBuild runners of " + RUNNER_MODULE
        + ", which lacks " + m)));
  }

  /** gcp: the cluster's DNS-based endpoint takes traffic from outside, and the job connects by it. */
  private static void dnsEndpoint(List<Artifact> all, String run, String where, java.util.Set<Finding> findings) {
    String cluster = block(text(all, CLUSTER_MODULE), "google_container_cluster");
    if (!cluster.matches("(?s).*control_plane_endpoints_config\\s*\\{\\s*dns_endpoint_config\\s*\\{[^}]*"
        + "allow_external_traffic\\s*=\\s*true\\b.*")) {
      findings.add(finding("the deploy jobs run kubectl against a GKE cluster whose IP endpoints are private, but "
          + CLUSTER_MODULE + " opens no DNS-based endpoint to them (control_plane_endpoints_config {"
          + " dns_endpoint_config { allow_external_traffic = true } })"));
    }
    Matcher credentials = Pattern.compile("(?m)^.*get-credentials.*$").matcher(run);
    boolean any = false;
    while (credentials.find()) {
      any = true;
      if (!credentials.group().contains("--dns-endpoint")) {
        findings.add(finding(where + " gets the cluster's credentials without --dns-endpoint: kubectl would dial"
            + " the private IP endpoint (" + credentials.group().strip() + ")"));
      }
    }
    if (!any) {
      findings.add(finding(where + " runs kubectl but never gets the cluster's credentials with --dns-endpoint"));
    }
  }

  /** azure: every kubectl against the cluster goes through az aks command invoke, which the cluster and identity allow. */
  private static void runCommand(List<Artifact> all, String run, String where, java.util.Set<Finding> findings) {
    for (String line : run.replace("\\\n", " ").split("\n")) {
      if (KUBECTL.matcher(line).find() && !line.contains("az aks command invoke")) {
        findings.add(finding(where + " runs kubectl outside az aks command invoke, against an AKS API server that is"
            + " private: " + line.strip()));
      }
    }
    if (block(text(all, CLUSTER_MODULE), "azurerm_kubernetes_cluster").matches("(?s).*run_command_enabled\\s*=\\s*false.*")) {
      findings.add(finding("the deploy jobs run kubectl through az aks command invoke, but " + CLUSTER_MODULE
          + " turns run command off"));
    }
    if (!text(all, WorkflowsLogInAsInfraIdentities.MODULE).contains("Microsoft.ContainerService/managedClusters/runcommand/action")) {
      findings.add(finding("the deploy jobs run az aks command invoke, but the deploy identity of "
          + WorkflowsLogInAsInfraIdentities.MODULE + " may not (Microsoft.ContainerService/managedClusters/runcommand/action)"));
    }
    if (run.contains("az identity show") && !text(all, WorkflowsLogInAsInfraIdentities.MODULE)
        .matches("(?s).*\\bscope\\s*=\\s*var\\.secret_store_identity_id\\b.*")) {
      findings.add(finding("the deploy jobs read the secret store identity's client id (az identity show), but the deploy"
          + " identity of " + WorkflowsLogInAsInfraIdentities.MODULE + " may not read that identity (a role assignment"
          + " scoped to var.secret_store_identity_id)"));
    }
  }

  /** Whether the webhook has a WORKFLOW_NAME filter whose pattern, anchored at both ends, matches {@code workflow}. */
  private static boolean admitsOnly(String webhook, String workflow) {
    Matcher m = WORKFLOW_FILTER.matcher(webhook);
    while (m.find()) {
      String pattern = m.group(1);
      if (pattern.startsWith("^") && pattern.endsWith("$") && Pattern.matches(pattern, workflow)) {
        return true;
      }
    }
    return false;
  }

  /** The text of the first resource of {@code type} in {@code module}, or empty. */
  private static String block(String module, String type) {
    Matcher m = BLOCK.matcher(module);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        return m.group(3);
      }
    }
    return "";
  }

  /** The shell lines of a job's steps, without their comments. */
  private static String commands(JsonNode job) {
    StringBuilder run = new StringBuilder();
    job.path("steps").forEach(step -> step.path("run").asText("").lines()
        .filter(line -> !line.strip().startsWith("#")).forEach(line -> run.append(line).append('\n')));
    return run.toString();
  }

  private static String text(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).map(Artifact::content).findFirst().orElse("");
  }

  private static Finding finding(String message) {
    return new Finding(Layout.DEPLOY_WORKFLOW, 0, message, NAME);
  }
}
