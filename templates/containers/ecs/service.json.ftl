<#-- deploy/ecs/<name>.service.json. Model: ContainerView. The input of CreateService:
     aws ecs create-service --cli-input-json file://<name>.service.json -->
{
  "cluster": ${model.cluster()},
  "serviceName": ${model.name},
  "taskDefinition": ${model.name},
  "desiredCount": ${model.minInstances},
  "launchType": "FARGATE",
  "platformVersion": "LATEST",
  "deploymentConfiguration": {
    "minimumHealthyPercent": 100,
    "maximumPercent": 200,
    "deploymentCircuitBreaker": {"enable": true, "rollback": true}
  },
  "networkConfiguration": {
    "awsvpcConfiguration": {
      "subnets": ["subnet-private-a", "subnet-private-b", "subnet-private-c"],
      "securityGroups": [${"sg-" + model.name}],
      "assignPublicIp": "DISABLED"
    }
  },
<#if model.exposed>
  "loadBalancers": [
    {"targetGroupArn": ${"arn:aws:elasticloadbalancing:" + model.region + ":" + model.account + ":targetgroup/" + model.name + "/0123456789abcdef"}, "containerName": ${model.name}, "containerPort": ${model.port}}
  ],
  "healthCheckGracePeriodSeconds": 60,
</#if>
  "serviceConnectConfiguration": {
    "enabled": true,
    "namespace": ${model.project},
    "services": [
      {"portName": ${model.portName}, "discoveryName": ${model.name}, "clientAliases": [{"port": ${model.port}, "dnsName": ${model.name}}]}
    ]
  },
  "enableExecuteCommand": false,
  "propagateTags": "SERVICE",
  "enableECSManagedTags": true
}
