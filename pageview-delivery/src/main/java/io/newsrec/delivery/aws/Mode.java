package io.newsrec.delivery.aws;

/** Where the AWS clients point. */
public enum Mode {
  /**
   * AWS-compatible servers on this machine (kinesis-local, ElasticMQ): endpoints from
   * configuration, dummy static credentials, streams and queues created at start-up.
   */
  LOCAL,
  /** Real AWS: default credential chain (IRSA on EKS) and endpoints; creates nothing. */
  AWS
}
