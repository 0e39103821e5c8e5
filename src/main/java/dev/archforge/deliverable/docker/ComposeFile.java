package dev.archforge.deliverable.docker;

import dev.archforge.deliverable.docker.ComposeView.App;
import dev.archforge.deliverable.docker.ComposeView.Env;
import dev.archforge.deliverable.docker.ComposeView.Store;
import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.Backing;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.LocalImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the Compose view and the env file examples from the deployables. */
final class ComposeFile {
  static final int FIRST_HOST_PORT = 8081;

  private ComposeFile() {}

  static ComposeView view(List<Deployable> deployables) {
    Map<String, Store> stores = new LinkedHashMap<>();
    List<App> apps = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < deployables.size(); i++) {
      Deployable d = deployables.get(i);
      List<String> dependsOn = new ArrayList<>();
      for (Backing b : d.backing()) {
        Store store = Stores.of(b, Naming.snake(d.name()));
        if (store == null) {
          notes.add(d.name() + " uses the cloud's pub/sub service, which has no container here: point it at"
              + " the cloud's emulator or a development project.");
          continue;
        }
        stores.putIfAbsent(store.name(), store);
        dependsOn.add(store.name());
      }
      List<Env> environment = d.settings().stream().map(s -> new Env(s.key(), s.local())).toList();
      String envFile = d.secrets().isEmpty() ? null : "./env/" + d.name() + ".env";
      String check = DockerfileView.healthcheck(d, ImageRecipe.of(d.language(), d.name()));
      apps.add(new App(d.name(), LocalImages.local(d.project(), d.name()), sourceVariable(d), FIRST_HOST_PORT + i, d.port(), environment, envFile,
          dependsOn, "[\"CMD\", " + check.substring(1)));
    }
    List<String> volumes = stores.values().stream().map(Store::volume).toList();
    return new ComposeView(apps, List.copyOf(stores.values()), volumes, notes.stream().distinct().toList());
  }

  /** {@code order-lines} → {@code ORDER_LINES_SRC}: where the service's source is, for the build. */
  static String sourceVariable(Deployable d) {
    return Naming.snake(d.name()).toUpperCase(Locale.ROOT) + "_SRC";
  }

  /** The env file examples: one per deployable with secrets, one per store with credentials. */
  static List<EnvFileView> envFiles(List<Deployable> deployables) {
    List<EnvFileView> files = new ArrayList<>();
    Map<String, EnvFileView> stores = new LinkedHashMap<>();
    for (Deployable d : deployables) {
      List<Env> entries = new ArrayList<>();
      List<String> shared = new ArrayList<>();
      for (String key : d.secrets()) {
        Backing b = owner(d, key);
        entries.add(new Env(key, exampleValue(b, key)));
        List<Env> credentials = Stores.credentials(b);
        if (!credentials.isEmpty()) {
          if (!shared.contains(b.host())) {
            shared.add(b.host());
          }
          stores.computeIfAbsent(b.host(), h -> new EnvFileView(h, credentials, List.of()));
        }
      }
      if (!entries.isEmpty()) {
        files.add(new EnvFileView(d.name(), entries, shared));
      }
    }
    files.addAll(stores.values());
    return files;
  }

  /** The backing service a secret variable belongs to. */
  private static Backing owner(Deployable d, String key) {
    String role = key.startsWith("DB_") ? "database" : key.startsWith("CACHE_") ? "cache" : "broker";
    return d.backing().stream().filter(b -> b.role().equals(role)).findFirst()
        .orElseThrow(() -> new IllegalStateException(d.name() + ": no " + role + " for secret " + key));
  }

  private static String exampleValue(Backing b, String key) {
    if (b.technology().equals("cassandra")) {
      return "cassandra";
    }
    return key.endsWith("_USER") || key.endsWith("_USERNAME") ? Naming.snake(b.host()) : Stores.example(b);
  }
}
