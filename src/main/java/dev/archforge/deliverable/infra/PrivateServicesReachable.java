package dev.archforge.deliverable.infra;

import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: a service infra/ takes off the public network is reachable from
 * the environment's network. Each resource of a module whose {@code public_network_access_enabled}
 * is not {@code true} (a Key Vault, cache, broker, database) either lives in the network (a
 * delegated subnet and a private DNS zone: the flexible database servers) or is the target of a
 * private endpoint of the same module whose DNS zone group puts its name in the network's
 * privatelink zone. Otherwise nothing could reach it: not the databases unwrapping their keys, not
 * the pods reading their secrets, not the services connecting to their cache or broker.
 */
final class PrivateServicesReachable implements CrossValidator {
  static final String NAME = "private-services-reachable";
  private static final Pattern MODULE = Pattern.compile(Pattern.quote(InfraDeliverable.ROOT) + "modules/[a-z-]+/main\\.tf");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^resource \"([a-z0-9_]+)\" \"([a-z0-9_]+)\" \\{$(.*?)^}$");
  private static final Pattern PRIVATE = Pattern.compile("(?m)^\\s*public_network_access_enabled\\s*=\\s*+(?!true\\b)");
  private static final Pattern TARGET = Pattern.compile("(?m)^\\s*private_connection_resource_id\\s*=\\s*([a-z0-9_]+\\.[a-z0-9_]+)\\.id\\s*$");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      if (!MODULE.matcher(a.path()).matches()) {
        continue;
      }
      List<String> reached = new ArrayList<>();
      Matcher block = BLOCK.matcher(a.content());
      while (block.find()) {
        Matcher target = TARGET.matcher(block.group(3));
        if (block.group(1).equals("azurerm_private_endpoint") && target.find()
            && block.group(3).contains("private_dns_zone_group {")) {
          reached.add(target.group(1));
        }
      }
      block.reset();
      while (block.find()) {
        String body = block.group(3);
        String address = block.group(1) + "." + block.group(2);
        boolean inNetwork = body.contains("delegated_subnet_id") && body.contains("private_dns_zone_id");
        if (PRIVATE.matcher(body).find() && !inNetwork && !reached.contains(address)) {
          findings.add(new Finding(a.path(), a.content().substring(0, block.start()).split("\n", -1).length, address
              + " is off the public network, but no private endpoint of this module with a private DNS zone group"
              + " reaches it (private_connection_resource_id = " + address + ".id), nor does it live in a delegated"
              + " subnet: nothing in the environment's network could reach it", NAME));
        }
      }
    }
    return findings;
  }
}
