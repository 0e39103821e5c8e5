package dev.archforge.review;

import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfiles as generate writes them: every stage has a base image, pinned to a version (not
 * {@code latest}, not untagged); the final stage runs as a non-root user; no secret in ENV or ARG.
 */
final class DockerfileCheck implements Check {
  private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([A-Za-z]+)\\s+(.*)$");
  private static final Pattern FROM = Pattern.compile("(?i)^(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
  private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"|'[^']*'|\\S*)");

  @Override
  public List<ReviewFinding> check(List<Artifact> files, Rules rules) {
    return Check.each(files, SharedKinds.DOCKERFILE, f -> check(f, rules));
  }

  private List<ReviewFinding> check(Artifact file, Rules rules) {
    List<ReviewFinding> findings = new ArrayList<>();
    Set<String> stages = new HashSet<>();
    int fromLine = 0;
    String user = null;
    int userLine = 0;
    String[] lines = file.content().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      StringBuilder text = new StringBuilder(lines[i].stripTrailing());
      while (text.toString().endsWith("\\") && i + 1 < lines.length) {
        text.setLength(text.length() - 1);
        text.append(' ').append(lines[++i].strip());
      }
      Matcher m = INSTRUCTION.matcher(text);
      if (text.toString().stripLeading().startsWith("#") || !m.matches()) {
        continue;
      }
      String instruction = m.group(1).toUpperCase(Locale.ROOT);
      String args = m.group(2).strip();
      if (instruction.equals("FROM")) {
        fromLine = line;
        user = null;
        userLine = 0;
        Matcher from = FROM.matcher(args);
        if (from.find()) {
          String image = from.group(1);
          if (!stages.contains(image.toLowerCase(Locale.ROOT)) && !unpinned(image).isEmpty()) {
            findings.add(new ReviewFinding(rules.get("dockerfile/pinned-image"), file.path(), line,
                "base image " + image + " " + unpinned(image)));
          }
          if (from.group(2) != null) {
            stages.add(from.group(2).toLowerCase(Locale.ROOT));
          }
        }
      } else if (instruction.equals("USER")) {
        user = args;
        userLine = line;
      } else if (instruction.equals("ENV") || instruction.equals("ARG")) {
        secrets(instruction, args).forEach(key -> findings.add(new ReviewFinding(rules.get("dockerfile/plain-secret"),
            file.path(), line, instruction + " " + key + " sets a secret in the image")));
      }
    }
    if (fromLine == 0) {
      findings.add(new ReviewFinding(rules.get("dockerfile/valid"), file.path(), 1, "no FROM: the Dockerfile has no base image"));
    } else if (user == null) {
      findings.add(new ReviewFinding(rules.get("dockerfile/non-root"), file.path(), fromLine,
          "the final stage sets no USER, so the container runs as root"));
    } else if (root(user)) {
      findings.add(new ReviewFinding(rules.get("dockerfile/non-root"), file.path(), userLine,
          "the final stage runs as " + user + " (root)"));
    }
    return findings;
  }

  /** Why an image reference is not pinned, or "" when it is. */
  static String unpinned(String image) {
    if (image.equalsIgnoreCase("scratch") || image.contains("@sha256:") || image.contains("$")) {
      return "";
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    if (!last.contains(":")) {
      return "has no tag (it means latest, whatever that is when you build)";
    }
    return last.endsWith(":latest") ? "is tagged latest, which moves" : "";
  }

  private static boolean root(String user) {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return name.equals("root") || name.equals("0");
  }

  /** The secret-like keys an ENV or ARG instruction gives a literal value. */
  private static List<String> secrets(String instruction, String args) {
    List<String> keys = new ArrayList<>();
    Matcher pair = PAIR.matcher(args);
    boolean any = false;
    while (pair.find()) {
      any = true;
      String value = pair.group(2).replaceAll("^[\"']|[\"']$", "");
      if (SecretNames.isSecret(pair.group(1)) && SecretNames.isLiteral(value)) {
        keys.add(pair.group(1));
      }
    }
    if (!any && instruction.equals("ENV")) {
      String[] legacy = args.split("\\s+", 2);
      if (legacy.length == 2 && SecretNames.isSecret(legacy[0]) && SecretNames.isLiteral(legacy[1])) {
        keys.add(legacy[0]);
      }
    }
    return keys;
  }
}
