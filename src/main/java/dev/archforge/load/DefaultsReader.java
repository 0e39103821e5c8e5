package dev.archforge.load;

import dev.archforge.model.BlueprintDefaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A blueprint's {@code defaults:}: read and checked key by key over the parent's, then made a record. */
final class DefaultsReader {
  private static final List<String> DEFAULT_KEYS = List.of("apiBaseUrl", "oidcDiscoveryUrl", "stringMaxLength",
      "textMaxLength", "pageSizeDefault", "pageSizeMax", "rateLimitPerMinute");
  /** Optional: without it, an entity without access rules is left to the last role of security.roles. */
  private static final String PRIVILEGED_ROLES = "privilegedRoles";
  /** Optional: the cost centre infra/ tags every resource with; a label value on every cloud. */
  private static final String COST_CENTRE = "costCentre";
  /** Optional: the delivery pipeline the workflows deliverable writes; {@code github} (GitHub Actions) when absent. */
  private static final String CI = "ci";
  private static final List<String> CI_SYSTEMS = List.of("github");
  /** Optional: the GatewayClass the Gateway names and the namespace of its proxies (a DNS label each). */
  private static final String GATEWAY_CLASS = "gatewayClass";
  private static final String GATEWAY_NAMESPACE = "gatewayNamespace";
  private static final String DNS_LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

  private DefaultsReader() {}

  /** The parent's defaults with this blueprint's {@code defaults:} over them, key by key. */
  static Map<String, Object> read(YamlMap map, Map<String, Object> inherited, Diagnostics diagnostics) {
    Map<String, Object> defaults = new LinkedHashMap<>(inherited);
    map.map("defaults").ifPresent(d -> {
      List<String> allowed = new ArrayList<>(DEFAULT_KEYS);
      allowed.add(PRIVILEGED_ROLES);
      allowed.add(COST_CENTRE);
      d.matching(COST_CENTRE, "[a-z][a-z0-9_-]{0,62}", "a lower-case label value of at most 63 characters (letters,"
          + " digits, _ and -), because every cloud's tags and labels accept it").ifPresent(v -> defaults.put(COST_CENTRE, v));
      allowed.add(CI);
      allowed.add(GATEWAY_CLASS);
      allowed.add(GATEWAY_NAMESPACE);
      d.allowOnly(allowed);
      for (String key : List.of(GATEWAY_CLASS, GATEWAY_NAMESPACE)) {
        d.matching(key, DNS_LABEL, "a Kubernetes name (a DNS label: lower-case letters, digits and -, at most 63)")
            .ifPresent(v -> defaults.put(key, v));
      }
      d.text(CI).ifPresent(v -> {
        if (CI_SYSTEMS.contains(v)) {
          defaults.put(CI, v);
        } else {
          diagnostics.error(d.value(CI), "blueprint 'defaults.ci' is '" + v + "': archforge writes pipelines for "
              + String.join(", ", CI_SYSTEMS) + "; leave 'workflows' out of 'deliverables' for none");
        }
      });
      if (d.has(PRIVILEGED_ROLES)) {
        defaults.put(PRIVILEGED_ROLES, d.list(PRIVILEGED_ROLES).stream().map(YamlMap.Item::value).toList());
      }
      d.text("apiBaseUrl").ifPresent(v -> defaults.put("apiBaseUrl", v));
      d.text("oidcDiscoveryUrl").ifPresent(v -> defaults.put("oidcDiscoveryUrl", v));
      for (String key : DEFAULT_KEYS.subList(2, DEFAULT_KEYS.size())) {
        d.whole(key, 1, 10_485_760).ifPresent(v -> defaults.put(key, v.intValue()));
      }
    });
    return defaults;
  }

  /** An error for each required default that neither the blueprint nor its parents set. */
  static void requireAll(YamlMap map, Map<String, Object> defaults, Diagnostics diagnostics) {
    for (String key : DEFAULT_KEYS) {
      if (!defaults.containsKey(key)) {
        diagnostics.error(map.keyNode(map.keys().iterator().next()), "blueprint defaults lack '" + key
            + "'; set it or extend a blueprint that does (e.g. extends: standard)");
      }
    }
  }

  /** The record of the defaults a blueprint and its parents set. */
  @SuppressWarnings("unchecked")
  static BlueprintDefaults defaults(Map<String, Object> defaults) {
    return new BlueprintDefaults((String) defaults.get("apiBaseUrl"), (String) defaults.get("oidcDiscoveryUrl"),
        (Integer) defaults.get("stringMaxLength"), (Integer) defaults.get("textMaxLength"),
        (Integer) defaults.get("pageSizeDefault"), (Integer) defaults.get("pageSizeMax"),
        (Integer) defaults.get("rateLimitPerMinute"),
        (List<String>) defaults.getOrDefault(PRIVILEGED_ROLES, List.of()),
        (String) defaults.getOrDefault(COST_CENTRE, BlueprintDefaults.NO_COST_CENTRE),
        (String) defaults.getOrDefault(CI, CI_SYSTEMS.get(0)),
        (String) defaults.getOrDefault(GATEWAY_CLASS, BlueprintDefaults.GATEWAY_CLASS),
        (String) defaults.getOrDefault(GATEWAY_NAMESPACE, BlueprintDefaults.GATEWAY_NAMESPACE));
  }
}
