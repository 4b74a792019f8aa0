package io.inertia.daemon.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, except that a request Jetty cannot parse (a bad URI, a URI too long) keeps its
 * {@code HEAD} method: Jetty answers such requests as method {@code BAD}, so the error reply carried a body that a
 * {@code HEAD} client reads as the start of the next reply. The parser notes whether the request line starts with
 * {@code HEAD}; the error reply is then generated for a {@code HEAD} request (status and headers, no body).
 */
final class HeadAwareConnectionFactory extends HttpConnectionFactory {
  HeadAwareConnectionFactory(HttpConfiguration config) {
    super(config);
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HeadAwareConnection connection = new HeadAwareConnection(getHttpConfiguration(), connector, endPoint);
    connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
    return configure(connection, connector, endPoint);
  }

  private static final class HeadAwareConnection extends HttpConnection {
    HeadAwareConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
      super(config, connector, endPoint);
    }

    @Override
    protected HttpParser newHttpParser(HttpCompliance compliance) {
      HttpParser base = super.newHttpParser(compliance);
      HeadSniffingParser parser =
          new HeadSniffingParser(
              (HttpParser.RequestHandler) base.getHandler(), getHttpConfiguration().getRequestHeaderSize(), compliance);
      parser.setHeaderCacheSize(base.getHeaderCacheSize());
      parser.setHeaderCacheCaseSensitive(base.isHeaderCacheCaseSensitive());
      return parser;
    }

    @Override
    protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
      boolean head = getParser() instanceof HeadSniffingParser p && p.head;
      return super.newHttpStream("BAD".equals(method) && head ? "HEAD" : method, uri, version);
    }
  }

  private static final class HeadSniffingParser extends HttpParser {
    private static final byte[] HEAD = {'H', 'E', 'A', 'D', ' '};
    volatile boolean head;

    HeadSniffingParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
      super(handler, maxHeaderBytes, compliance);
    }

    @Override
    public boolean parseNext(ByteBuffer buffer) {
      if (isStart()) {
        head = startsWithHead(buffer);
      }
      return super.parseNext(buffer);
    }

    private static boolean startsWithHead(ByteBuffer buffer) {
      int i = buffer.position();
      while (i < buffer.limit() && (buffer.get(i) == '\r' || buffer.get(i) == '\n')) {
        i++;
      }
      if (buffer.limit() - i < HEAD.length) {
        return false;
      }
      for (byte b : HEAD) {
        if (buffer.get(i++) != b) {
          return false;
        }
      }
      return true;
    }
  }
}
