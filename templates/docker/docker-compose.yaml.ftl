<#-- deploy/docker-compose.yaml. Model: ComposeView. -->
# Every deployable with the databases, cache and broker the decisions chose, for local runs:
#   cd deploy && for f in env/*.env.example; do cp -n "$f" "${r"${f%.example}"?no_esc}"; done && docker compose up --build
# Secrets come from the env files in env/ only (copies of the *.env.example files, never committed).
# Each image builds from its service's source folder: copy deploy/NAME/Dockerfile and Dockerfile.dockerignore
# into it and set NAME_SRC to it (by default the build context is deploy/NAME, which holds only the Dockerfile).
<#list model.notes as note>
# Note: ${note?no_esc}
</#list>
services:
<#list model.apps as app>
  ${app.name}:
    image: ${app.image}
    build:
      context: ${"$" + "{" + app.sourceVariable + ":-./" + app.name + "}"}
      dockerfile: Dockerfile
    restart: unless-stopped
    ports:
      - ${"127.0.0.1:" + app.hostPort?c + ":" + app.port?c}
    environment:
<#list app.environment as e>
      ${e.key}: ${e.value}
</#list>
<#if app.envFile??>
    env_file:
      - ${app.envFile}
</#if>
    read_only: true
    tmpfs:
      - /tmp
    cap_drop:
      - ALL
    security_opt:
      - no-new-privileges:true
    healthcheck:
      test: ${app.healthcheck?no_esc}
      interval: 10s
      timeout: 3s
      retries: 3
      start_period: 30s
<#if app.dependsOn?has_content>
    depends_on:
<#list app.dependsOn as dep>
      ${dep}:
        condition: service_healthy
</#list>
</#if>
</#list>
<#list model.stores as s>
  ${s.name}:
    image: ${s.image}
    restart: unless-stopped
<#if s.command??>
    command: ${s.command?no_esc}
</#if>
<#if s.environment?has_content>
    environment:
<#list s.environment as e>
      ${e.key}: ${e.value}
</#list>
</#if>
<#if s.envFile??>
    env_file:
      - ${s.envFile}
</#if>
    volumes:
      - ${s.volume + ":" + s.dataPath}
    healthcheck:
      test: ${s.healthcheck?no_esc}
      interval: 10s
      timeout: 5s
      retries: 10
      start_period: ${s.startPeriod}
</#list>
<#if model.volumes?has_content>
volumes:
<#list model.volumes as v>
  ${v}: {}
</#list>
</#if>
