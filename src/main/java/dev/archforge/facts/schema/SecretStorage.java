package dev.archforge.facts.schema;

import dev.archforge.facts.Naming;
import dev.archforge.model.Field;
import dev.archforge.model.Plan;
import java.util.List;
import java.util.Set;

/**
 * How a field marked {@code secret} is stored, so that its clear value never reaches the database:
 * a credential the service only ever verifies (a password, passphrase, passcode or PIN) as a salted
 * argon2id hash; any other secret (an external API key, a card token, a national id) as
 * application-encrypted ciphertext. A secret that must be unique or looked up gets a blind index
 * next to it: an HMAC-SHA-256 of the value under a separate key, deterministic, so it can carry the
 * unique key and the index. Where the encryption key comes from follows the data-protection decision.
 */
public final class SecretStorage {
  private static final Set<String> VERIFY_ONLY = Set.of("password", "passphrase", "passcode", "pin");
  /** Length of an argon2id PHC string with room to raise its parameters. */
  static final int HASH_LENGTH = 255;
  /** HMAC-SHA-256 in hex. */
  static final int BLIND_INDEX_LENGTH = 64;
  /** Bytes of an AES-256-GCM envelope around the value: version, key id, nonce and tag. */
  static final int CIPHERTEXT_OVERHEAD = 64;

  public enum Kind { HASH, ENCRYPTED }

  private final String keySource;

  public SecretStorage(Plan plan) {
    String protection = plan.decision("data-protection").map(d -> d.choice()).orElse("baseline");
    this.keySource = switch (protection) {
      case "regulated" -> "a data key from the KMS/HSM, rotated yearly";
      case "pii-protection" -> "envelope encryption with a KMS data key";
      default -> "a key from the secrets manager";
    };
  }

  public static Kind kind(Field f) {
    List<String> words = Naming.words(f.name());
    boolean verifyOnly = words.stream().anyMatch(VERIFY_ONLY::contains);
    return verifyOnly && !f.unique() && !f.indexed() ? Kind.HASH : Kind.ENCRYPTED;
  }

  public static boolean needsBlindIndex(Field f) {
    return f.secret() && kind(f) == Kind.ENCRYPTED && (f.unique() || f.indexed());
  }

  public String comment(Field f) {
    String pii = f.pii() ? ", personal data (pii)" : "";
    return switch (kind(f)) {
      case HASH -> "Data class: secret" + pii + ". Holds a salted argon2id hash (PHC string), never the clear value;"
          + " the API takes the value write-only and only ever verifies it.";
      case ENCRYPTED -> "Data class: secret" + pii + ". Holds AES-256-GCM ciphertext (" + keySource
          + "), never the clear value; the API takes the value write-only.";
    };
  }

  public static String blindIndexComment(String column) {
    return "Blind index of " + column + ": HMAC-SHA-256 (hex) of the clear value under a separate key, for"
        + " unique checks and lookups without decrypting.";
  }
}
