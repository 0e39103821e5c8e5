package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Stride;
import dev.archforge.facts.AlertNames;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * STRIDE for the public entry points: the API gateway, CDN and BFF when the plan has them,
 * otherwise each public service's own endpoint; and the identity system the authentication
 * decision relies on.
 */
final class EntryThreats {
  private final SecurityFacts f;
  private final SystemComponents sys;
  private final Where where;

  EntryThreats(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
    this.where = facts.where();
  }

  List<Element> elements() {
    List<Element> list = new ArrayList<>();
    if (sys.hasGateway()) {
      list.add(gateway());
    } else {
      sys.publicServices().forEach(s -> list.add(directApi(s)));
    }
    if (sys.cdn()) {
      list.add(cdn());
    }
    if (sys.bff()) {
      list.add(bff());
    }
    identity().ifPresent(list::add);
    return list;
  }

  private Risk auth() {
    return f.authenticated() ? Risk.LOW : Risk.HIGH;
  }

  private String contracts(List<Service> services) {
    if (services.isEmpty()) {
      return where.section(Where.VALIDATION);
    }
    return String.join("; ", services.stream().map(where::contract).distinct().toList());
  }

  private String names(List<Service> services) {
    return Md.codes(services.stream().map(Service::name).toList());
  }

  private String rateLimit() {
    return f.defaults().rateLimitPerMinute() + " requests per minute per client (`RateLimit-*` headers, 429 with "
        + "`Retry-After`)";
  }

  private Element gateway() {
    List<Service> pub = sys.publicServices();
    List<Service> internal = sys.services().stream().filter(s -> !s.isPublic()).toList();
    return new Stride()
        .spoofing("A caller presents a stolen, forged or expired credential at the API gateway.",
            "The gateway " + f.credentialCheck() + " before routing to " + names(pub) + "; each service checks again.",
            contracts(pub) + "; " + where.section(Where.AUTHENTICATION), auth())
        .tampering("A request or response is altered in transit, or a client is downgraded to plain HTTP.",
            "TLS 1.2 or 1.3 only, HSTS on every response, no plain-HTTP listener.",
            where.section(Where.ENCRYPTION), Risk.LOW)
        .repudiation("A client denies having sent a request.",
            "One access-log line per request (time, client or subject, method, route, status, trace id) in the "
                + "central log store; the services log the same trace id.",
            where.section(Where.LOGGING), f.authenticated() ? Risk.LOW : Risk.MEDIUM)
        .disclosure("Internal services or operational endpoints become reachable from the internet.",
            "Only the paths of " + names(pub) + " are routed; " + (internal.isEmpty() ? "health and metrics"
                : names(internal) + ", health and metrics") + " endpoints have no route; errors are problem "
                + "details without stack traces.",
            where.network("the API gateway", "the public services") + "; " + contracts(pub), Risk.LOW)
        .denial("Request floods exhaust the services behind the gateway.",
            "A limit of " + rateLimit() + ", request body size limits and the cloud's DDoS protection in "
                + "front of the gateway.",
            pub.isEmpty() ? where.section(Where.VALIDATION) : contracts(pub) + "; "
                + where.alert(AlertNames.fastBurn(pub.get(0).name()), "the error budget burn"), Risk.MEDIUM)
        .elevation("A request reaches an operation its role does not allow through path tricks (encoded slashes, "
                + "`..`, method-override headers).",
            "Paths are normalised, only declared methods pass, method-override headers are dropped; each service "
                + "decides per operation and role.",
            String.join("; ", pub.stream().map(where::authz).distinct().toList()), auth())
        .element("API gateway", "entry point", "The one public entry: TLS termination, credential check, rate "
            + "limits and routing to " + names(pub) + " (" + where.decision("api-gateway") + ").");
  }

  private Element directApi(Service s) {
    return new Stride()
        .spoofing("A caller presents a stolen, forged or expired credential to " + s.name() + ".",
            Character.toUpperCase(sys.unit(s).charAt(0)) + sys.unit(s).substring(1) + " " + f.credentialCheck()
                + " on every request.",
            where.contract(s) + "; " + where.section(Where.AUTHENTICATION), auth())
        .tampering("A request or response is altered in transit.",
            "TLS 1.2 or 1.3 terminates at the load balancer in front of " + s.name() + "; HSTS on every response.",
            where.section(Where.ENCRYPTION), Risk.LOW)
        .repudiation("A client denies having sent a request.",
            "Access log per request with subject and trace id in the central log store.",
            where.section(Where.LOGGING), f.authenticated() ? Risk.LOW : Risk.MEDIUM)
        .disclosure("Operational endpoints (health, metrics) or stack traces are exposed.",
            "Health and metrics listen on a separate port the load balancer does not expose; errors are problem "
                + "details.",
            where.contract(s), Risk.LOW)
        .denial("Request floods reach " + s.name() + " directly.",
            "The service enforces " + rateLimit() + " itself, behind the cloud load balancer's DDoS protection.",
            where.contract(s) + "; " + where.alert(AlertNames.fastBurn(s.name()), "the error budget burn of "
                + s.name()), Risk.MEDIUM)
        .elevation("A caller reaches an operation its role does not allow.",
            "Every operation declares its roles; the service denies by default.", where.authz(s), auth())
        .element(s.name() + " public API", "entry point", "The public endpoint of " + sys.unit(s) + ", reached "
            + "through the cloud load balancer (" + where.decision("api-gateway") + ").");
  }

  private Element cdn() {
    List<String> anonymous = new ArrayList<>();
    sys.publicServices().forEach(s -> anonymous.addAll(AuthzMatrixBuilder.anonymousOperations(f.matrix(), s.name())));
    String cacheable = anonymous.isEmpty() ? "No operation of the contracts takes anonymous callers, so the CDN "
        + "caches static assets only and passes every API call through."
        : "Only anonymous reads may be cached (" + Md.codes(anonymous) + "); every other response carries "
            + "`Cache-Control: private, no-store`.";
    String origin = sys.hasGateway() ? "the API gateway" : "the public services";
    return new Stride()
        .spoofing("Someone calls the origin directly and skips the CDN's protections.",
            "The origin accepts only the CDN (origin access control, or a secret origin header rotated with the "
                + "other secrets).", where.network("the CDN", origin) + "; " + where.section(Where.SECRETS), Risk.LOW)
        .tampering("Cache poisoning: an unkeyed header changes a response the CDN then serves to everyone.",
            "Cache key of method, path, query and `Accept`; forwarding headers such as `X-Forwarded-Host` are "
                + "stripped; only GET responses are cached.", Where.team("CDN cache policy"), Risk.MEDIUM)
        .repudiation("Nobody can tell which edge served a response.",
            "CDN access logs with the request id go to the central log store.", where.section(Where.LOGGING),
            Risk.LOW)
        .disclosure("A response meant for one caller is cached and served to another.", cacheable,
            String.join("; ", sys.publicServices().stream().map(where::authz).distinct().toList()), Risk.LOW)
        .denial("A volumetric attack on the public hostname.",
            "The CDN absorbs it at the edge; its rate rules mirror the per-client limits of the contracts.",
            Where.team("CDN rate rules"), Risk.LOW)
        .elevation("The CDN configuration is changed to route or cache more than intended.",
            "CDN configuration lives in infrastructure as code and changes through review.",
            where.section(Where.SCANNING), Risk.LOW)
        .element("CDN", "entry point", "Serves static assets and cacheable public reads in front of " + origin + " ("
            + where.decision("caching") + ").");
  }

  private Element bff() {
    return new Stride()
        .spoofing("The BFF calls the services with its own privileged identity instead of the user's.",
            "The BFF forwards the user's credential to every service call; it holds no role of its own.",
            where.section(Where.SERVICE_IDENTITY), auth())
        .tampering("The BFF alters data on the way to the owning service.",
            "Writes pass through unchanged to the owning service, which validates them against its contract.",
            contracts(sys.publicServices()), Risk.LOW)
        .repudiation("Actions through the BFF cannot be attributed.",
            "The user's subject and the trace id travel with every call the BFF makes.",
            where.section(Where.LOGGING), Risk.LOW)
        .disclosure("The BFF returns fields the user's role may not see (over-fetching).",
            "The BFF composes only what each service returned for the user's own credential; secret fields are "
                + "write-only in the contracts.", where.section(Where.CLASSIFICATION), Risk.MEDIUM)
        .denial("One client request fans out into many service calls.",
            "A fan-out limit per request, timeouts and circuit breakers on every call.",
            where.decision("resilience"), Risk.MEDIUM)
        .elevation("Confused deputy: the BFF fetches data the user may not see.",
            "Services authorize the forwarded user credential, never the BFF's workload identity alone.",
            String.join("; ", sys.publicServices().stream().map(where::authz).distinct().toList()), Risk.LOW)
        .element("backend-for-frontend (BFF)", "entry point", "Composes service calls per client kind behind the "
            + "gateway (" + where.decision("api-gateway") + ").");
  }

  private java.util.Optional<Element> identity() {
    String name = switch (sys.authentication()) {
      case "oidc" -> "identity provider";
      case "jwt" -> "token service";
      case "mtls" -> "private certificate authority";
      default -> null;
    };
    if (name == null) {
      return java.util.Optional.empty();
    }
    boolean certificates = sys.authentication().equals("mtls");
    String writers = Md.codes(AuthzMatrixBuilder.writers(f.matrix()));
    return java.util.Optional.of(new Stride()
        .spoofing(certificates ? "A client's private key is stolen and used to impersonate it."
                : "Phishing or credential stuffing against user logins.",
            certificates ? "Client certificates live 24 hours and renew automatically; a stolen key expires soon."
                : "MFA (required for the roles that write: " + writers + "), breached-password checks and throttled "
                    + "logins.", where.section(Where.AUTHENTICATION), Risk.MEDIUM)
        .tampering("Forged or altered credentials.",
            certificates ? "Only certificates chained to the private CA are accepted; the CA key is in a KMS or HSM."
                : "Only tokens signed with the published keys are accepted; algorithms RS256 or ES256, never "
                    + "`none`.", where.section(Where.AUTHENTICATION), Risk.LOW)
        .repudiation("A caller denies having authenticated.",
            "The " + name + " logs every " + (certificates ? "issuance and revocation" : "login, MFA challenge and "
                + "token issuance") + " to the central log store.", where.section(Where.LOGGING), Risk.LOW)
        .disclosure(certificates ? "The CA's signing key leaks." : "Tokens leak through logs, URLs or browser storage.",
            certificates ? "The CA key never leaves the KMS or HSM; issuance is limited to the workloads' identities."
                : "Tokens travel only in `Authorization` headers, never in URLs or logs; refresh tokens rotate.",
            where.section(Where.LOGGING) + "; " + where.section(Where.SECRETS), Risk.MEDIUM)
        .denial("The " + name + " is down.",
            certificates ? "Certificates renew at two thirds of their lifetime, so an outage shorter than 8 hours "
                + "blocks nothing." : "Services verify tokens offline with cached keys; issued tokens stay valid "
                + "until they expire.", where.section(Where.AUTHENTICATION), Risk.MEDIUM)
        .elevation("A caller obtains a role it should not have.",
            "Roles are granted only by administrators in the " + name + "; services read them only from the "
                + "verified credential.", where.section(Where.AUTHORIZATION), Risk.LOW)
        .element(name, "external dependency", "Proves who callers are (" + where.decision("authentication") + ")."));
  }
}
