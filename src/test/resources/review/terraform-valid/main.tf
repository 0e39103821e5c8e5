resource "aws_ecr_repository" "orders" {
  name                 = "orders"
  image_tag_mutability = "IMMUTABLE"
  scan_on_pusher       = true
  tags = {
    project = "orders"
  }
}

resource "examplecloud_queue" "jobs" {
  name = "jobs"
}
