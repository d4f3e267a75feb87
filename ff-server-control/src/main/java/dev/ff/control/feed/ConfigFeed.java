package dev.ff.control.feed;

import dev.ff.control.db.ConnectionFactory;
import dev.ff.control.publish.ConfigPublisher;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to {@code NOTIFY ff_config, '<envId>:<version>'} (sent by {@link ConfigPublisher} in the
 * publishing transaction, so delivered only after commit) on one dedicated connection and
 * dispatches each notification to the registered listeners, on the feed's own thread.
 *
 * <p>When the connection is lost the feed reconnects with a growing back-off (100 ms up to 5 s) and
 * then calls {@link Listener#onReconnect()}: notifications sent while it was disconnected are lost,
 * so listeners re-read the latest versions then. A connection that stays silent is checked every
 * few seconds, so a dead socket is noticed too.
 */
public final class ConfigFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigFeed.class);
  private static final int POLL_MILLIS = 250;
  private static final Duration HEALTH_CHECK = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** Receives notifications; called on the feed thread, so implementations return quickly. */
  public interface Listener {
    /**
     * A version of an environment was published.
     *
     * @param envId the environment id
     * @param version the new version
     */
    void onConfig(long envId, long version);

    /** The feed reconnected after losing its connection; notifications may have been missed. */
    default void onReconnect() {}
  }

  /** A registration; closing it removes the listener. */
  public interface Registration extends AutoCloseable {
    /** Removes the listener. */
    @Override
    void close();
  }

  private final ConnectionFactory connections;
  private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private volatile boolean running = true;
  private volatile boolean connected;
  private volatile Connection current;

  private ConfigFeed(ConnectionFactory connections) {
    this.connections = connections;
    this.thread = new Thread(this::run, "ff-config-feed");
    this.thread.setDaemon(true);
  }

  /**
   * Starts a feed.
   *
   * @param connections opens the dedicated connection (and reconnections)
   * @return the running feed
   */
  public static ConfigFeed start(ConnectionFactory connections) {
    ConfigFeed feed = new ConfigFeed(connections);
    feed.thread.start();
    return feed;
  }

  /**
   * Registers a listener.
   *
   * @param listener the listener
   * @return the registration
   */
  public Registration register(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Whether the feed is listening right now.
   *
   * @return true between a successful {@code LISTEN} and the loss of the connection
   */
  public boolean connected() {
    return connected;
  }

  /** Stops the thread and closes the connection. */
  @Override
  public void close() {
    running = false;
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    closeQuietly(current);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    boolean first = true;
    long backoffMillis = 100;
    while (running) {
      try (Connection connection = connections.open()) {
        current = connection;
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + ConfigPublisher.CHANNEL);
        }
        connected = true;
        backoffMillis = 100;
        if (!first) {
          LOG.info("config feed reconnected");
          listeners.forEach(ConfigFeed::reconnected);
        }
        first = false;
        listen(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warn("config feed lost its connection: {}", e.toString());
        }
      } finally {
        connected = false;
        current = null;
      }
      if (running) {
        pause(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long lastSign = System.nanoTime();
    while (running) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications != null && notifications.length > 0) {
        lastSign = System.nanoTime();
        for (PGNotification notification : notifications) {
          dispatch(notification.getParameter());
        }
      } else if (System.nanoTime() - lastSign > HEALTH_CHECK.toNanos()) {
        if (!connection.isValid(2)) {
          throw new SQLException("config feed connection is no longer valid");
        }
        lastSign = System.nanoTime();
      }
    }
  }

  private void dispatch(String payload) {
    int colon = payload.indexOf(':');
    long envId;
    long version;
    try {
      envId = Long.parseLong(payload.substring(0, colon));
      version = Long.parseLong(payload.substring(colon + 1));
    } catch (RuntimeException e) {
      LOG.warn("ignoring malformed config notification '{}'", payload);
      return;
    }
    for (Listener listener : listeners) {
      try {
        listener.onConfig(envId, version);
      } catch (RuntimeException e) {
        LOG.warn("config feed listener failed", e);
      }
    }
  }

  private static void reconnected(Listener listener) {
    try {
      listener.onReconnect();
    } catch (RuntimeException e) {
      LOG.warn("config feed listener failed on reconnect", e);
    }
  }

  private void pause(long millis) {
    lock.lock();
    try {
      if (running) {
        wake.await(millis, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the config feed connection", e);
    }
  }
}
