package io.newsrec.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsrec.model.Interaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

/** The inference contract as the recommendation-service sees it: through the AWS SDK. */
class SageMakerContractTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private InvocationServer server;
  private SageMakerRuntimeClient sagemaker;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startServer() throws Exception {
    server = InvocationServer.start(0, 2, CLOCK);
    sagemaker =
        SageMakerRuntimeClient.builder()
            .endpointOverride(URI.create("http://localhost:" + server.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  @AfterEach
  void stop() {
    sagemaker.close();
    server.close();
    http.close();
  }

  private void serveModelWithClicks(String... articles) {
    CountingRecommender model = new CountingRecommender();
    long t = CLOCK.millis();
    for (String article : articles) {
      model.update(new Interaction("g1", "u", "s", article, t++, 1.0));
    }
    server.serve(new ServedModel(model, "abc123", CLOCK.instant(), null));
  }

  private InvokeEndpointResponse invoke(String body) {
    return sagemaker.invokeEndpoint(
        InvokeEndpointRequest.builder()
            .endpointName("newsrec-model")
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromUtf8String(body))
            .build());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pingAnswers503WhileLoadingAnd200OnceTheModelIsServed() throws Exception {
    assertThat(get("/ping").statusCode()).isEqualTo(503);

    serveModelWithClicks("a1");

    assertThat(get("/ping").statusCode()).isEqualTo(200);
  }

  @Test
  void invokeEndpointReturnsRankedItemsWithSourcesAndTheModelVersion() throws Exception {
    serveModelWithClicks("a1", "a2", "a2", "a3", "a3", "a3");

    InvokeEndpointResponse response =
        invoke("{\"portal\":\"g1\",\"userId\":\"u9\",\"count\":2,\"exclude\":[\"a3\"]}");

    assertThat(response.contentType()).isEqualTo("application/json");
    JsonNode body = JSON.readTree(response.body().asUtf8String());
    assertThat(body.get("items")).hasSize(2);
    assertThat(body.at("/items/0/articleId").asText()).isEqualTo("a2");
    assertThat(body.at("/items/0/score").asDouble()).isEqualTo(2.0);
    assertThat(body.at("/items/0/sources/0").asText()).isEqualTo("counting");
    assertThat(body.at("/items/1/articleId").asText()).isEqualTo("a1");
    assertThat(body.at("/model/version").asText()).isEqualTo("abc123");
    assertThat(body.at("/model/loadedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void plainInvocationsAnswersLikeTheEndpointPath() throws Exception {
    serveModelWithClicks("a1");

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"portal\":\"g1\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).at("/items/0/articleId").asText()).isEqualTo("a1");
  }

  @Test
  void aBadRequestIsA400WithAProblemNamingTheField() throws Exception {
    serveModelWithClicks("a1");

    SageMakerRuntimeException error =
        catchThrowableOfType(
            SageMakerRuntimeException.class, () -> invoke("{\"portal\":\"g1\",\"count\":-1}"));

    assertThat(error.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(error.awsErrorDetails().rawResponse().asUtf8String());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("field").asText()).isEqualTo("count");
    assertThat(problem.get("detail").asText()).contains("count must be an integer");
  }

  @Test
  void malformedJsonIsA400NotAServerError() {
    serveModelWithClicks("a1");

    SageMakerRuntimeException error =
        catchThrowableOfType(SageMakerRuntimeException.class, () -> invoke("{\"portal\":"));

    assertThat(error.statusCode()).isEqualTo(400);
  }

  @Test
  void anOversizedBodyIsA413() {
    serveModelWithClicks("a1");
    String huge = "{\"portal\":\"g1\",\"pad\":\"" + "x".repeat(70_000) + "\"}";

    SageMakerRuntimeException error =
        catchThrowableOfType(SageMakerRuntimeException.class, () -> invoke(huge));

    assertThat(error.statusCode()).isEqualTo(413);
  }

  @Test
  void unknownPathsAre404AndWrongMethodsAre405() throws Exception {
    serveModelWithClicks("a1");

    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/endpoints/a/b/invocations").statusCode()).isEqualTo(404);
    assertThat(get("/invocations").statusCode()).isEqualTo(405);
  }
}
