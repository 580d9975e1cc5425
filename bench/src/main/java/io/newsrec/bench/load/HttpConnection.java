package io.newsrec.bench.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that writes pre-encoded requests and reads just enough of the
 * answer to know its status and where it ends.
 *
 * <p>Why not the JDK {@code HttpClient}: on 2 cores shared with the server under test, the load
 * client must cost next to nothing per request; this one allocates nothing per request but the
 * header line it parses.
 */
public final class HttpConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean open = true;

  public HttpConnection(InetSocketAddress address, int timeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  /** Sends one full request (head and body) and returns the answer's status code. */
  public int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    return readResponse();
  }

  /** Whether the server has not asked to close the connection. */
  public boolean open() {
    return open && !socket.isClosed();
  }

  private int readResponse() throws IOException {
    String statusLine = readLine();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        open &= !value.equalsIgnoreCase("close");
      }
    }
    if (chunked) {
      skipChunked();
    } else if (contentLength > 0) {
      skip(contentLength);
    } else if (contentLength < 0 && status >= 200 && status != 204 && status != 304) {
      // No length and not chunked: the body ends with the connection.
      in.transferTo(OutputStream.nullOutputStream());
      open = false;
    }
    return status;
  }

  private void skipChunked() throws IOException {
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      long size = Long.parseLong(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers
        }
        return;
      }
      skip(size);
      readLine();
    }
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("body cut short");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String readLine() throws IOException {
    var line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket that failed: nothing left to release
    }
  }

  /** Encodes a {@code POST} of {@code body} to {@code path} as one request, head and body. */
  public static byte[] post(String path, String contentType, byte[] body) {
    byte[] head =
        ("POST "
                + path
                // A name, as browsers send: for a literal IPv4 address Tomcat's host parser throws
                // and catches an exception per request (seen in a profile), which production
                // traffic never pays.
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + contentType
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }
}
