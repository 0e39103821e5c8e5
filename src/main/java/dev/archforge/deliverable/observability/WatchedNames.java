package dev.archforge.deliverable.observability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every topic, consumer group, queue, subscription and dead letter
 * that an alert of {@code alerts.yaml} watches is one the AsyncAPI document declares: a channel's
 * address, a Kafka operation's {@code groupId}, a receive operation's {@code x-queue} or
 * {@code x-dead-letter}. An alert on a name nobody uses never fires.
 */
final class WatchedNames implements CrossValidator {
  static final String NAME = "alert-watches-declared-names";
  private static final String ALERTS = "observability/" + ObservabilityDeliverable.RULES;
  private static final Pattern MATCHER =
      Pattern.compile("\\b(topic|consumergroup|queue|subscription_id|queue_name)(=~|=)\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Artifact> alerts = all.stream().filter(a -> a.path().equals(ALERTS)).findFirst();
    if (alerts.isEmpty()) {
      return List.of();
    }
    Set<String> declared = all.stream().filter(a -> a.path().equals(Layout.ASYNCAPI)).findFirst()
        .map(WatchedNames::declared).orElse(Set.of());
    List<Finding> findings = new ArrayList<>();
    for (Manifests.Doc doc : Manifests.parse(alerts.get(), NAME).docs()) {
      JsonNode groups = doc.node().path("groups");
      for (int g = 0; g < groups.size(); g++) {
        JsonNode rules = groups.get(g).path("rules");
        for (int r = 0; r < rules.size(); r++) {
          String pointer = "/groups/" + g + "/rules/" + r + "/expr";
          for (String name : watched(rules.get(r).path("expr").asText(""))) {
            if (!declared.contains(name)) {
              findings.add(doc.finding(pointer, "alert " + rules.get(r).path("alert").asText() + " watches `"
                  + name + "`, which " + Layout.ASYNCAPI + " does not declare", NAME));
            }
          }
        }
      }
    }
    return findings;
  }

  /** The names a PromQL expression matches on the broker's labels, its alternatives unescaped. */
  static List<String> watched(String expr) {
    List<String> names = new ArrayList<>();
    Matcher m = MATCHER.matcher(expr);
    while (m.find()) {
      String value = m.group(3).replace("\\\\", "\\");
      if (m.group(2).equals("=")) {
        names.add(value);
      } else {
        for (String alternative : value.split("\\|")) {
          names.add(alternative.replaceAll("\\\\(.)", "$1"));
        }
      }
    }
    return names;
  }

  /** The names the AsyncAPI document declares for the broker. */
  private static Set<String> declared(Artifact asyncapi) {
    Set<String> names = new HashSet<>();
    for (Manifests.Doc doc : Manifests.parse(asyncapi, NAME).docs()) {
      doc.node().path("channels").forEach(c -> names.add(c.path("address").asText()));
      for (JsonNode op : doc.node().path("operations")) {
        op.at("/bindings/kafka/groupId/enum").forEach(g -> names.add(g.asText()));
        names.add(op.path("x-queue").asText());
        names.add(op.path("x-dead-letter").asText());
      }
    }
    names.remove("");
    return names;
  }
}
