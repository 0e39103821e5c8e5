<#-- deploy/ecs/<name>.task-definition.json. Model: ContainerView. The input of RegisterTaskDefinition:
     aws ecs register-task-definition --cli-input-json file://<name>.task-definition.json -->
{
  "family": ${model.name},
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": {"cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"},
  "cpu": ${model.cpu},
  "memory": ${model.memory},
  "taskRoleArn": ${model.identity},
  "executionRoleArn": ${model.executionRole},
  "containerDefinitions": [
    {
      "name": ${model.name},
      "image": ${model.image},
      "essential": true,
      "user": ${model.uid?c + ":" + model.uid?c},
      "readonlyRootFilesystem": true,
      "privileged": false,
      "linuxParameters": {"capabilities": {"drop": ["ALL"]}, "initProcessEnabled": true},
<#list model.sidecars as c>
      "dependsOn": [{"containerName": ${c.name}, "condition": "START"}],
</#list>
      "portMappings": [
        {"name": ${model.portName}, "containerPort": ${model.port}, "protocol": "tcp", "appProtocol": ${model.grpc?then("grpc", "http")}}
      ],
      "environment": [
<#list model.env as e>
        {"name": ${e.key}, "value": ${e.value}}<#sep>,</#sep>
</#list>
      ],
      "secrets": [
<#list model.secrets as s>
        {"name": ${s.key}, "valueFrom": ${s.value}}<#sep>,</#sep>
</#list>
      ],
      "healthCheck": {
        "command": ["CMD"<#list model.healthCommand as part>, ${part}</#list>],
        "interval": 10,
        "timeout": 3,
        "retries": 3,
        "startPeriod": 30
      },
      "mountPoints": [{"sourceVolume": "tmp", "containerPath": "/tmp", "readOnly": false}],
      "stopTimeout": 30,
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {"awslogs-group": ${"/ecs/" + model.project + "/" + model.name}, "awslogs-region": ${model.region}, "awslogs-stream-prefix": ${model.name}}
      }
    }<#list model.sidecars as c>,
    {
      "name": ${c.name},
      "image": ${c.image},
      "essential": false,
      "user": "10001:10001",
      "readonlyRootFilesystem": true,
      "privileged": false,
      "linuxParameters": {"capabilities": {"drop": ["ALL"]}},
      "command": [<#list c.command as part>${part}<#sep>, </#sep></#list>],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {"awslogs-group": ${"/ecs/" + model.project + "/" + model.name}, "awslogs-region": ${model.region}, "awslogs-stream-prefix": ${c.name}}
      }
    }</#list>
  ],
  "volumes": [{"name": "tmp"}]
}
