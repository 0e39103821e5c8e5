<#-- deploy/sam/README.md. Model: ServerlessDeliverable.SamReadme. -->
# AWS Lambda (AWS SAM)

deployment is `serverless` on cloud `aws`: each deployable runs the image that
`deploy/<name>/Dockerfile` builds as an AWS Lambda function (package type Image), declared in an
AWS SAM template. `deploy/docker-compose.yaml` stays the way to run the whole system on a laptop.

The images serve HTTP on their port as everywhere else; on Lambda the AWS Lambda Web Adapter
turns each invocation into such a request. Each Dockerfile copies it into the image's final stage
(`COPY --from=${model.adapterImage} /lambda-adapter /opt/extensions/lambda-adapter`);
`AWS_LWA_PORT` and the readiness check (`AWS_LWA_READINESS_CHECK_PATH`, the image's health check
path, or a TCP check of the port for gRPC) in each function's environment tell it where.

<#list model.templates as t>
## `${t.dir?remove_beginning("deploy/sam/")}template.yaml`<#if t.cell?has_content> — the ${t.cell} cell</#if>

Region `${t.region}`<#if t.cell?has_content>: the ${t.cell} cell's functions, with its own database, cache, broker and secrets; its data stays in the cell's regions</#if>.

| Function | Memory (MB) | Reserved concurrency | Provisioned concurrency | Trigger |
|---|---|---|---|---|
<#list t.functions as f>
| ${f.functionName} | ${f.memoryMb} | ${f.reserved} | ${f.provisioned} | <#if f.container.exposed>HTTP API (public)<#else>Lambda invoke only (internal)</#if><#list f.sources as s>; ${s.kind?upper_case} `${s.name}`</#list> |
</#list>

```sh
sam deploy --template-file ${t.dir}template.yaml --stack-name ${t.functions[0].container.project}<#if t.cell?has_content>-${t.cell}</#if> --region ${t.region} --capabilities CAPABILITY_IAM
```

CloudFormation takes a template over 51,200 bytes from S3 alone: by hand, add `--s3-bucket`, `--s3-prefix`
and `--kms-key-id` with the artifacts bucket and key of the root you deploy into (infra/README.md), as the
deploy workflow does.

</#list>
## How the numbers are chosen

- Memory: CAPACITY.md's memory of one instance, raised to 1,769 MB per vCPU of its CPU (Lambda
  allots CPU by memory), within 128 to 10,240 MB.
- Reserved concurrency, the ceiling: twice the peak's concurrent requests (the service's requests/s
  × ${model.latencyP99Ms} ms, the p99 latency of `scale`, or 1,000 ms when it states none), at least the floor. It keeps the function within
  what its database was sized for; each execution environment holds one connection
  (`DB_POOL_SIZE` 1), pooled by RDS Proxy. The sum of reserved concurrency must fit the account's
  Lambda concurrency quota in the region (1,000 until raised).
- Provisioned concurrency, the floor: CAPACITY.md's instance floor, kept warm against cold starts.

## Security

- Public deployables only get an HTTP API route (`/{proxy+}`); internal ones are reached by
  `lambda:InvokeFunction` from the callers whose policy names them (`<CALLEE>_ADDRESS` holds the
  callee's function ARN).
- Each function's policy names its own actions and resources only: its secret in AWS Secrets
  Manager (`SECRETS_ARN`, one JSON key per name in `SECRETS_KEYS`, read at start; no secret is in
  the environment), its callees and the topics or queues it reads.
- Functions run in the private subnets (`VpcConfig`), where the database, cache and broker are.

## Events

Messaging is `${model.messaging}`. <#if model.messaging == "kafka">Each consumed topic has an event source mapping from Amazon
MSK (IAM authentication) with the consumer's group id.<#elseif model.messaging == "rabbitmq">Each consumer queue has an event source
mapping from Amazon MQ for RabbitMQ, authenticated with the function's secret.<#elseif model.messaging == "cloud-pubsub">Each consumer's SQS
queue (fed by the SNS topics) has an event source mapping that reports partial batch failures.<#else>No broker: nothing
triggers a function but its callers.</#if>

Replace the placeholders: account `111122223333`, subnets, security groups and the broker ARNs.
