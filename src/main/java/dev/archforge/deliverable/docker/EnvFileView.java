package dev.archforge.deliverable.docker;

import dev.archforge.deliverable.docker.ComposeView.Env;
import java.util.List;

/**
 * What {@code deploy/env/<name>.env.example} shows: the secret variables one container reads, with
 * placeholder values that work together locally (an app's database password equals the database
 * container's). Names and values are built in Java from checked names: no escaping is needed.
 *
 * @param container the Compose service that reads the copy {@code env/<name>.env}
 * @param sharedWith the other containers whose env files must hold the same values
 */
public record EnvFileView(String container, List<Env> entries, List<String> sharedWith) {
  public EnvFileView {
    entries = List.copyOf(entries);
    sharedWith = List.copyOf(sharedWith);
  }
}
