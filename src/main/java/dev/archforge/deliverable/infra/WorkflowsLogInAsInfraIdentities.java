package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CiIdentities.Secret;
import dev.archforge.facts.deploy.CiIdentities.Use;
import dev.archforge.facts.deploy.CiIdentities;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every identity a GitHub workflow job logs in to the cloud as is one a
 * root of infra/ creates for it, trusting that job alone. A deploy job of GitHub environment {@code E}
 * reads the deploy secrets of facts/deploy/CiIdentities: root {@code envs/E} outputs each, its module
 * {@code ci_identity} trusts the context {@code environment:E} of the deploy workflow's file on main, and the
 * module creates the trust (an IAM role for GitHub's provider, a workload identity pool's provider and the
 * account's workloadIdentityUser binding, a federated identity credential) over the whole subject, workflow
 * file included ({@link CiIdentities#SUBJECT_FORMAT}). The ci workflow's image job reads
 * {@code <ROOT>_<NAME>} for each root: that root outputs it and trusts {@code ref:refs/heads/main} of the ci
 * workflow's file, of whose jobs only the image job may get a token. And no deploy job reads a stored
 * kubeconfig. Holds no claim when infra/ writes no root module.
 */
final class WorkflowsLogInAsInfraIdentities implements CrossValidator {
  static final String NAME = "workflows-log-in-as-infra-identities";
  static final String CI = Layout.CI_WORKFLOW;
  static final String MODULE = InfraDeliverable.ROOT + "modules/ci-identity/main.tf";
  private static final Pattern ROOT = Pattern.compile("infra/envs/([a-z0-9-]+)/main\\.tf");
  private static final Pattern SECRET = Pattern.compile("\\$\\{\\{\\s*secrets\\.([A-Za-z0-9_]+)\\s*}}");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Root.Cache roots = new Root.Cache(all);
    List<String> names = new ArrayList<>();
    for (Artifact a : all) {
      Matcher m = ROOT.matcher(a.path());
      if (m.matches() && roots.at(a.path()).isPresent()) {
        names.add(m.group(1));
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (names.isEmpty()) {
      return findings;
    }
    Cloud cloud = cloud(roots.of(names.get(0)).orElseThrow());
    List<String> trusts = trusts(roots.at(MODULE), cloud);
    all.stream().filter(a -> a.path().equals(MODULE) && !a.content().contains("format(\"" + CiIdentities.SUBJECT_FORMAT
        + "\"")).forEach(a -> trusts.add("its subjects do not name the workflow file (format \""
        + CiIdentities.SUBJECT_FORMAT + "\")"));
    deployJobs(all, roots, cloud, trusts, findings);
    pushJob(all, roots, names, cloud, trusts, findings);
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    boolean roots = all.stream().anyMatch(a -> ROOT.matcher(a.path()).matches());
    boolean jobs = GeneratedYaml.node(all, Layout.DEPLOY_WORKFLOW).path("jobs").size() > 0;
    return !roots && jobs ? Optional.of("the deploy jobs log in, but no cloud is chosen: infra/ writes no root module"
        + " that could create their identities") : Optional.empty();
  }

  /** Each deploy job logs in as the deploy identity its environment's root creates for it, with no kubeconfig. */
  private static void deployJobs(List<Artifact> all, Root.Cache roots, Cloud cloud, List<String> trusts,
      List<Finding> findings) {
    JsonNode jobs = GeneratedYaml.node(all, Layout.DEPLOY_WORKFLOW).path("jobs");
    for (Iterator<Map.Entry<String, JsonNode>> it = jobs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> job = it.next();
      String env = job.getValue().path("environment").asText("");
      Set<String> read = secrets(job.getValue());
      String where = "the deploy job " + job.getKey();
      read.stream().filter(s -> s.toUpperCase(java.util.Locale.ROOT).contains("KUBE")).forEach(s ->
          findings.add(finding(Layout.DEPLOY_WORKFLOW, where + " reads a stored kubeconfig (secret " + s + "); it"
              + " gets the cluster's credentials as its environment's deploy identity")));
      List<Secret> used = CiIdentities.of(cloud, Use.DEPLOY).stream().filter(s -> read.contains(s.name())).toList();
      if (used.isEmpty()) {
        findings.add(finding(Layout.DEPLOY_WORKFLOW, where + " logs in as no identity that infra/ creates for "
            + "environment " + env + " (its secrets name none of " + CiIdentities.of(cloud, Use.DEPLOY).stream()
            .map(Secret::name).toList() + ")"));
        continue;
      }
      identity(roots, env, used, where + " (environment " + env + ")",
          Layout.DEPLOY_WORKFLOW, trusts, findings);
    }
  }

  /** The image job pushes to each root as the push identity that root creates, trusting main alone. */
  private static void pushJob(List<Artifact> all, Root.Cache roots, List<String> names, Cloud cloud,
      List<String> trusts, List<Finding> findings) {
    JsonNode ci = GeneratedYaml.node(all, CI);
    if (ci.isMissingNode() || CiIdentities.of(cloud, Use.PUSH).isEmpty()) {
      return;
    }
    Set<String> read = secrets(ci.path("jobs").path("images"));
    if (read.isEmpty()) {
      return; // no image job: nothing is pushed
    }
    if (ci.path("permissions").path("id-token").asText("").equals("write")) {
      findings.add(finding(CI, "every job of the ci workflow may get an OpenID Connect token (permissions: id-token:"
          + " write), so each could be the push identity: only the image job may"));
    }
    ci.path("jobs").fields().forEachRemaining(job -> {
      if (!job.getKey().equals("images") && job.getValue().path("permissions").path("id-token").asText("").equals("write")) {
        findings.add(finding(CI, "the job " + job.getKey() + " of the ci workflow may get an OpenID Connect token, so it"
            + " could be the push identity: only the image job may"));
      }
    });
    for (String root : names) {
      List<Secret> used = CiIdentities.of(cloud, Use.PUSH).stream().filter(s -> read.contains(s.pushSecret(root)))
          .toList();
      if (used.size() < CiIdentities.of(cloud, Use.PUSH).size()) {
        findings.add(finding(CI, "the image job does not read which identity pushes to the registry of " + root
            + " (secrets " + CiIdentities.of(cloud, Use.PUSH).stream().map(s -> s.pushSecret(root)).toList() + ")"));
        continue;
      }
      identity(roots, root, used, "the image job (pushing to " + root + ")",
          CI, trusts, findings);
    }
  }

  /** Root {@code env} outputs what each secret holds and its ci_identity module trusts the job's context and workflow. */
  private static void identity(Root.Cache roots, String env, List<Secret> used, String who,
      String path, List<String> trusts, List<Finding> findings) {
    Optional<Root> root = roots.of(env);
    if (root.isEmpty()) {
      findings.add(finding(path, who + " logs in as an identity of root " + env + ", which infra/ does not write"));
      return;
    }
    Map<?, ?> outputs = root.get().parsed().get("output") instanceof Map<?, ?> o ? o : Map.of();
    used.stream().filter(s -> !outputs.containsKey(s.output())).forEach(s -> findings.add(finding(path, who
        + " reads secret " + s.name() + ", but " + root.get().path() + " has no output " + s.output())));
    Use use = used.get(0).use();
    String name = use.name().toLowerCase(java.util.Locale.ROOT);
    Object subjects = root.get().module("ci_identity").get("subjects");
    Map<?, ?> trusted = subjects instanceof Map<?, ?> m && m.get(name) instanceof Map<?, ?> t ? t : Map.of();
    String context = CiIdentities.context(use, env);
    String workflow = CiIdentities.workflow(use);
    if (!context.equals(String.valueOf(trusted.get("context"))) || !workflow.equals(String.valueOf(trusted.get("workflow")))) {
      findings.add(finding(path, who + " presents the context " + context + " of " + workflow + ", but the " + name
          + " identity of " + root.get().path() + " trusts " + (trusted.isEmpty() ? "none" : trusted.get("context")
          + " of " + trusted.get("workflow"))));
    }
    trusts.forEach(missing -> findings.add(finding(path, who + " logs in as an identity " + MODULE
        + " does not let it be: " + missing)));
  }

  /** What the module lacks to let a GitHub token be the identities, by cloud; empty when it has it all. */
  private static List<String> trusts(Optional<Root> module, Cloud cloud) {
    Map<?, ?> resources = module.map(m -> m.parsed().get("resource")).filter(Map.class::isInstance)
        .map(Map.class::cast).orElse(Map.of());
    List<String> needs = switch (cloud) {
      case AWS -> List.of("aws_iam_role", "aws_iam_openid_connect_provider");
      case GCP -> List.of("google_iam_workload_identity_pool_provider", "google_service_account_iam_member");
      case AZURE -> List.of("azurerm_user_assigned_identity", "azurerm_federated_identity_credential");
      case ANY -> List.of();
    };
    List<String> missing = new ArrayList<>();
    needs.stream().filter(t -> !resources.containsKey(t)).forEach(t -> missing.add("no " + t));
    if (cloud == Cloud.GCP && resources.get("google_service_account_iam_member") instanceof Map<?, ?> members
        && members.values().stream().noneMatch(m -> m instanceof Map<?, ?> b
            && "roles/iam.workloadIdentityUser".equals(b.get("role")))) {
      missing.add("no roles/iam.workloadIdentityUser binding");
    }
    return missing;
  }

  /** The cloud of a root module, by the provider it configures. */
  static Cloud cloud(Root root) {
    Object providers = root.parsed().get("provider");
    if (providers instanceof Map<?, ?> p && p.containsKey("google")) {
      return Cloud.GCP;
    }
    return providers instanceof Map<?, ?> p && p.containsKey("azurerm") ? Cloud.AZURE : Cloud.AWS;
  }

  /** The names of the secrets anything under {@code node} reads. */
  private static Set<String> secrets(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    if (node.isTextual()) {
      Matcher m = SECRET.matcher(node.asText());
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    node.elements().forEachRemaining(child -> names.addAll(secrets(child)));
    return names;
  }

  private static Finding finding(String path, String message) {
    return new Finding(path, 0, message, NAME);
  }
}
