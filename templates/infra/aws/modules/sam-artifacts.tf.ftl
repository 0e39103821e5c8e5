<#-- infra/modules/sam-artifacts/main.tf (AWS, deployment serverless). Model: EnvView of prod. -->
# The bucket the SAM deploy job uploads its stack's template to (`sam deploy --s3-bucket`): CloudFormation
# takes a template of up to 51,200 bytes inline and one of up to 1 MB from S3, and a large system's template
# passes the first. Private (public access blocked, objects owned by the bucket's account), encrypted with
# the root's key, versioned, TLS only, and old artifacts expire: a stack keeps its own copy of its template.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "bucket_prefix" {
  type        = string
  description = "what begins the bucket's name, which ends in a hyphen and the account id (S3 names are unique across AWS)"
}

variable "kms_key_arn" {
  type        = string
  description = "the root's key, which encrypts every artifact"
}

variable "expire_days" {
  type        = number
  default     = 30
  description = "days after which an artifact expires (CloudFormation reads it while a change set is created and run)"
}

variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "this" {}

resource "aws_s3_bucket" "this" {
  bucket = "${var.bucket_prefix}-${data.aws_caller_identity.this.account_id}"
  tags   = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    id     = "expire-old-artifacts"
    status = "Enabled"
    filter {}
    expiration {
      days = var.expire_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
  rule {
    id     = "remove-expired-delete-markers"
    status = "Enabled"
    filter {}
    expiration {
      expired_object_delete_marker = true
    }
  }
  depends_on = [aws_s3_bucket_versioning.this]
}

# no request without TLS, and no artifact stored but under KMS (SAM asks for AES256 unless --kms-key-id is given)
resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "TlsOnly"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["s3:*"]
        Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "KmsOnly"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["s3:PutObject"]
        Resource  = ["${aws_s3_bucket.this.arn}/*"]
        Condition = { StringNotEquals = { "s3:x-amz-server-side-encryption" = "aws:kms" } }
      }
    ]
  })
  depends_on = [aws_s3_bucket_public_access_block.this]
}

output "arn" {
  value = aws_s3_bucket.this.arn
}

output "name" {
  value = aws_s3_bucket.this.id
}
