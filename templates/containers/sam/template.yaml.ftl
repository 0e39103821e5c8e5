<#-- deploy/sam/template.yaml (or deploy/sam/prod-<cell>/template.yaml). Model: SamView. -->
# ${model.project?no_esc}<#if model.cell?has_content> in the ${model.cell?no_esc} cell</#if>: an AWS SAM template, one Lambda function per deployable running its container image.
#   sam deploy --template-file ${model.dir?no_esc}template.yaml --stack-name ${model.project?no_esc}<#if model.cell?has_content>-${model.cell?no_esc}</#if> --region ${model.region?no_esc} --capabilities CAPABILITY_IAM
# Memory and concurrency are CAPACITY.md's (see README.md); secrets stay in AWS Secrets Manager.
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: ${(model.project + " functions in " + model.region)}
Resources:
<#list model.functions as f>
  ${f.logicalId?no_esc}:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: ${f.functionName}
      PackageType: Image
      ImageUri: ${f.imageUri}
      Architectures:
        - x86_64
      MemorySize: ${f.memoryMb}
      Timeout: 30
      Tracing: Active
      AutoPublishAlias: live
      ReservedConcurrentExecutions: ${f.reserved}
      ProvisionedConcurrencyConfig:
        ProvisionedConcurrentExecutions: ${f.provisioned}
      VpcConfig:
        SubnetIds:
          - subnet-private-a
          - subnet-private-b
          - subnet-private-c
        SecurityGroupIds:
          - ${"sg-" + f.container.name}
<#if f.env?has_content>
      Environment:
        Variables:
<#list f.env as e>
          ${e.key?no_esc}: ${e.value}
</#list>
</#if>
<#if f.secretArn?has_content || f.invokes?has_content || f.sources?has_content>
      Policies:
        - Version: "2012-10-17"
          Statement:
<#if f.secretArn?has_content>
            - Effect: Allow
              Action:
                - secretsmanager:GetSecretValue
              Resource: ${f.secretArn + "-*"}
</#if>
<#if f.invokes?has_content>
            - Effect: Allow
              Action:
                - lambda:InvokeFunction
              Resource:
<#list f.invokes as arn>
                - ${arn}
</#list>
</#if>
<#list f.sources as s>
            - Effect: Allow
              Action:
<#list s.actions as a>
                - ${a}
</#list>
              Resource:
<#list s.readArns as arn>
                - ${arn}
</#list>
</#list>
</#if>
<#if f.container.exposed>
      Events:
        Api:
          Type: HttpApi
          Properties:
            Path: /{proxy+}
            Method: ANY
</#if>
<#list f.sources as s>
  ${s.logicalId?no_esc}:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: ${f.functionName + ":live"}
      EventSourceArn: ${s.arn}
<#if s.kind == "msk">
      Topics:
        - ${s.name}
      StartingPosition: TRIM_HORIZON
      AmazonManagedKafkaEventSourceConfig:
        ConsumerGroupId: ${s.group}
      BatchSize: 100
<#elseif s.kind == "sqs">
      BatchSize: 10
      FunctionResponseTypes:
        - ReportBatchItemFailures
<#else>
      Queues:
        - ${s.name}
      SourceAccessConfigurations:
        - Type: BASIC_AUTH
          URI: ${f.secretArn?has_content?then(f.secretArn, s.arn)}
        - Type: VIRTUAL_HOST
          URI: /
      BatchSize: 10
</#if>
</#list>
</#list>
