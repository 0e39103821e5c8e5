<#-- deploy/k8s/access/<environment>.yaml: applied once per cluster by one of its administrators. Model: AccessView. -->
# Applied once by a cluster administrator (infra/README.md), before the first deploy: the deploy job's
# identity may change this namespace's objects, and create neither the namespace nor any right.
apiVersion: v1
kind: Namespace
metadata:
  name: ${model.namespace}
  labels:
    pod-security.kubernetes.io/enforce: restricted
<#if model.role?has_content>
---
# the custom resources the overlays apply, which the cloud's namespace edit grant does not cover
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${model.role}
  namespace: ${model.namespace}
rules:
<#list model.rules as r>
  - apiGroups: [${r.group}]
    resources: [<#list r.resources as x>${x}<#sep>, </#list>]
    verbs: [<#list model.verbs as v>${v}<#sep>, </#list>]
</#list>
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${model.role}
  namespace: ${model.namespace}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${model.role}
subjects:
<#if model.subjectKind == "Group">
  # the Kubernetes group of the deploy role's EKS access entry (infra/modules/ci-identity)
<#else>
  # the deploy identity's object id (AKS names a service principal, such as a managed identity, by its object id,
  # not its client id: https://azure.github.io/kubelogin/topics/sp.html):
  # `tofu -chdir=infra/envs/<root> output -raw deploy_principal_id` in place of ${model.subject}
</#if>
  - apiGroup: rbac.authorization.k8s.io
    kind: ${model.subjectKind}
    name: ${model.subject}
</#if>
