package dev.archforge.deliverable.k8s;

import java.util.Map;
import java.util.Optional;

/**
 * Which client-java-api model class checks an object of a given apiVersion and kind, and which API
 * versions Kubernetes no longer serves. The model classes are generated from the Kubernetes
 * OpenAPI: {@code apps/v1 Deployment} → {@code V1Deployment}, {@code autoscaling/v2
 * HorizontalPodAutoscaler} → {@code V2HorizontalPodAutoscaler}.
 */
final class KubernetesModels {
  private static final String PACKAGE = "io.kubernetes.client.openapi.models.";

  /** The group each built-in kind lives in ({@code ""} is the core group). */
  private static final Map<String, String> GROUPS = Map.ofEntries(
      Map.entry("Pod", ""), Map.entry("Service", ""), Map.entry("ServiceAccount", ""), Map.entry("ConfigMap", ""),
      Map.entry("Secret", ""), Map.entry("Namespace", ""), Map.entry("PersistentVolumeClaim", ""),
      Map.entry("LimitRange", ""), Map.entry("ResourceQuota", ""),
      Map.entry("Deployment", "apps"), Map.entry("StatefulSet", "apps"), Map.entry("DaemonSet", "apps"),
      Map.entry("ReplicaSet", "apps"), Map.entry("Job", "batch"), Map.entry("CronJob", "batch"),
      Map.entry("HorizontalPodAutoscaler", "autoscaling"), Map.entry("PodDisruptionBudget", "policy"),
      Map.entry("NetworkPolicy", "networking.k8s.io"), Map.entry("Ingress", "networking.k8s.io"),
      Map.entry("IngressClass", "networking.k8s.io"), Map.entry("Role", "rbac.authorization.k8s.io"),
      Map.entry("RoleBinding", "rbac.authorization.k8s.io"), Map.entry("ClusterRole", "rbac.authorization.k8s.io"),
      Map.entry("ClusterRoleBinding", "rbac.authorization.k8s.io"));

  /** API versions Kubernetes stopped serving, with the release that removed them. */
  private static final Map<String, String> REMOVED = Map.of(
      "extensions/v1beta1", "removed in Kubernetes 1.16 (workloads, NetworkPolicy) and 1.22 (Ingress)",
      "apps/v1beta1", "removed in Kubernetes 1.16; use apps/v1",
      "apps/v1beta2", "removed in Kubernetes 1.16; use apps/v1",
      "networking.k8s.io/v1beta1", "removed in Kubernetes 1.22; use networking.k8s.io/v1",
      "policy/v1beta1", "removed in Kubernetes 1.25; use policy/v1",
      "autoscaling/v2beta1", "removed in Kubernetes 1.25; use autoscaling/v2",
      "autoscaling/v2beta2", "removed in Kubernetes 1.26; use autoscaling/v2",
      "batch/v1beta1", "removed in Kubernetes 1.25; use batch/v1",
      "external-secrets.io/v1beta1", "deprecated by the External Secrets Operator and no longer served; use"
          + " external-secrets.io/v1",
      "external-secrets.io/v1alpha1", "no longer served by the External Secrets Operator; use external-secrets.io/v1");

  private KubernetesModels() {}

  /** Why the API version is not served, if it is not. */
  static Optional<String> removed(String apiVersion) {
    return Optional.ofNullable(REMOVED.get(apiVersion));
  }

  /** The model class of a built-in kind at that API version, if client-java-api has one. */
  static Optional<Class<?>> model(String apiVersion, String kind) {
    String group = GROUPS.get(kind);
    if (group == null) {
      return Optional.empty();
    }
    int slash = apiVersion.lastIndexOf('/');
    String actualGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    if (!actualGroup.equals(group) || version.isEmpty()) {
      return Optional.empty();
    }
    String prefix = Character.toUpperCase(version.charAt(0)) + version.substring(1);
    try {
      return Optional.of(Class.forName(PACKAGE + prefix + kind));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The group a built-in kind belongs to, for messages. */
  static Optional<String> group(String kind) {
    return Optional.ofNullable(GROUPS.get(kind));
  }
}
