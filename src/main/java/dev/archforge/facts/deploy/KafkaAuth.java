package dev.archforge.facts.deploy;

import dev.archforge.decide.KafkaLogin;
import dev.archforge.model.Plan;

/**
 * How services authenticate to the cloud's Kafka, the one fact the services' configuration
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}) and the AsyncAPI document's
 * security scheme render, as {@link KafkaLogin} decides it (the authentication record says why under
 * mtls): client certificates under {@code authentication: mtls}, else a SCRAM user
 * (Amazon MSK, a self-run cluster); on Azure and Google Cloud always SASL PLAIN over TLS. Event Hubs'
 * Kafka endpoint takes PLAIN (a connection string) or OAUTHBEARER (Microsoft Entra ID), neither SCRAM
 * nor client certificates. Google Cloud Managed Service for Apache Kafka takes PLAIN (a service
 * account's email and its key) or OAUTHBEARER (a Google access token, which only a client with
 * Google's login callback handler fetches), not SCRAM; its client certificates need a Certificate
 * Authority Service pool that infra/ does not create. PLAIN is the one every Kafka client speaks.
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
    return switch (KafkaLogin.of(plan.requirements().project().cloud(), Deployables.mutualTls(plan))) {
      case CERTIFICATE -> MTLS;
      case SCRAM -> SCRAM;
      case PLAIN -> PLAIN;
    };
  }

  /**
   * A {@code KAFKA_SASL_MECHANISM} as KEDA's Kafka scaler spells it: {@code none} (empty),
   * {@code plaintext}, {@code scram_sha512}.
   */
  public static String keda(String mechanism) {
    return mechanism.isEmpty() ? "none" : mechanism.equals(PLAIN.mechanism()) ? "plaintext" : "scram_sha512";
  }

  /** Whether services present a user name and password (kept in the secret manager). */
  public boolean password() {
    return !mechanism.isEmpty();
  }
}
