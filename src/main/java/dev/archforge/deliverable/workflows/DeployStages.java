package dev.archforge.deliverable.workflows;

import dev.archforge.deliverable.workflows.WorkflowsView.Stage;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The deploy workflow's jobs on the runtimes that are not Kubernetes, one per root of infra/ in
 * order: SAM stacks, managed-container descriptors, virtual machines' instance groups.
 */
final class DeployStages {
  private DeployStages() {}

  /** One SAM stack per environment, {@code <project>-<env>}; under dataResidency prod is one stack per cell. */
  static List<Stage> sam(Plan plan) {
    String project = plan.requirements().project().name();
    String primary = plan.cells().primaryRegion().orElseThrow();
    List<Stage> stages = new ArrayList<>();
    String previous = "";
    for (String env : WorkflowsViews.ENVIRONMENTS) {
      if (env.equals("prod") && plan.cells().residency()) {
        for (var cell : plan.cells().cells()) {
          String name = "prod-" + cell.jurisdiction();
          stages.add(new Stage(name, previous, Layout.SAM + name + "/template.yaml", project + "-" + name, "sam", "",
              cell.primary().orElseThrow()));
        }
        continue;
      }
      String template = Layout.SAM + (plan.cells().residency() ? plan.cells().testFolder() + "/" : "")
          + "template.yaml";
      stages.add(new Stage(env, previous, template, project + "-" + env, "sam", "", primary));
      previous = env;
    }
    return stages;
  }

  /**
   * One job per environment rolling out the descriptors of {@code deploy/<platform>/}; under
   * dataResidency prod is one job per cell from its folder {@code prod-<cell>/}, in its region, and
   * dev and staging run the first cell's.
   */
  static List<Stage> managed(Plan plan) {
    String project = plan.requirements().project().name();
    String dir = Layout.managedContainers(plan.requirements().project().cloud());
    String platform = dir.substring("deploy/".length(), dir.length() - 1);
    List<Stage> stages = new ArrayList<>();
    String previous = "";
    for (String env : WorkflowsViews.ENVIRONMENTS) {
      // where the services go: the root's ECS cluster or resource group (the project on Cloud Run)
      String where = managedWhere(platform, project, env);
      if (!plan.cells().residency()) {
        stages.add(new Stage(env, previous, "", where, platform, dir.substring(0, dir.length() - 1),
            plan.cells().primaryRegion().orElse("")));
      } else if (env.equals("prod")) {
        for (var cell : plan.cells().cells()) {
          String root = CloudNames.productionRoot(cell.jurisdiction());
          stages.add(new Stage(root, previous, "", managedWhere(platform, project, root), platform,
              dir + "prod-" + cell.jurisdiction(), cell.primary().orElseThrow()));
        }
        continue;
      } else {
        var first = plan.cells().cells().get(0);
        stages.add(new Stage(env, previous, "", where, platform, dir + plan.cells().testFolder(),
            first.primary().orElseThrow()));
      }
      previous = env;
    }
    return stages;
  }

  /** Where a root's managed containers go: its ECS cluster, its resource group, or (Cloud Run) the project. */
  private static String managedWhere(String platform, String project, String root) {
    return switch (platform) {
      case "ecs" -> CloudNames.ecsCluster(project, root);
      case "containerapps" -> CloudNames.resourceGroup(project, root);
      default -> project;
    };
  }

  /**
   * One job per environment replacing the machines of each auto scaling group with the user data of
   * {@code deploy/vm/} naming this commit's image; under dataResidency prod is one job per cell from
   * its folder {@code prod-<cell>/}, in its region, and dev and staging run the first cell's.
   */
  static List<Stage> vm(Plan plan) {
    String project = plan.requirements().project().name();
    String dir = Layout.VM.substring(0, Layout.VM.length() - 1);
    // the instance groups are <project>-<deployable>: AWS auto scaling groups (<namespace>-<deployable>, the
    // namespace the root's in dev and staging), Google managed instance groups (each environment its own Google
    // project), Azure scale sets in the root's resource group
    String target = switch (plan.requirements().project().cloud()) {
      case GCP -> "mig";
      case AZURE -> "vmss";
      default -> "asg";
    };
    java.util.function.UnaryOperator<String> where = root -> target.equals("vmss")
        ? CloudNames.resourceGroup(project, root) : target.equals("asg") ? CloudNames.awsNamespace(project, root) : project;
    List<Stage> stages = new ArrayList<>();
    String previous = "";
    for (String env : WorkflowsViews.ENVIRONMENTS) {
      if (!plan.cells().residency()) {
        stages.add(new Stage(env, previous, "", where.apply(env), target, dir,
            plan.cells().primaryRegion().orElse("")));
      } else if (env.equals("prod")) {
        for (var cell : plan.cells().cells()) {
          String root = CloudNames.productionRoot(cell.jurisdiction());
          stages.add(new Stage(root, previous, "", where.apply(root), target, dir + "/" + root,
              cell.primary().orElseThrow()));
        }
        continue;
      } else {
        var first = plan.cells().cells().get(0);
        stages.add(new Stage(env, previous, "", where.apply(env), target, dir + "/prod-" + first.jurisdiction(),
            first.primary().orElseThrow()));
      }
      previous = env;
    }
    return stages;
  }
}
