package dev.archforge.deliverable.k8s;

/**
 * What an overlay replaces in the base's SecretStore so that it reads the secret manager of the root
 * of infra/ the overlay deploys to: the AWS region of a cell, the Azure Key Vault of an environment.
 *
 * @param name the SecretStore's name
 * @param path the JSON pointer replaced ({@code /spec/provider/aws/region}, {@code /spec/provider/azurekv/vaultUrl})
 * @param value its value in this overlay
 */
public record StorePatch(String name, String path, String value) {}
