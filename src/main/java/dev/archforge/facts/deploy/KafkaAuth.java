package dev.archforge.facts.deploy;

import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;

/**
 * How services authenticate to the cloud's Kafka, the one fact the services' configuration
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}) and the AsyncAPI document's
 * security scheme render: client certificates under {@code authentication: mtls}, else a SCRAM user;
 * on Azure always SASL PLAIN, since Event Hubs' Kafka endpoint takes PLAIN (a connection string)
 * or OAUTHBEARER (Microsoft Entra ID), neither SCRAM nor client certificates.
 *
 * @param protocol {@code KAFKA_SECURITY_PROTOCOL} in the cloud
 * @param mechanism {@code KAFKA_SASL_MECHANISM}; empty when no SASL is spoken
 * @param scheme the AsyncAPI 3 security scheme type
 */
public record KafkaAuth(String protocol, String mechanism, String scheme) {
  public static final KafkaAuth MTLS = new KafkaAuth("SSL", "", "X509");
  public static final KafkaAuth SCRAM = new KafkaAuth("SASL_SSL", "SCRAM-SHA-512", "scramSha512");
  public static final KafkaAuth PLAIN = new KafkaAuth("SASL_SSL", "PLAIN", "plain");

  public static KafkaAuth of(Plan plan) {
    if (plan.requirements().project().cloud() == Cloud.AZURE) {
      return PLAIN;
    }
    return Deployables.mutualTls(plan) ? MTLS : SCRAM;
  }

  /** Whether services present a user name and password (kept in the secret manager). */
  public boolean password() {
    return !mechanism.isEmpty();
  }
}
