<#-- deploy/vm/<name>.cloud-init.yaml. Model: HostView. -->
#cloud-config
# ${model.name?no_esc} of ${model.project?no_esc} on virtual machines (deployment: vm, cloud ${model.cloud?no_esc}, region ${model.region?no_esc}):
# the user data of every machine of its instance group, ${model.minInstances} to ${model.maxInstances} machines.
# Ubuntu 24.04 LTS; Podman runs the image that deploy/${model.name?no_esc}/Dockerfile builds as the systemd
# service ${model.name?no_esc}.service: user ${model.uid}, read-only root file system, no new privileges, no
# capabilities, its container metadata in memory (--transient-store), restarted when it exits or its
# health check fails. Its secrets are read at each start into /run (memory), handed to the container
# and deleted.
package_update: true
packages:
  - podman
  - jq
  - curl
<#if model.cloud == "aws">
snap:
  commands:
    - [snap, install, aws-cli, --classic]
</#if>
ssh_pwauth: false
disable_root: true
write_files:
  - path: /etc/${model.project?no_esc}/${model.name?no_esc}.env
    owner: root:root
    permissions: "0644"
    content: |
<#list model.env as e>
      ${e.key?no_esc}=${e.value?no_esc}
</#list>
  - path: /usr/local/libexec/${model.project?no_esc}/${model.name?no_esc}-secrets
    owner: root:root
    permissions: "0750"
    content: |
      #!/bin/bash
      # Writes the secret environment of ${model.name?no_esc} to /run/${model.name?no_esc}/secrets.env (memory only,
      # readable by root only); the service deletes it as soon as the container has started.
      set -euo pipefail
      umask 077
      out=/run/${model.name?no_esc}/secrets.env
<#if model.secrets?has_content>
<#if model.cloud == "aws">
      # AWS Secrets Manager: the JSON keys of the secret ${model.secrets[0].value?no_esc}, read by the instance profile's role
      aws secretsmanager get-secret-value --region ${model.region?no_esc} --secret-id ${model.secrets[0].value?no_esc} \
        --query SecretString --output text | jq -r '<#list model.secrets as s>"${s.key?no_esc}=" + .["${s.key?no_esc}"]<#sep>, </#sep></#list>' > "$out"
<#elseif model.cloud == "gcp">
      # Google Secret Manager: the JSON keys of the deployable's secret, at its latest version, read by the
      # machine's service account
      secret=${model.secrets[0].value?no_esc}
      gcloud secrets versions access latest --secret="$secret" \
        | jq -r '<#list model.secrets as s>"${s.key?no_esc}=" + .["${s.key?no_esc}"]<#sep>, </#sep></#list>' > "$out"
<#elseif model.cloud == "azure">
      # Azure Key Vault: the JSON keys of the deployable's secret, read with the machine's managed identity
      # from the environment's vault, which the scale set's tag key-vault names
      secret=${model.secrets[0].value?no_esc}
      metadata=http://169.254.169.254/metadata
      vault=$(curl -fsS -H Metadata:true "$metadata/instance/compute/tagsList?api-version=2021-02-01" \
        | jq -r '.[] | select(.name == "key-vault") | .value')
      token=$(curl -fsS -H Metadata:true \
        "$metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net" \
        | jq -r .access_token)
      curl -fsS -H "Authorization: Bearer $token" "https://$vault.vault.azure.net/secrets/$secret?api-version=7.4" \
        | jq -r '.value | fromjson | <#list model.secrets as s>"${s.key?no_esc}=" + .["${s.key?no_esc}"]<#sep>, </#sep></#list>' > "$out"
<#else>
      # systemd credentials, encrypted on the machine (systemd-creds encrypt, /etc/credstore.encrypted/)
      # and decrypted by systemd into memory for this service only
      {
<#list model.secrets as s>
        printf '%s=%s\n' ${s.key?no_esc} "$(cat "$CREDENTIALS_DIRECTORY/${s.value?no_esc}")"
</#list>
      } > "$out"
</#if>
<#else>
      : > "$out"
</#if>
  - path: /etc/systemd/system/${model.name?no_esc}.service
    owner: root:root
    permissions: "0644"
    content: |
      [Unit]
      Description=${model.name?no_esc} of ${model.project?no_esc} (image ${model.image?no_esc})
      Wants=network-online.target
      After=network-online.target

      [Service]
      Type=notify
      NotifyAccess=all
      RuntimeDirectory=${model.name?no_esc}
      RuntimeDirectoryMode=0700
<#if model.cloud != "aws" && model.cloud != "gcp" && model.cloud != "azure">
<#list model.secrets as s>
      LoadCredentialEncrypted=${s.value?no_esc}
</#list>
</#if>
<#if model.cloud == "aws" || model.cloud == "gcp" || model.cloud == "azure">
      ExecStartPre=/usr/local/libexec/${model.project?no_esc}/${model.name?no_esc}-login
</#if>
      ExecStartPre=/usr/local/libexec/${model.project?no_esc}/${model.name?no_esc}-secrets
      ExecStart=/usr/bin/podman --transient-store run --name ${model.name?no_esc} --replace --rm \
        --sdnotify=conmon --cgroups=split --pull=missing \
        --user ${model.uid}:${model.uid} --read-only --security-opt=no-new-privileges --cap-drop=all \
        --publish ${model.port}:${model.port} \
        --env-file /etc/${model.project?no_esc}/${model.name?no_esc}.env --env-file /run/${model.name?no_esc}/secrets.env \
        --health-cmd ${model.healthArg()?no_esc} \
        --health-interval=10s --health-timeout=3s --health-retries=3 --health-start-period=30s \
        --health-on-failure=kill \
        --log-driver=k8s-file --log-opt path=${model.logFile()?no_esc} --log-opt max-size=100mb \
        ${model.image?no_esc}
      ExecStartPost=/usr/bin/rm -f /run/${model.name?no_esc}/secrets.env
      ExecStop=/usr/bin/podman --transient-store stop --ignore --time 20 ${model.name?no_esc}
      ExecStopPost=/usr/bin/podman --transient-store rm --force --ignore ${model.name?no_esc}
      Restart=always
      RestartSec=5
      TimeoutStartSec=300

      [Install]
      WantedBy=multi-user.target
<#if model.cloud == "aws" || model.cloud == "gcp" || model.cloud == "azure">
  - path: /usr/local/libexec/${model.project?no_esc}/${model.name?no_esc}-login
    owner: root:root
    permissions: "0750"
    content: |
      #!/bin/bash
      # Logs Podman in to the registry the image is in (${model.image?keep_before("/")?no_esc}) with the machine's own
      # identity, which infra/ lets pull from it: no stored password.
      set -euo pipefail
<#if model.cloud == "aws">
      aws ecr get-login-password --region ${model.region?no_esc} \
        | podman login --username AWS --password-stdin ${model.image?keep_before("/")?no_esc}
<#elseif model.cloud == "gcp">
      curl -fsS -H Metadata-Flavor:Google \
        http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token \
        | jq -r .access_token | podman login --username oauth2accesstoken --password-stdin ${model.image?keep_before("/")?no_esc}
<#else>
      # the managed identity's Microsoft Entra token, exchanged for a refresh token of the registry
      token=$(curl -fsS -H Metadata:true \
        'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F' \
        | jq -r .access_token)
      curl -fsS -X POST "https://${model.image?keep_before("/")?no_esc}/oauth2/exchange" \
        --data-urlencode grant_type=access_token --data-urlencode service=${model.image?keep_before("/")?no_esc} \
        --data-urlencode "access_token=$token" | jq -r .refresh_token \
        | podman login --username 00000000-0000-0000-0000-000000000000 --password-stdin ${model.image?keep_before("/")?no_esc}
</#if>
</#if>
<#if model.cloud == "aws">
  - path: /opt/aws/amazon-cloudwatch-agent/etc/${model.name?no_esc}.json
    owner: root:root
    permissions: "0644"
    content: |
      {"logs": {"logs_collected": {"files": {"collect_list": [{"file_path": "${model.logFile()?no_esc}",
        "log_group_name": "/vm/${model.project?no_esc}/${model.name?no_esc}", "log_stream_name": "{instance_id}"}]}}}}
<#elseif model.cloud == "gcp">
  - path: /etc/google-cloud-ops-agent/config.yaml
    owner: root:root
    permissions: "0644"
    content: |
      logging:
        receivers:
          ${model.name?no_esc}:
            type: files
            include_paths: [${model.logFile()?no_esc}]
        service:
          pipelines:
            ${model.name?no_esc}:
              receivers: [${model.name?no_esc}]
</#if>
runcmd:
  - [mkdir, -p, /var/log/${model.project?no_esc}]
<#if model.cloud == "aws">
  # the CloudWatch agent ships the service's log to the log group /vm/${model.project?no_esc}/${model.name?no_esc}
  - [curl, -fsSLo, /tmp/amazon-cloudwatch-agent.deb, "https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/amd64/latest/amazon-cloudwatch-agent.deb"]
  - [dpkg, -i, /tmp/amazon-cloudwatch-agent.deb]
  - [/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl, -a, fetch-config, -m, ec2, -s, -c, "file:/opt/aws/amazon-cloudwatch-agent/etc/${model.name?no_esc}.json"]
<#elseif model.cloud == "gcp">
  # the Ops Agent ships the service's log to Cloud Logging
  - [curl, -fsSLo, /tmp/add-google-cloud-ops-agent-repo.sh, "https://dl.google.com/cloudagents/add-google-cloud-ops-agent-repo.sh"]
  - [bash, /tmp/add-google-cloud-ops-agent-repo.sh, --also-install]
<#elseif model.cloud == "azure">
  # the Azure Monitor Agent (a VM extension) ships ${model.logFile()?no_esc} by a data collection rule for that file (not in infra/ yet)
<#else>
  # no cloud named: the log stays in ${model.logFile()?no_esc}; point your logging agent at it
</#if>
  - [systemctl, daemon-reload]
  - [systemctl, enable, --now, ${model.name?no_esc}.service]
