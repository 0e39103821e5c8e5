package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The small documents in {@code /validate/warm-up/} that validators check in {@link Validator#prepare}:
 * a run calls it on a spare core while it loads and decides, so that the parsers' first real
 * document finds their classes initialised and their code compiled. Each is valid (tested). Once
 * per validator: the later runs of a batch find it warm already.
 */
public final class WarmUp {
  private final String file;
  private final Artifact.Kind kind;
  private final AtomicBoolean done = new AtomicBoolean();

  public WarmUp(String file, Artifact.Kind kind) {
    this.file = file;
    this.kind = kind;
  }

  /** Has {@code validator} check the warm-up document, the first time it is asked. */
  public void once(Validator validator) {
    if (done.compareAndSet(false, true)) {
      validator.validate(artifact(file, kind));
    }
  }

  public static Artifact artifact(String file, Artifact.Kind kind) {
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
