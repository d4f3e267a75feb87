package dev.ff.edge;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SSE clients in one process (its own process, so that it has its own file-descriptor limit):
 * opens {@code count} streams to an edge over raw HTTP/1.1 on one event loop and reports on stdout
 * {@code ready N} once all N have received their first {@code config} event and {@code done N} once
 * all have received a {@code patch} event. {@code closed N} is printed if connections drop.
 *
 * <p>Usage: {@code SseSwarm host port path token count}.
 */
public final class SseSwarm {
  private static final int MAX_PENDING_CONNECTS = 256;

  private SseSwarm() {}

  /**
   * Runs the swarm until all clients got a patch (exit 0) or a connection failed (exit 1).
   *
   * @param args host, port, path, token, count
   * @throws Exception on a setup failure
   */
  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String path = args[2];
    String token = args[3];
    int count = Integer.parseInt(args[4]);
    byte[] request =
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                + token
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    AtomicInteger configured = new AtomicInteger();
    AtomicInteger patched = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    Semaphore pending = new Semaphore(MAX_PENDING_CONNECTS);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try {
      Bootstrap bootstrap =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel
                          .pipeline()
                          .addLast(new Client(request, configured, patched, count, closed));
                    }
                  });
      for (int i = 0; i < count; i++) {
        pending.acquire();
        ChannelFuture connect = bootstrap.connect(host, port);
        connect.addListener(
            f -> {
              pending.release();
              if (!f.isSuccess()) {
                System.out.println("failed " + f.cause());
                System.out.flush();
                System.exit(1);
              }
            });
      }
      synchronized (SseSwarm.class) {
        while (patched.get() < count) {
          SseSwarm.class.wait(1000);
          if (closed.get() > 0) {
            System.out.println("closed " + closed.get());
            System.out.flush();
            System.exit(1);
          }
        }
      }
      System.out.println("done " + patched.get());
      System.out.flush();
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static final class Client extends SimpleChannelInboundHandler<ByteBuf> {
    private final byte[] request;
    private final AtomicInteger configured;
    private final AtomicInteger patched;
    private final int count;
    private final AtomicInteger closed;
    private String tail = "";
    private boolean gotConfig;
    private boolean gotPatch;

    Client(
        byte[] request,
        AtomicInteger configured,
        AtomicInteger patched,
        int count,
        AtomicInteger closed) {
      this.request = request;
      this.configured = configured;
      this.patched = patched;
      this.count = count;
      this.closed = closed;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      // Markers may be split across reads: search the new bytes with the previous tail.
      String text = tail + msg.toString(StandardCharsets.UTF_8);
      if (!gotConfig && text.contains("event: config")) {
        gotConfig = true;
        if (configured.incrementAndGet() == count) {
          System.out.println("ready " + count);
          System.out.flush();
        }
      }
      if (gotConfig && !gotPatch && text.contains("event: patch")) {
        gotPatch = true;
        if (patched.incrementAndGet() == count) {
          synchronized (SseSwarm.class) {
            SseSwarm.class.notifyAll();
          }
        }
      }
      tail = text.length() > 32 ? text.substring(text.length() - 32) : text;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!gotPatch) {
        closed.incrementAndGet();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Channel channel = ctx.channel();
      channel.close();
    }
  }
}
