<#-- db/<service>/dynamodb.json. Model: DynamoView. "table" is the input of CreateTable
     (aws dynamodb create-table --cli-input-json "$(jq .table db/<service>/dynamodb.json)");
     "items" says how each entity's keys are built, "accessPatterns" the key condition of every read,
     "changelog" what each later version changed and whether DynamoDB makes it online (DynamoEvolution);
     "continuousBackups" the input of UpdateContinuousBackups that turns point-in-time recovery on. -->
{
  "table": {
    "TableName": ${model.design.table},
    "AttributeDefinitions": [
<#list model.design.keyAttributes() as a>
      {"AttributeName": ${a}, "AttributeType": "S"}<#sep>,</#sep>
</#list>
    ],
    "KeySchema": [
      {"AttributeName": "PK", "KeyType": "HASH"},
      {"AttributeName": "SK", "KeyType": "RANGE"}
    ],
<#if model.design.indexes?has_content>
    "GlobalSecondaryIndexes": [
<#list model.design.indexes as i>
      {
        "IndexName": ${i.name},
        "KeySchema": [
          {"AttributeName": ${i.partitionKey}, "KeyType": "HASH"},
          {"AttributeName": ${i.sortKey}, "KeyType": "RANGE"}
        ],
        "Projection": {"ProjectionType": "ALL"}<#if !model.design.onDemand>,
        "ProvisionedThroughput": {"ReadCapacityUnits": ${model.design.readUnits}, "WriteCapacityUnits": ${model.design.writeUnits}}</#if>
      }<#sep>,</#sep>
</#list>
    ],
</#if>
<#if model.design.onDemand>
    "BillingMode": "PAY_PER_REQUEST",
<#else>
    "BillingMode": "PROVISIONED",
    "ProvisionedThroughput": {"ReadCapacityUnits": ${model.design.readUnits}, "WriteCapacityUnits": ${model.design.writeUnits}},
</#if>
    "SSESpecification": {"Enabled": true, "SSEType": "KMS"},
    "DeletionProtectionEnabled": true,
    "Tags": [
      {"Key": "project", "Value": ${model.project}},
      {"Key": "service", "Value": ${model.service}}
    ]
  },
  "items": [
<#list model.design.items as item>
    {"entity": ${item.entity}, "keys": {<#list item.keys as k>${k.attribute}: ${k.value}<#sep>, </#sep></#list>}}<#sep>,</#sep>
</#list>
  ],
  "accessPatterns": [
<#list model.design.patterns as p>
    {"entity": ${p.entity}, "pattern": ${p.pattern}, "index": ${p.index}, "keyCondition": ${p.keyCondition}, "operation": ${p.operation}}<#sep>,</#sep>
</#list>
  ],
  "changelog": [
<#list model.changelog as c>
    {"version": ${c.version?c}, "code": ${c.code}, "subject": ${c.subject}, "online": <#if c.online>true<#else>false</#if>, "change": ${c.change}}<#sep>,</#sep>
</#list>
  ]<#if (model.recoveryDays > 0)>,
  "continuousBackups": {
    "TableName": ${model.design.table},
    "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": ${model.recoveryDays}}
  }</#if>
}
