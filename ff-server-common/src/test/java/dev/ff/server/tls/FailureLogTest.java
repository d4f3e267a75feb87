package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureLogTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final Logger logger = new LoggerContext().getLogger("test");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final FailureLog log;

  FailureLogTest() {
    logger.setLevel(Level.DEBUG);
    events.start();
    logger.addAppender(events);
    log = new FailureLog(logger, TimeUnit.SECONDS.toNanos(60), now::get);
  }

  @Test
  void oneWarnPerReasonAndInterval_withTheCountOfTheSuppressedOnes() {
    assertThat(log.failed(HandshakeFailure.NO_CLIENT_CERTIFICATE, "/1.2.3.4:5", "empty")).isTrue();
    assertThat(log.failed(HandshakeFailure.NO_CLIENT_CERTIFICATE, "/1.2.3.4:6", "empty")).isFalse();
    assertThat(log.failed(HandshakeFailure.PLAIN_HTTP, "/1.2.3.4:7", "plain")).isTrue();
    now.addAndGet(TimeUnit.SECONDS.toNanos(59));
    assertThat(log.failed(HandshakeFailure.NO_CLIENT_CERTIFICATE, "/1.2.3.4:8", "empty")).isFalse();
    now.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(log.failed(HandshakeFailure.NO_CLIENT_CERTIFICATE, "/1.2.3.4:9", "empty")).isTrue();

    assertThat(events.list.stream().map(ILoggingEvent::getLevel))
        .containsExactly(Level.WARN, Level.DEBUG, Level.WARN, Level.DEBUG, Level.WARN);
    assertThat(events.list.get(4).getFormattedMessage())
        .contains("/1.2.3.4:9", "no_client_certificate", "2 more since the last such line");
  }

  @Test
  void closedConnections_areAlwaysDebug() {
    assertThat(log.failed(HandshakeFailure.CLOSED, "/1.2.3.4:5", "closed")).isFalse();
    assertThat(events.list)
        .singleElement()
        .extracting(ILoggingEvent::getLevel)
        .isEqualTo(Level.DEBUG);
  }
}
