package dev.ff.server.http;

import dev.ff.server.sse.SseFrames;
import dev.ff.server.sse.SseStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty-backed {@link SseStream} of one connection. */
final class SseConnection implements SseStream {

  private static final Logger LOG = LoggerFactory.getLogger(SseConnection.class);
  private static final long WRITABLE = Long.MIN_VALUE;

  private final Channel channel;
  private final Duration heartbeat;
  private final Duration maxUnwritable;
  private final Consumer<SseConnection> onClosed;
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong unwritableSince = new AtomicLong(WRITABLE);
  private volatile ScheduledFuture<?> heartbeatTask;

  SseConnection(
      Channel channel,
      Duration heartbeat,
      Duration maxUnwritable,
      Consumer<SseConnection> onClosed) {
    this.channel = channel;
    this.heartbeat = heartbeat;
    this.maxUnwritable = maxUnwritable;
    this.onClosed = onClosed;
  }

  /** Starts the heartbeat; call on the event loop after the response head was written. */
  void start() {
    long millis = heartbeat.toMillis();
    heartbeatTask =
        channel
            .eventLoop()
            .scheduleAtFixedRate(() -> comment("ping"), millis, millis, TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(f -> close());
    if (closed.get()) {
      heartbeatTask.cancel(false);
    }
  }

  @Override
  public boolean send(String id, String event, String data) {
    return write(SseFrames.event(id, event, data));
  }

  @Override
  public boolean comment(String text) {
    return write(SseFrames.comment(text));
  }

  private boolean write(String frame) {
    if (closed.get() || !channel.isActive()) {
      return false;
    }
    if (!channel.isWritable()) {
      noteUnwritable();
      return false;
    }
    channel.writeAndFlush(
        new DefaultHttpContent(Unpooled.wrappedBuffer(frame.getBytes(StandardCharsets.UTF_8))));
    return true;
  }

  /** Called on writability changes of the channel (event loop). */
  void writabilityChanged(boolean writable) {
    if (writable) {
      unwritableSince.set(WRITABLE);
    } else {
      noteUnwritable();
    }
  }

  private void noteUnwritable() {
    long now = System.nanoTime();
    if (unwritableSince.compareAndSet(WRITABLE, now)) {
      channel
          .eventLoop()
          .schedule(
              () -> {
                if (!channel.isWritable() && unwritableSince.get() == now) {
                  LOG.info(
                      "Closing SSE stream to {}: unwritable for {} ms",
                      channel.remoteAddress(),
                      maxUnwritable.toMillis());
                  close();
                }
              },
              maxUnwritable.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && channel.isActive();
  }

  @Override
  public boolean isWritable() {
    return isOpen() && channel.isWritable();
  }

  @Override
  public void onClose(Runnable callback) {
    callbacks.add(callback);
    if (closed.get() && callbacks.remove(callback)) {
      runSafely(callback);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> task = heartbeatTask;
    if (task != null) {
      task.cancel(false);
    }
    if (channel.isActive() && channel.isWritable()) {
      channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> channel.close());
    } else {
      channel.close();
    }
    onClosed.accept(this);
    for (Runnable callback : callbacks) {
      if (callbacks.remove(callback)) {
        runSafely(callback);
      }
    }
  }

  private static void runSafely(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("SSE onClose callback failed: {}", e.toString());
    }
  }
}
