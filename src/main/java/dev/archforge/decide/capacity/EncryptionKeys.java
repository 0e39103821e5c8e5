package dev.archforge.decide.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * The customer-managed keys one production root of infra/ creates, as CAPACITY.md counts them: the
 * environment's key (modules/kms), which encrypts its data stores, secrets and images; a key in the
 * recovery region for each copy of backups kept there (aws: one per database, whose replicated
 * backups RDS encrypts with a key of that region, and one for the DynamoDB tables' backup vault;
 * azure: the Key Vault of the databases' geo-redundant backups); on gcp, a key in the standby region
 * for the secret entries' copies there. The standby region's root has its own environment's key.
 *
 * @param environment the environment's key
 * @param backupCopies the keys of the backup copies in the recovery region
 * @param secondRegion the key in the standby region for the secret entries' copies (gcp)
 */
public record EncryptionKeys(int environment, int backupCopies, int secondRegion) {
  /** Keys of the standby region's root: its environment's key. */
  public static final int STANDBY_ROOT = 1;

  /**
   * @param databases the managed relational databases, one per deployable that owns data
   * @param tables whether the plan keeps DynamoDB tables (backed up by AWS Backup on aws)
   * @param copied whether backups are copied to the recovery region
   * @param standbySecrets whether a standby region keeps copies of secret entries
   */
  public static EncryptionKeys of(String cloud, int databases, boolean tables, boolean copied, boolean standbySecrets) {
    int copies = !copied ? 0 : switch (cloud) {
      case "aws" -> databases + (tables ? 1 : 0);
      case "azure" -> databases > 0 ? 1 : 0;
      default -> 0;
    };
    return new EncryptionKeys(1, copies, cloud.equals("gcp") && standbySecrets ? 1 : 0);
  }

  public int total() {
    return environment + backupCopies + secondRegion;
  }

  /** What the keys are, for CAPACITY.md. */
  public String describe() {
    List<String> parts = new ArrayList<>(List.of(environment + " the environment's"));
    if (backupCopies > 0) {
      parts.add(backupCopies + " for the backup copies in the recovery region");
    }
    if (secondRegion > 0) {
      parts.add(secondRegion + " for the secret entries' copies in the standby region");
    }
    return String.join(", ", parts);
  }
}
