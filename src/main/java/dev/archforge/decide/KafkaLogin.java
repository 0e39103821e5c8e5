package dev.archforge.decide;

import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * How services log in to the cloud's Kafka, decided once: client certificates under
 * {@code authentication: mtls} where infra/ can issue them (Amazon MSK trusts the AWS Private CA
 * infra/ creates; a self-run cluster its own CA), else a SCRAM user; on Azure and Google Cloud SASL
 * PLAIN over TLS whatever the authentication. Under mtls the authentication record says why
 * (facts/deploy/KafkaAuth renders the same choice into the services' configuration, the AsyncAPI
 * security scheme and infra/).
 */
public final class KafkaLogin {
  private KafkaLogin() {}

  /** The ways a service logs in to Kafka. */
  public enum Kind { CERTIFICATE, SCRAM, PLAIN }

  /** How services log in to Kafka on {@code cloud} when the authentication decision is or is not mtls. */
  public static Kind of(Cloud cloud, boolean mutualTls) {
    if (cloud == Cloud.AZURE || cloud == Cloud.GCP) {
      return Kind.PLAIN;
    }
    return mutualTls ? Kind.CERTIFICATE : Kind.SCRAM;
  }

  /**
   * Why, under mtls, services still log in to {@code cloud}'s Kafka with a password; empty where they
   * present certificates.
   */
  static String whyNotCertificates(Cloud cloud) {
    return switch (cloud) {
      case GCP -> "Kafka is the exception: services log in to Google Cloud Managed Service for Apache Kafka with"
          + " SASL PLAIN over TLS as their own service account (its email, and a key kept in the secret manager),"
          + " not with client certificates. Managed Kafka trusts client certificates only from a Certificate"
          + " Authority Service CA pool (the cluster's TLS trust settings), which infra/ does not create and which would"
          + " issue and rotate each service's certificate; the key is a shared secret, rotated like the others"
          + " (security/SECURITY.md).";
      case AZURE -> "Kafka is the exception: Event Hubs' Kafka endpoint takes no client certificates, so services"
          + " log in with SASL PLAIN over TLS (a connection string kept in the secret manager), a shared secret"
          + " rotated like the others (security/SECURITY.md).";
      default -> "";
    };
  }

  /** The authentication record under mtls, with the consequence that Kafka logs in otherwise on this cloud. */
  static Decision apply(Decision d, Cloud cloud, String messaging) {
    if (!d.topic().equals("authentication") || !d.choice().equals("mtls") || !messaging.equals("kafka")
        || of(cloud, true) == Kind.CERTIFICATE) {
      return d;
    }
    List<String> consequences = new ArrayList<>(d.consequences());
    consequences.add(whyNotCertificates(cloud));
    return new Decision(d.topic(), d.title(), d.question(), d.choice(), d.origin(), d.rule(), d.reasons(),
        d.drivenBy(), d.options(), consequences, d.drafted(), d.trace());
  }
}
