package dev.archforge.facts.deploy;

import dev.archforge.facts.Facts;
import dev.archforge.facts.schema.DynamoTableName;
import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * How each cell's databases (and DynamoDB tables, on aws) come back in its recovery region after
 * losing its primary region: the steps RUNBOOK.md gives, from the same cells, backup decision, database
 * endpoints and tables that infra/'s production roots copy the backups with; the cache is not restored.
 * Empty when the plan copies no backups (nightly snapshots), names no region, or writes no infra for its
 * cloud ({@code any}).
 *
 * @param cell the jurisdiction, or the home jurisdiction without {@code dataResidency}
 * @param root the production root module that creates the databases ({@code prod} or {@code prod-<cell>})
 * @param stepsMd the numbered steps, Markdown
 */
public record Restores(String cell, String root, String primary, String recovery, List<String> stepsMd) {
  public Restores {
    stepsMd = List.copyOf(stepsMd);
  }

  public static List<Restores> of(Facts facts) {
    Plan plan = facts.plan();
    Cloud cloud = plan.requirements().project().cloud();
    boolean copies = !Deployables.choice(plan, "backup-dr", "point-in-time-recovery").equals("daily-backups");
    if (!copies || cloud == Cloud.ANY || plan.cells().cells().stream().allMatch(c -> c.recovery().isEmpty())) {
      return List.of();
    }
    List<Endpoints.Endpoint> databases = Endpoints.of(facts.deployables()).stream().filter(e -> e.role()
        .equals("database") && (e.technology().equals("postgresql") || e.technology().equals("mysql"))).toList();
    List<String> tables = cloud == Cloud.AWS ? DynamoTableName.all(facts.schemas(), plan.requirements()) : List.of();
    if (databases.isEmpty() && tables.isEmpty()) {
      return List.of();
    }
    String project = plan.requirements().project().name();
    List<Restores> all = new ArrayList<>();
    for (Cell c : plan.cells().cells()) {
      if (c.primary().isEmpty() || c.recovery().isEmpty()) {
        continue;
      }
      String root = plan.cells().residency() ? "prod-" + c.jurisdiction() : "prod";
      String primary = c.primary().get();
      String to = c.recovery().get();
      List<String> steps = new ArrayList<>();
      steps.add("Declare the disaster: " + primary + " is down for longer than the restore takes (RTO of hours);"
          + " the person the backup-dr record names decides.");
      String var = "-var " + (cloud == Cloud.AZURE ? "location" : "region") + "=" + to;
      steps.add("Create the cell's network and keys in " + to + ": apply `infra/envs/" + root + "` with `" + var
          + " -target=module.network -target=module.kms` into a state of its own.");
      for (Endpoints.Endpoint db : databases) {
        String instance = project + "-" + root + "-" + db.name();
        steps.add(switch (cloud) {
          case AWS -> "Restore `" + instance + "` from its backups replicated to " + to + ": `aws rds"
              + " restore-db-instance-to-point-in-time --region " + to + " --source-db-instance-automated-backups-arn"
              + " <backup_replication_arn of module.database in infra/envs/" + root + "> --target-db-instance-identifier "
              + instance + " --use-latest-restorable-time --db-subnet-group-name <a subnet group in " + to + ">"
              + " --kms-key-id <the backup key in " + to + ">`.";
          case GCP -> "Restore `" + instance + "` from the backups kept in " + to + " (the last daily backup: the"
              + " transaction logs stay in " + primary + "): `gcloud sql backups list --instance=" + instance + "`, then"
              + " `gcloud sql backups restore BACKUP_ID --backup-instance=" + instance + " --restore-instance=<a new"
              + " instance in " + to + ">`.";
          default -> "Geo-restore `" + instance + "` into " + to + ", the pair its geo-redundant backups are kept in"
              + " (Azure's RPO for them is up to an hour): `az " + (db.technology().equals("mysql") ? "mysql" : "postgres")
              + " flexible-server geo-restore --source-server " + instance + " --name " + instance + "-" + to
              + " --location " + to + " --resource-group <the root's resource group>`.";
        });
      }
      for (String table : tables) {
        steps.add("Restore the DynamoDB table `" + table + "` from its last daily backup copied to " + to + " (the"
            + " writes since are lost; point-in-time recovery covers " + primary + " only): find the newest recovery"
            + " point of the table with `aws backup list-recovery-points-by-backup-vault --region " + to
            + " --backup-vault-name " + project + "-" + root + "-copy`, then `aws backup start-restore-job --region "
            + to + " --recovery-point-arn <it> --iam-role-arn <role_arn of module.backup in infra/envs/" + root
            + "> --metadata TargetTableName=" + table + "`.");
      }
      if (!Deployables.choice(plan, "caching", "none").equals("none")) {
        steps.add("Do not restore the cache: it holds copies only (cache-aside), so the new one starts empty and"
            + " refills from the databases.");
      }
      steps.add("Apply the rest of `infra/envs/" + root + "` with `" + var + "` in that state, point the private DNS"
          + " records at the restored databases and deploy the services there; the data stays in " + c.jurisdiction()
          + ".");
      steps.add("When " + primary + " is back, copy the data back in a maintenance window and move the traffic back.");
      all.add(new Restores(c.jurisdiction(), root, primary, to, steps));
    }
    return all;
  }
}
