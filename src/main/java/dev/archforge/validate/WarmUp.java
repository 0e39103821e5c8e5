package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small documents in {@code /validate/warm-up/} that validators check in {@link Validator#prepare}:
 * a run calls it on a spare core while it loads and decides, so that the parsers' first real
 * document finds their classes initialised and their code compiled. Each is valid (tested). Once
 * per process: a warm daemon's later runs find the validators warm already.
 */
final class WarmUp {
  private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

  private WarmUp() {}

  /** Has {@code validator} check the warm-up document {@code file} of this kind, the first time it is asked in this process. */
  static void once(Validator validator, String file, Artifact.Kind kind) {
    if (DONE.add(file)) {
      validator.validate(artifact(file, kind));
    }
  }

  static Artifact artifact(String file, Artifact.Kind kind) {
    try (InputStream in = WarmUp.class.getResourceAsStream("/validate/warm-up/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /validate/warm-up/" + file);
      }
      return new Artifact("warm-up/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8), kind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
