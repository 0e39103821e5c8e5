package dev.archforge.write;

import dev.archforge.model.Artifact;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An artifact's bytes, encoded once, and their SHA-256, computed once: a run plans its changes,
 * plans them again under the lock before it commits, and stages the same bytes. The bytes are
 * shared, so nothing may write into them.
 */
final class Encoded {
  private final byte[] bytes;
  private volatile String sha256;

  private Encoded(byte[] bytes) {
    this.bytes = bytes;
  }

  static Encoded of(Artifact artifact) {
    return artifact.derived().get(Encoded.class, () -> new Encoded(artifact.bytes()));
  }

  byte[] bytes() {
    return bytes;
  }

  String sha256() {
    String known = sha256;
    if (known == null) {
      known = Sha256.hex(bytes);
      sha256 = known;
    }
    return known;
  }

  /**
   * SHA-256s of bytes, taken from the artifact they were encoded from when they are one's; safe to
   * read from several threads.
   */
  static final class Hashes {
    private final Map<byte[], Encoded> known = new IdentityHashMap<>();

    Hashes(List<Artifact> artifacts) {
      artifacts.forEach(a -> known.put(Encoded.of(a).bytes(), Encoded.of(a)));
    }

    String of(byte[] bytes) {
      Encoded encoded = known.get(bytes);
      return encoded != null ? encoded.sha256() : Sha256.hex(bytes);
    }
  }
}
