<#-- deploy/k8s/README.md. Model: KustomizationView. -->
# Kubernetes manifests — ${model.project}

`base/` holds the production manifests of every deployable; `overlays/dev`, `overlays/staging` and
`overlays/prod` adapt the autoscaling bounds, pod resources, disruption budgets and hosts. Build and
apply an environment with:

```sh
kubectl kustomize deploy/k8s/overlays/prod        # print it
kubectl apply -k deploy/k8s/overlays/prod         # apply it (a cluster administrator applied access/prod.yaml first)
```

| Deployable | Image | Autoscaling (prod) | Public |
|---|---|---|---|
<#list model.workloads as w>
| ${w.name} | `${w.image?no_esc}` | ${w.size.hpaMin}–${w.size.hpaMax} | <#if w.route??><#list w.route.paths + w.route.grpcServices as r>`${r?no_esc}`<#sep>, </#list><#else>no</#if> |
</#list>

Every pod meets the Pod Security "restricted" profile: `access/<environment>.yaml` creates each namespace
labelled `pod-security.kubernetes.io/enforce=restricted`, with the deploy identity's Role for the custom
resources where its cloud's edit grant lacks them (infra/README.md says who applies it, and when).

## Before the first apply

<#if model.workloads?has_content && model.workloads[0].image?starts_with("ghcr.io/")>
- The images are in the team's GitHub Container Registry (`${model.workloads[0].image?keep_before_last("/")?no_esc}`,
  `OWNER` the repository's owner): the ci workflow pushes them and the deploy names this commit's tag. Give
  the nodes pull credentials as a `kubernetes.io/dockerconfigjson` Secret per namespace, synced from the
  secret store by an ExternalSecret (a read-only package token), named in each ServiceAccount's
  `imagePullSecrets`.
<#else>
- The images are in the registry each environment's root of infra/ creates (an overlay names its own
  where the base's differs): the ci workflow pushes them, the deploy names this commit's tag and its
  account, and the nodes pull with their own identity, which infra/ lets read the registry.
</#if>
- Hosts ending in `.internal.example` in the ConfigMaps stand for the managed database, cache and broker
  endpoints of each environment: replace them, and narrow the NetworkPolicies' egress rules to their subnets.
<#if model.hosts?has_content>
- The edge is the Gateway API: `base/gateway.yaml` and an HTTPRoute or GRPCRoute per public deployable.
  Set `gatewayClassName` to your platform's GatewayClass (now `${model.gateway.className?no_esc}`); the
  NetworkPolicies admit its proxies from the namespace `${model.gateway.namespace?no_esc}` (change both if yours
  differ). cert-manager with a ClusterIssuer named `letsencrypt` issues the certificate; the hosts are
  <#list model.hosts as h>`${h?no_esc}`<#sep>, </#list> (dev, staging, prod).
</#if>
<#if model.secretStore??>
- Secrets: the External Secrets Operator syncs each deployable's Secret from the SecretStore in
  `base/secretstore.yaml` (${model.secretStore.note}). Store one secret per deployable under the key
  `${model.project?no_esc}/NAME` with the properties its ExternalSecret lists.
<#else>
- Secrets: Kubernetes Secrets created out of band, never committed. Per deployable and namespace:
<#list model.workloads as w>
<#if w.secrets?has_content>

  ```sh
  kubectl create secret generic ${w.secretName?no_esc} -n NAMESPACE<#list w.secrets as k> --from-literal=${k?no_esc}=...</#list>
  ```
</#if>
</#list>
</#if>
