package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The response parser on its own: framing, limits and what is not HTTP. */
class ResponseReaderTests {

  private static final long LIMIT = 64;

  @Test
  void contentLengthBodyIsReadExactlyAndHeadersCompareWithoutCase() throws Exception {
    ReceivedResponse response =
        read("HTTP/1.1 200 OK\r\nX-Version: 1.2\r\ncontent-length: 5\r\n\r\nhelloEXTRA", true);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-version")).isEqualTo("1.2");
    assertThat(text(response)).isEqualTo("hello");
  }

  @Test
  void chunkedBodyWithExtensionsAndTrailersIsDecoded() throws Exception {
    ReceivedResponse response =
        read(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;name=value\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n",
            true);

    assertThat(text(response)).isEqualTo("abc0123456789");
  }

  @Test
  void bodyWithoutLengthRunsToTheEndOfTheStreamAndBareLineFeedsAreAccepted() throws Exception {
    ReceivedResponse response = read("HTTP/1.0 404 Not Found\nServer: old\n\nall of it", true);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().get("Server")).isEqualTo("old");
    assertThat(text(response)).isEqualTo("all of it");
  }

  @Test
  void bodyPastTheLimitIsCutAndStillAResponse() throws Exception {
    ReceivedResponse response = read("HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(10_000), true);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).hasSize((int) LIMIT);
  }

  @Test
  void interimResponsesAreSkippedAndNoBodyStatusesHaveNone() throws Exception {
    ReceivedResponse response =
        read(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n",
            true);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void headResponseHasNoBodyWhateverItsLengthSays() throws Exception {
    var source = new ByteArrayInputStream(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"));

    ReceivedResponse response =
        ResponseReader.read(source::read, false, new BoundedBody(LIMIT, true));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void whatIsNotHttpIsMalformed() {
    assertMalformed("SSH-2.0-OpenSSH\r\n\r\n");
    assertMalformed("HTTP/1.1 2OO OK\r\n\r\n");
    assertMalformed("HTTP/2 200\r\n\r\n");
    assertMalformed("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n");
    assertMalformed("HTTP/1.1 200 OK\r\nX-A: 1\r\n folded: line\r\n\r\n");
    assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello");
    assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
    assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    assertMalformed("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n");
  }

  @Test
  void headersPastTheLimitAreMalformedEvenSpreadOverInterimResponses() {
    String line = "X-Junk: " + "a".repeat(1000) + "\r\n";
    assertMalformed("HTTP/1.1 200 OK\r\n" + line.repeat(20) + "\r\n");
    assertMalformed(("HTTP/1.1 100 Continue\r\n" + line.repeat(5) + "\r\n").repeat(4));
  }

  @Test
  void streamEndingEarlyIsAnEndOfFile() {
    assertThatThrownBy(() -> read("", true)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Le", true))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", true))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void responsesLargerThanTheFirstBufferAreReadWholeInLargerReads() throws Exception {
    String header = "h".repeat(3_000);
    String body = "0123456789".repeat(4_000);
    byte[] bytes =
        ascii("HTTP/1.1 200 OK\r\nX-Big: " + header + "\r\nContent-Length: 40000\r\n\r\n" + body);
    var source = new ByteArrayInputStream(bytes);
    var reads = new java.util.ArrayList<Integer>();

    ReceivedResponse response =
        ResponseReader.read(
            (buffer, offset, length) -> {
              int read = source.read(buffer, offset, length);
              reads.add(read);
              return read;
            },
            true,
            new BoundedBody(100_000, true));

    assertThat(response.headers().get("X-Big")).isEqualTo(header);
    assertThat(text(response)).isEqualTo(body);
    // 1 KiB, then 4 KiB, then 16 KiB reads: a few reads, not one per KiB.
    assertThat(reads).hasSizeLessThan(8);
  }

  private static ReceivedResponse read(String response, boolean keep) throws Exception {
    // One byte a read: every line and body split across reads, as a slow network delivers them.
    var source = new ByteArrayInputStream(ascii(response));
    return ResponseReader.read(
        (buffer, offset, length) -> source.read(buffer, offset, Math.min(1, length)),
        true,
        new BoundedBody(LIMIT, keep));
  }

  private static void assertMalformed(String response) {
    assertThatThrownBy(() -> read(response, false))
        .as(response)
        .isInstanceOf(MalformedResponse.class);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String text(ReceivedResponse response) {
    return new String(response.body(), StandardCharsets.ISO_8859_1);
  }
}
