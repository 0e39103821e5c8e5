package dev.archforge.deliverable.vm;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy/vm/}: for {@code deployment: vm}, each deployable's cloud-init user data, which
 * every machine of its instance group boots with: Podman runs the image the docker deliverable
 * builds as a hardened systemd service, with the environment the Kubernetes ConfigMap has, its
 * secrets read from the cloud's secret store at each start, a health check, a restart policy and
 * the cloud's logging agent shipping its log.
 */
public final class VmDeliverable implements Deliverable {
  static final String DIR = Layout.VM;

  @Override
  public String id() {
    return "vm";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return plan.capacity() != null && Deployables.choice(plan, "deployment", "").equals("vm");
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    List<HostView> hosts = Hosts.of(plan, facts.deployables());
    List<Artifact> artifacts = new ArrayList<>();
    for (HostView host : hosts) {
      artifacts.add(new Artifact(host.dir() + host.file(), renderer.render("vm/cloud-init.yaml.ftl", host),
          CloudInitValidator.KIND));
    }
    artifacts.add(new Artifact(DIR + "README.md", renderer.render("vm/README.md.ftl",
        new VmReadmeView(plan.requirements().project().cloud().spelling(), hosts, plan.cells().residency())),
        Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  @Override
  public List<String> warnings(Facts facts) {
    if (facts.plan().requirements().project().cloud().spelling().equals("any")) {
      return List.of("vm: project.cloud is any: deploy/vm/ reads secrets from systemd credentials you encrypt on "
          + "each machine and leaves logs on the machine; name the cloud for its secret store and logging agent.");
    }
    return List.of();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.startsWith(DIR) && path.endsWith(".cloud-init.yaml") ? Optional.of(CloudInitValidator.KIND)
        : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new CloudInitValidator());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(DIR + "README.md", "how each deployable runs on virtual machines: its "
        + "cloud-init user data, instance bounds from CAPACITY.md, health checks, secrets and logs",
        ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }
}
