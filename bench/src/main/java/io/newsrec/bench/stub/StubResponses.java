package io.newsrec.bench.stub;

/** The JSON bodies the stub answers, in the shapes of the Kinesis API reference. */
final class StubResponses {

  static final String PUT_RECORD =
      "{\"SequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\","
          + "\"ShardId\":\"shardId-000000000000\"}";
  static final String LIST_STREAMS = "{\"StreamNames\":[],\"HasMoreStreams\":false}";

  private static final String RECORD =
      "{\"SequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\","
          + "\"ShardId\":\"shardId-000000000000\"}";

  private StubResponses() {}

  static String putRecords(int count) {
    var json = new StringBuilder(32 + count * (RECORD.length() + 1));
    json.append("{\"FailedRecordCount\":0,\"Records\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(RECORD);
    }
    return json.append("]}").toString();
  }

  static String describeStream(String name) {
    return "{\"StreamDescription\":{\"StreamName\":\""
        + name
        + "\",\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/"
        + name
        + "\",\"StreamStatus\":\"ACTIVE\",\"Shards\":[{\"ShardId\":\"shardId-000000000000\","
        + "\"HashKeyRange\":{\"StartingHashKey\":\"0\",\"EndingHashKey\":"
        + "\"340282366920938463463374607431768211455\"},\"SequenceNumberRange\":"
        + "{\"StartingSequenceNumber\":\"0\"}}],\"HasMoreShards\":false,"
        + "\"RetentionPeriodHours\":24,\"StreamCreationTimestamp\":1700000000,"
        + "\"EnhancedMonitoring\":[]}}";
  }

  static String describeStreamSummary(String name) {
    return "{\"StreamDescriptionSummary\":{\"StreamName\":\""
        + name
        + "\",\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/"
        + name
        + "\",\"StreamStatus\":\"ACTIVE\",\"RetentionPeriodHours\":24,"
        + "\"StreamCreationTimestamp\":1700000000,\"EnhancedMonitoring\":[],\"OpenShardCount\":1}}";
  }
}
