package dev.archforge.deliverable.observability;

import java.math.BigDecimal;

/**
 * The service level objectives of one service as its callers see it.
 *
 * @param service the service of the requirements
 * @param deployable the deployable that serves it (the monolith's name, or the service's)
 * @param grpc whether its SLIs come from the RPC server metrics instead of the HTTP ones
 * @param selector PromQL label matchers that pick the service's requests, without braces
 * @param availability the objective in percent, e.g. {@code 99.95}
 * @param budget the error budget as a fraction, {@code 1 − availability / 100}
 * @param latencyMs the latency threshold: the requirements' p99
 * @param latencyGiven whether the requirements gave {@code scale.latencyP99Ms}
 */
public record SloTarget(
    String service,
    String deployable,
    boolean grpc,
    String selector,
    BigDecimal availability,
    BigDecimal budget,
    int latencyMs,
    boolean latencyGiven) {

  /** The latency objective: 99 % of requests faster than the threshold (the p99 of the requirements). */
  public static final BigDecimal LATENCY_OBJECTIVE = new BigDecimal("99");

  /** Minutes of full unavailability the budget allows in 30 days: {@code budget × 43200}. */
  public BigDecimal budgetMinutes() {
    return budget.multiply(BigDecimal.valueOf(43200)).stripTrailingZeros();
  }

  /** The histogram behind both SLIs, without its {@code _count}/{@code _bucket} suffix. */
  public String histogram() {
    return grpc ? "rpc_server_duration_milliseconds" : "http_server_request_duration_seconds";
  }

  /** The label matcher of failed requests. */
  public String errors() {
    return grpc ? "rpc_grpc_status_code=~\"2|4|13|14|15\"" : "http_response_status_code=~\"5..\"";
  }

  /** The {@code le} value of the histogram bucket at the latency threshold, as the exporter writes it. */
  public String le() {
    BigDecimal value = grpc ? BigDecimal.valueOf(latencyMs) : BigDecimal.valueOf(latencyMs).movePointLeft(3);
    return value.stripTrailingZeros().toPlainString();
  }

  /** A matcher for that bucket that also accepts the {@code 1.0} spelling of whole numbers. */
  public String leMatcher() {
    String le = le();
    return le.contains(".") ? "le=\"" + le + "\"" : "le=~\"" + le + "|" + le + ".0\"";
  }

  /** The latency threshold as people read it: {@code 300 ms}. */
  public String latency() {
    return latencyMs + " ms";
  }
}
