package dev.archforge.deliverable.infra;

import java.util.List;

/**
 * The parts of one root of infra/ ({@link EnvView}) as its templates read them: databases and their
 * backups, the cache, the cluster, secret entries, routes, autoscaling and instance groups.
 */
public final class RootParts {
  private RootParts() {}

  /**
   * A managed database of one deployable.
   *
   * @param key the deployable that owns it
   * @param name its endpoint's name ({@code shop-db}), also the instance's name
   * @param engine {@code postgresql} or {@code mysql}
   * @param instance the cloud's instance class or tier for this environment
   * @param standby a synchronous standby in another zone (high availability)
   * @param replicas read replicas
   * @param backupDays how long automated backups (and the point-in-time window) are kept
   * @param pitr whether point-in-time recovery is on
   * @param sizing the formula of the instance and storage, for a comment
   * @param backupRegion the recovery region its backups are copied to (CAPACITY.md's Cells, the backup-dr
   *     record's {@code cells.recovery}); empty for none
   */
  public record DatabaseView(String key, String name, String engine, String version, int port, String dbName,
      String instance, int vcpu, int storageGb, int maxStorageGb, boolean standby, int replicas, int backupDays,
      boolean pitr, String sizing, String backupRegion) {}

  /**
   * The AWS Backup plan of the DynamoDB tables (infra/modules/backup).
   *
   * @param tables the tables of db/&lt;service&gt;/dynamodb.json (facts/schema/DynamoTableName)
   * @param retentionDays how long each backup and its copy are kept (facts/deploy/Backups in production)
   * @param copyRegion the recovery region each backup is copied to, as the databases' backup region; empty for none
   */
  public record BackupView(List<String> tables, int retentionDays, String copyRegion) {
    public BackupView {
      tables = List.copyOf(tables);
    }
  }

  /** The cache: one Redis, sized from {@code cacheGb}. */
  public record CacheView(String name, String instance, int memoryGb, int capacity, boolean replica, String sizing) {}

  /** The cluster's nodes, sized from the deployables' pods; administered by the principals the root's variable names. */
  public record ClusterView(String name, String nodeType, int minNodes, int maxNodes, String sizing) {
    /** The root variable naming the principals granted cluster admin, and no one else (no creator's implicit right). */
    public String adminsVariable() {
      return "cluster_admins";
    }

    /** The Kubernetes group of the deploy identity, which deploy/k8s/access/ binds its Role to (facts/deploy/DeployAccess). */
    public String deployGroup(String project) {
      return dev.archforge.facts.deploy.DeployAccess.group(project);
    }
  }

  /** A deployable's entry in the secret manager: its name there, never a value. */
  public record SecretView(String deployable, String key) {}

  /**
   * One public path prefix of a deployable, with the load balancer rule's priority (unique per root).
   *
   * @param key unique per route, for a resource key
   */
  public record RouteView(String key, String deployable, String path, int priority) {}

  /** The fewest and most instances of one deployable's autoscaling. */
  public record ScalingView(String deployable, int min, int max) {}

  /**
   * The instance group of one deployable on virtual machines.
   *
   * @param type the cloud's machine type
   * @param min the group's floor: the availability target's replica floor in production
   * @param max the group's ceiling: CAPACITY.md's autoscaling maximum in production
   * @param sizing the formula of the bounds and the type, for a comment
   * @param called whether another deployable calls it, at its name in the private zone: only then does it
   *     get an internal load balancer of its own (gcp, azure; AWS routes every name on one)
   */
  public record MachineView(String name, String type, int min, int max, String sizing, boolean called) {}
}
