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
    }
  ],
  "volumes": [{"name": "tmp"}]
}
