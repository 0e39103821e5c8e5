package dev.archforge.facts.schema;

import dev.archforge.facts.Listing;
import dev.archforge.facts.Naming;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Field;
import dev.archforge.model.Plan;
import java.util.Set;

/**
 * How each field is stored, decided once for the migrations, the database README and the security
 * documents. A credential the service only ever verifies (a password, passphrase, passcode or PIN)
 * is a salted argon2id hash; any other secret, and personal data when the data-protection decision
 * asks for field-level encryption, is application-encrypted ciphertext; everything else is plain
 * (the disk is encrypted). Ciphertext that must be unique or looked up gets a blind index next to
 * it: an HMAC-SHA-256 of the value under a separate key, deterministic, so it can carry the unique
 * key and the index.
 */
public final class FieldProtection {
  private static final Set<String> VERIFY_ONLY = Set.of("password", "passphrase", "passcode", "pin");
  /** Length of an argon2id PHC string with room to raise its parameters. */
  static final int HASH_LENGTH = 255;
  /** HMAC-SHA-256 in hex. */
  static final int BLIND_INDEX_LENGTH = 64;
  /** Bytes of an AES-256-GCM envelope around the value: version, key id, nonce and tag. */
  static final int CIPHERTEXT_OVERHEAD = 64;
  /** Bytes of a value that is not text (a number, a date) once serialised, before encryption. */
  static final int VALUE_BYTES = 64;
  /** What the comment of every hashed or encrypted column says. */
  private static final String NEVER_CLEAR = "never the clear value";
  /** Suffix of a blind index column. */
  public static final String BLIND_INDEX_SUFFIX = "_bidx";

  /** How a field's value sits in its column. */
  public enum Storage { PLAIN, HASH, ENCRYPTED }

  private final String protection;
  private final String keyService;

  public FieldProtection(Plan plan) {
    this.protection = plan.decision("data-protection").map(Decision::choice).orElse("baseline");
    this.keyService = keyService(plan.decision("secrets").map(Decision::choice).orElse("kubernetes-secrets"),
        plan.requirements().project().cloud());
  }

  /** Whether personal fields are encrypted field by field (not only by the disk). */
  public boolean fieldLevelPii() {
    return !protection.equals("baseline");
  }

  /** Where the keys of field-level encryption live, per the secrets decision and the cloud. */
  public String keyService() {
    return keyService;
  }

  public Storage storage(Field f) {
    if (f.secret()) {
      boolean verifyOnly = Naming.words(f.name()).stream().anyMatch(VERIFY_ONLY::contains);
      return verifyOnly && !f.unique() && !f.indexed() ? Storage.HASH : Storage.ENCRYPTED;
    }
    return f.pii() && fieldLevelPii() ? Storage.ENCRYPTED : Storage.PLAIN;
  }

  public boolean blindIndexed(Field f) {
    return storage(f) == Storage.ENCRYPTED && (f.unique() || f.indexed() || Listing.filterable(f));
  }

  /** The blind index column of a column. */
  public static String blindIndexOf(String column) {
    return SqlNames.identifier(SqlNames.withoutTrailingUnderscores(column) + BLIND_INDEX_SUFFIX);
  }

  /** How the value is kept at rest, as a phrase that the documents print. */
  public String atRest(Field f) {
    String lookup = blindIndexed(f) ? "; a blind index (HMAC-SHA-256 under a separate key) beside it serves the "
        + (f.unique() ? "unique constraint" : "index") + " and equality lookups" : "";
    return switch (storage(f)) {
      case HASH -> "a salted argon2id hash, never the clear value; only ever verified";
      case ENCRYPTED -> "field-level encryption (AES-256-GCM, data key from " + keyService + ")" + lookup;
      case PLAIN -> "storage encryption only (data-protection is " + protection + ")";
    };
  }

  /** The column comment of a hashed or encrypted field. */
  String comment(Field f) {
    String dataClass = f.secret() ? "secret" + (f.pii() ? ", personal data (pii)" : "") : "personal data (pii)";
    String api = f.secret() ? " the API takes the value write-only" : " the service decrypts it for allowed roles";
    return switch (storage(f)) {
      case HASH -> "Data class: secret" + (f.pii() ? ", personal data (pii)" : "") + ". Holds a salted argon2id hash"
          + " (PHC string), " + NEVER_CLEAR + "; the API takes the value write-only and only ever verifies it.";
      case ENCRYPTED -> "Data class: " + dataClass + ". Holds AES-256-GCM ciphertext (data key from " + keyService
          + "), " + NEVER_CLEAR + ";" + api + ".";
      case PLAIN -> throw new IllegalArgumentException(f.name() + " is stored plain");
    };
  }

  /**
   * Whether a type change makes a column hold a hash or ciphertext that held clear values: SQL
   * cannot compute it, so no cast may fill the new column.
   */
  static boolean protects(Table.Column before, Table.Column after) {
    return guarded(after) && !guarded(before);
  }

  private static boolean guarded(Table.Column c) {
    return c.comment() != null && c.comment().contains(NEVER_CLEAR);
  }

  static String blindIndexComment(String column) {
    return "Blind index of " + column + ": HMAC-SHA-256 (hex) of the clear value under a separate key, for"
        + " unique checks and lookups without decrypting.";
  }

  private static String keyService(String secrets, Cloud cloud) {
    if (secrets.equals("vault")) {
      return "Vault's transit engine";
    }
    return switch (cloud) {
      case AWS -> "AWS KMS";
      case GCP -> "Cloud KMS";
      case AZURE -> "Azure Key Vault";
      case ANY -> "the cloud's KMS";
    };
  }
}
