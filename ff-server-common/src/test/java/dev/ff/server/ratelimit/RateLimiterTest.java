package dev.ff.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final class TestClock extends Clock {
    Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final RateLimiter limiter =
      RateLimiter.builder().clock(clock).limit("api", 10, 3).maxKeys(1000).build();

  @Test
  void burstThenRefillAtRate() {
    assertThat(limiter.tryAcquire("api", "k").remaining()).isEqualTo(2);
    assertThat(limiter.tryAcquire("api", "k").remaining()).isEqualTo(1);
    assertThat(limiter.tryAcquire("api", "k").remaining()).isEqualTo(0);
    RateLimitDecision refused = limiter.tryAcquire("api", "k");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(refused.headers()).containsEntry("Retry-After", "1").containsKey("RateLimit-Reset");

    clock.now = clock.now.plusMillis(100);
    assertThat(limiter.tryAcquire("api", "k").allowed()).isTrue();
    assertThat(limiter.tryAcquire("api", "k").allowed()).isFalse();
  }

  @Test
  void keysAreIndependent() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("api", "a");
    }
    assertThat(limiter.tryAcquire("api", "a").allowed()).isFalse();
    assertThat(limiter.tryAcquire("api", "b").allowed()).isTrue();
  }

  @Test
  void idleBucketsExpireAndRefillFully() {
    RateLimiter shortLived =
        RateLimiter.builder()
            .clock(clock)
            .limit("slow", 0.001, 1)
            .expireAfterIdle(Duration.ofSeconds(5))
            .build();
    assertThat(shortLived.tryAcquire("slow", "k").allowed()).isTrue();
    assertThat(shortLived.tryAcquire("slow", "k").allowed()).isFalse();
    clock.now = clock.now.plusSeconds(6);
    assertThat(shortLived.tryAcquire("slow", "k").allowed()).isTrue();
  }

  @Test
  void unknownClassIsRejected() {
    assertThatThrownBy(() -> limiter.tryAcquire("nope", "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
