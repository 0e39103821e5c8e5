package dev.archforge.validate;

import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime artifacts of a workspace, indexed for the consistency rules: the Dockerfiles by
 * deployable, the Kubernetes objects of the base, the prod overlay's patches, and the autoscaling
 * bounds of CAPACITY.md's sizing table.
 */
final class DeployTree {
  static final String CAPACITY = "CAPACITY.md";
  private static final Pattern DOCKERFILE = Pattern.compile("deploy/([^/]+)/Dockerfile");
  private static final Pattern PROD_PATCH = Pattern.compile("deploy/k8s/overlays/prod/[^/]+\\.yaml");
  private static final Pattern EXPOSE = Pattern.compile("(?i)^\\s*EXPOSE\\s+(\\d+)");
  private static final Pattern USER = Pattern.compile("(?i)^\\s*USER\\s+(\\S+)");
  private static final Pattern FROM = Pattern.compile("(?i)^\\s*FROM\\s");

  /**
   * What a Dockerfile's final stage says: the first EXPOSEd port and the last USER (its uid, null
   * when it is not numeric), each with its line; 0 for what it does not say.
   */
  record Dockerfile(String path, int port, int portLine, String user, int userLine) {
    Integer uid() {
      String id = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      return id.matches("\\d+") ? Integer.valueOf(id) : null;
    }
  }

  /** A CAPACITY.md sizing row: autoscaling minimum and maximum, and the row's line. */
  record Bounds(int min, int max, int line) {}

  final Map<String, Dockerfile> dockerfiles = new LinkedHashMap<>();
  final List<Manifests.Doc> objects;
  final List<Manifests.Doc> prodPatches;
  /** Null when there is no CAPACITY.md to compare with. */
  final Map<String, Bounds> capacity;

  DeployTree(List<Artifact> all) {
    objects = Manifests.all(all.stream().filter(a -> a.kind().equals(SharedKinds.KUBERNETES)).toList());
    prodPatches = Manifests.all(all.stream().filter(a -> PROD_PATCH.matcher(a.path()).matches()
        && !a.path().endsWith("/kustomization.yaml")).toList());
    Map<String, Bounds> bounds = null;
    for (Artifact a : all) {
      Matcher m = DOCKERFILE.matcher(a.path());
      if (m.matches()) {
        dockerfiles.put(m.group(1), dockerfile(a));
      } else if (a.path().equals(CAPACITY)) {
        bounds = capacity(a.content());
      }
    }
    capacity = bounds;
  }

  List<Manifests.Doc> objects(String kind) {
    return new Manifests.Index(objects).objects(kind);
  }

  Optional<Manifests.Doc> object(String kind, String name) {
    return new Manifests.Index(objects).object(kind, name);
  }

  static Dockerfile dockerfile(Artifact a) {
    String[] lines = a.content().split("\n", -1);
    int port = 0;
    int portLine = 0;
    String user = "";
    int userLine = 0;
    for (int i = 0; i < lines.length; i++) {
      if (FROM.matcher(lines[i]).find()) {
        port = 0;
        portLine = 0;
        user = "";
        userLine = 0;
      }
      Matcher expose = EXPOSE.matcher(lines[i]);
      if (expose.find() && port == 0) {
        port = Integer.parseInt(expose.group(1));
        portLine = i + 1;
      }
      Matcher u = USER.matcher(lines[i]);
      if (u.find()) {
        user = u.group(1);
        userLine = i + 1;
      }
    }
    return new Dockerfile(a.path(), port, portLine, user, userLine);
  }

  /** The rows of the table headed {@code | Deployable |}: name, autoscaling min (4th) and max (5th). */
  static Map<String, Bounds> capacity(String markdown) {
    Map<String, Bounds> rows = new LinkedHashMap<>();
    String[] lines = markdown.split("\n", -1);
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("| Deployable |")) {
        inTable = true;
        continue;
      }
      if (!inTable) {
        continue;
      }
      if (!line.startsWith("|")) {
        break;
      }
      List<String> cells = new ArrayList<>(List.of(line.substring(1).split("\\|", -1)));
      if (cells.size() < 5 || cells.get(0).strip().startsWith("---")) {
        continue;
      }
      try {
        rows.put(cells.get(0).strip().replace("\\", ""), new Bounds(Integer.parseInt(cells.get(3).strip()),
            Integer.parseInt(cells.get(4).strip()), i + 1));
      } catch (NumberFormatException e) {
        // not a sizing row
      }
    }
    return rows;
  }
}
