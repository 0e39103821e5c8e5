package dev.archforge.deliverable.k8s;

/**
 * What an overlay replaces in the base's secret store so that it reads the secret manager of the root
 * of infra/ the overlay deploys to: the AWS region of a cell and the role of a root other than prod
 * (on the store's ServiceAccount), the Azure Key Vault of an environment.
 *
 * @param kind the kind of the resource patched: {@code SecretStore} or {@code ServiceAccount}
 * @param name its name
 * @param path the JSON pointer replaced ({@code /spec/provider/aws/region}, {@code /spec/provider/azurekv/vaultUrl},
 *     {@code /metadata/annotations/eks.amazonaws.com~1role-arn})
 * @param value its value in this overlay
 */
public record StorePatch(String kind, String name, String path, String value) {}
