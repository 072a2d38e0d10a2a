package org.tashil.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 service on 127.0.0.1 (S3Proxy, its objects in memory), its own {@code java} process, with
 * one bucket; and the Hadoop settings that reach it through s3a. {@link #close} stops it.
 */
final class S3Service implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final String ACCESS_KEY = "tashil";
  private static final String SECRET_KEY = "tashil-secret";
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final String endpoint;
  private final Path log;

  private S3Service(Process process, String endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts the service from its jar and creates {@code bucket}. */
  static S3Service start(Path jar, Path work, String bucket) throws IOException {
    Files.createDirectories(work);
    int port = StandaloneCluster.freePort();
    String endpoint = "http://" + HOST + ":" + port;
    Path properties = work.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=transient",
            "jclouds.identity=" + ACCESS_KEY,
            "jclouds.credential=" + SECRET_KEY,
            ""),
        StandardCharsets.UTF_8);
    Path log = work.resolve("s3proxy.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    S3Service service = new S3Service(process, endpoint, log);
    try {
      service.awaitPort(port);
      try (S3Client client = service.client()) {
        client.createBucket(request -> request.bucket(bucket));
      }
      return service;
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /**
   * The s3a settings that reach this service (as {@code spark.hadoop.*} settings or a cluster's
   * core-site.xml would give them). S3Proxy does not take the checksum header the AWS SDK adds to a
   * request deleting several objects at once, so objects are deleted one by one, as some other
   * S3-compatible stores need too.
   */
  Map<String, String> hadoopSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.endpoint", endpoint);
    settings.put("fs.s3a.endpoint.region", "us-east-1");
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put("fs.s3a.access.key", ACCESS_KEY);
    settings.put("fs.s3a.secret.key", SECRET_KEY);
    settings.put("fs.s3a.multiobjectdelete.enable", "false");
    return settings;
  }

  private S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  private void awaitPort(int port) throws IOException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the S3 service stopped:\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted waiting for the S3 service", e);
        }
      }
    }
    throw new IOException(
        "the S3 service did not start in " + STARTUP + ":\n" + Files.readString(log));
  }

  @Override
  public void close() {
    StandaloneCluster.stop(process);
  }
}
