package dev.archforge.deliverable.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The Pod Security Standards' "restricted" profile (which includes "baseline") as a rule set over a
 * pod spec, after kubernetes.io/docs/concepts/security/pod-security-standards (v1.30), plus the
 * three rules archforge adds for its own pods: a read-only root filesystem, resource requests and
 * limits, and startup, liveness and readiness probes. Each rule is one small check.
 */
final class PodSecurityRules {
  private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
      "ephemeral", "persistentVolumeClaim", "projected", "secret");
  private static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
      "container_engine_t");
  private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
  private static final Set<String> SECCOMP = Set.of("RuntimeDefault", "Localhost");

  private PodSecurityRules() {}

  /** A pod spec and where it sits in its object. */
  record Pod(JsonNode spec, String pointer) {
    List<Container> containers() {
      List<Container> list = new ArrayList<>();
      for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
        JsonNode array = spec.path(field);
        for (int i = 0; i < array.size(); i++) {
          list.add(new Container(array.get(i), pointer + "/" + field + "/" + i, !field.equals("containers")));
        }
      }
      return list;
    }

    JsonNode context() {
      return spec.path("securityContext");
    }
  }

  /** A container; {@code auxiliary} for init and ephemeral containers (no probes, no long life). */
  record Container(JsonNode node, String pointer, boolean auxiliary) {
    JsonNode context() {
      return node.path("securityContext");
    }

    String name() {
      return node.path("name").asText("?");
    }
  }

  /** A broken rule at a JSON Pointer of the object. */
  record Violation(String pointer, String message) {}

  /** A rule: its id ({@code restricted/...} or {@code archforge/...}), what it requires, its check. */
  record Rule(String id, String requires, BiConsumer<Pod, List<Violation>> check) {
    List<Violation> check(Pod pod) {
      List<Violation> out = new ArrayList<>();
      check.accept(pod, out);
      return out;
    }
  }

  static final List<Rule> ALL = List.of(
      new Rule("restricted/host-namespaces", "hostNetwork, hostPID and hostIPC unset or false", (pod, out) -> {
        for (String f : List.of("hostNetwork", "hostPID", "hostIPC")) {
          if (pod.spec().path(f).asBoolean(false)) {
            out.add(new Violation(pod.pointer() + "/" + f, f + " must not be true"));
          }
        }
      }),
      new Rule("restricted/host-process", "no Windows HostProcess containers", (pod, out) -> {
        if (pod.context().path("windowsOptions").path("hostProcess").asBoolean(false)) {
          out.add(new Violation(pod.pointer() + "/securityContext/windowsOptions", "hostProcess must not be true"));
        }
        eachContainer(pod, out, c -> c.context().path("windowsOptions").path("hostProcess").asBoolean(false)
            ? "hostProcess must not be true" : null, "/securityContext/windowsOptions");
      }),
      new Rule("restricted/privileged", "no privileged container", (pod, out) -> eachContainer(pod, out,
          c -> c.context().path("privileged").asBoolean(false) ? "must not be privileged" : null,
          "/securityContext/privileged")),
      new Rule("restricted/capabilities", "capabilities drop ALL; add at most NET_BIND_SERVICE", (pod, out) ->
          eachContainer(pod, out, c -> {
            JsonNode caps = c.context().path("capabilities");
            boolean dropsAll = false;
            for (JsonNode d : caps.path("drop")) {
              dropsAll |= d.asText().equals("ALL");
            }
            for (JsonNode a : caps.path("add")) {
              if (!a.asText().equals("NET_BIND_SERVICE")) {
                return "must not add capability " + a.asText();
              }
            }
            return dropsAll ? null : "must drop ALL capabilities (securityContext.capabilities.drop: [ALL])";
          }, "/securityContext/capabilities")),
      new Rule("restricted/volume-types", "only configMap, csi, downwardAPI, emptyDir, ephemeral,"
          + " persistentVolumeClaim, projected and secret volumes (no hostPath)", (pod, out) -> {
            JsonNode volumes = pod.spec().path("volumes");
            for (int i = 0; i < volumes.size(); i++) {
              JsonNode v = volumes.get(i);
              int index = i;
              v.fieldNames().forEachRemaining(f -> {
                if (!f.equals("name") && !VOLUME_TYPES.contains(f)) {
                  out.add(new Violation(pod.pointer() + "/volumes/" + index + "/" + f,
                      "volume " + v.path("name").asText("?") + " of type " + f + " is not allowed"));
                }
              });
            }
          }),
      new Rule("restricted/host-ports", "no hostPort", (pod, out) -> {
        for (Container c : pod.containers()) {
          JsonNode ports = c.node().path("ports");
          for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).path("hostPort").asInt(0) != 0) {
              out.add(new Violation(c.pointer() + "/ports/" + i + "/hostPort",
                  "container " + c.name() + " must not use a hostPort"));
            }
          }
        }
      }),
      new Rule("restricted/apparmor", "AppArmor profile unset, RuntimeDefault or Localhost", (pod, out) -> {
        String type = pod.context().path("appArmorProfile").path("type").asText("RuntimeDefault");
        if (!SECCOMP.contains(type)) {
          out.add(new Violation(pod.pointer() + "/securityContext/appArmorProfile", "AppArmor " + type
              + " is not allowed"));
        }
        eachContainer(pod, out, c -> SECCOMP.contains(c.context().path("appArmorProfile").path("type")
            .asText("RuntimeDefault")) ? null : "AppArmor profile is not allowed", "/securityContext/appArmorProfile");
      }),
      new Rule("restricted/selinux", "SELinux type unset or a container type; user and role unset", (pod, out) -> {
        String problem = selinux(pod.context().path("seLinuxOptions"));
        if (problem != null) {
          out.add(new Violation(pod.pointer() + "/securityContext/seLinuxOptions", problem));
        }
        eachContainer(pod, out, c -> selinux(c.context().path("seLinuxOptions")), "/securityContext/seLinuxOptions");
      }),
      new Rule("restricted/proc-mount", "procMount unset or Default", (pod, out) -> eachContainer(pod, out,
          c -> c.context().path("procMount").asText("Default").equals("Default") ? null
              : "procMount must be Default", "/securityContext/procMount")),
      new Rule("restricted/seccomp", "seccompProfile RuntimeDefault or Localhost, on the pod or every container",
          (pod, out) -> {
            JsonNode podType = pod.context().path("seccompProfile").path("type");
            if (!podType.isMissingNode() && !SECCOMP.contains(podType.asText())) {
              out.add(new Violation(pod.pointer() + "/securityContext/seccompProfile", "seccompProfile "
                  + podType.asText() + " is not allowed"));
            }
            eachContainer(pod, out, c -> {
              JsonNode type = c.context().path("seccompProfile").path("type");
              if (type.isMissingNode()) {
                return podType.isMissingNode() ? "needs seccompProfile RuntimeDefault (on the pod or the container)"
                    : null;
              }
              return SECCOMP.contains(type.asText()) ? null : "seccompProfile " + type.asText() + " is not allowed";
            }, "/securityContext");
          }),
      new Rule("restricted/sysctls", "only the safe sysctls", (pod, out) -> {
        JsonNode sysctls = pod.context().path("sysctls");
        for (int i = 0; i < sysctls.size(); i++) {
          String name = sysctls.get(i).path("name").asText();
          if (!SAFE_SYSCTLS.contains(name)) {
            out.add(new Violation(pod.pointer() + "/securityContext/sysctls/" + i, "sysctl " + name
                + " is not allowed"));
          }
        }
      }),
      new Rule("restricted/privilege-escalation", "allowPrivilegeEscalation false on every container",
          (pod, out) -> eachContainer(pod, out, c -> c.context().path("allowPrivilegeEscalation").isBoolean()
              && !c.context().path("allowPrivilegeEscalation").asBoolean() ? null
              : "must set allowPrivilegeEscalation: false", "/securityContext")),
      new Rule("restricted/run-as-non-root", "runAsNonRoot true on the pod or every container, false nowhere",
          (pod, out) -> {
            boolean podNonRoot = pod.context().path("runAsNonRoot").asBoolean(false);
            eachContainer(pod, out, c -> {
              JsonNode own = c.context().path("runAsNonRoot");
              if (own.isBoolean() && !own.asBoolean()) {
                return "must not set runAsNonRoot: false";
              }
              return podNonRoot || own.asBoolean(false) ? null
                  : "needs runAsNonRoot: true (on the pod or the container)";
            }, "/securityContext");
          }),
      new Rule("restricted/run-as-user", "runAsUser never 0", (pod, out) -> {
        if (pod.context().path("runAsUser").asLong(-1) == 0) {
          out.add(new Violation(pod.pointer() + "/securityContext/runAsUser", "runAsUser must not be 0 (root)"));
        }
        eachContainer(pod, out, c -> c.context().path("runAsUser").asLong(-1) == 0
            ? "runAsUser must not be 0 (root)" : null, "/securityContext/runAsUser");
      }),
      new Rule("archforge/read-only-root-filesystem", "readOnlyRootFilesystem true on every container",
          (pod, out) -> eachContainer(pod, out, c -> c.context().path("readOnlyRootFilesystem").asBoolean(false)
              ? null : "must set readOnlyRootFilesystem: true (mount an emptyDir where it writes)",
              "/securityContext")),
      new Rule("archforge/resources", "cpu and memory requests and limits on every container", (pod, out) ->
          eachContainer(pod, out, c -> {
            List<String> missing = new ArrayList<>();
            for (String bound : List.of("requests", "limits")) {
              for (String resource : List.of("cpu", "memory")) {
                if (c.node().path("resources").path(bound).path(resource).isMissingNode()) {
                  missing.add(bound + "." + resource);
                }
              }
            }
            return missing.isEmpty() ? null : "needs resources " + String.join(", ", missing);
          }, "/resources")),
      new Rule("archforge/probes", "startup, liveness and readiness probes on every app container", (pod, out) -> {
        for (Container c : pod.containers()) {
          if (c.auxiliary()) {
            continue;
          }
          for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            if (c.node().path(probe).isMissingNode()) {
              out.add(new Violation(c.pointer(), "container " + c.name() + " needs a " + probe));
            }
          }
        }
      }));

  private static String selinux(JsonNode options) {
    if (options.isMissingNode()) {
      return null;
    }
    if (!SELINUX_TYPES.contains(options.path("type").asText(""))) {
      return "SELinux type " + options.path("type").asText() + " is not allowed";
    }
    return options.has("user") || options.has("role") ? "SELinux user and role must not be set" : null;
  }

  /** Runs a per-container check; a non-null message becomes a violation at the container's pointer + suffix. */
  private static void eachContainer(Pod pod, List<Violation> out, java.util.function.Function<Container, String> check,
      String suffix) {
    for (Container c : pod.containers()) {
      String message = check.apply(c);
      if (message != null) {
        out.add(new Violation(c.pointer() + suffix, "container " + c.name() + " " + message));
      }
    }
  }
}
