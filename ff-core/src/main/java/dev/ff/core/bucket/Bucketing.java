package dev.ff.core.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bucket function of rollouts and exclusion groups.
 *
 * <p>{@code bucket(salt, seed, unit) = uint64_big_endian(SHA-256(UTF-8(salt + ":" + seed + ":" +
 * unit))[0..8]) mod 10000}. The unit comes from a context attribute: a non-empty string as is, or
 * an integral number within ±(2<sup>53</sup> − 1) in plain decimal ({@code 5.0} → {@code "5"},
 * {@code -0} → {@code "0"}); any other attribute value has no unit and the rollout does not apply.
 *
 * <p>UTF-8 encoding replaces an unpaired surrogate with U+FFFD, as the WHATWG encoder used by
 * JavaScript runtimes does. The hot path ({@link #prefix} once, then {@link #bucketOf} per
 * evaluation) reuses a per-thread digest and buffers and allocates nothing.
 */
public final class Bucketing {
  /** The number of buckets; buckets are {@code 0 .. BUCKETS - 1}. */
  public static final int BUCKETS = 10_000;

  /** Returned by {@link #bucketOf} when the attribute gives no unit. */
  public static final int NO_UNIT = -1;

  /** The largest integer magnitude accepted as a numeric unit: 2<sup>53</sup> − 1. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final long NOT_INTEGRAL = Long.MIN_VALUE;

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

  private Bucketing() {}

  /**
   * Per-thread digest and buffers for the hot path.
   *
   * <p>Two details make the JDK's SHA-256 cheaper here (JDK 17's {@code
   * sun.security.provider.SHA2}, whose block compression is a CPU intrinsic once C2 has compiled
   * the caller):
   *
   * <ul>
   *   <li>The digest allocates a 64-int message schedule the first time its <em>Java</em>
   *       compression runs (while the caller is still interpreted) and from then on clears it on
   *       every reset, roughly a tenth of the cost of a one-block digest. A digest that has only
   *       ever seen the intrinsic never allocates it, so the state replaces its digest a few times
   *       early in the thread's life ({@link #REFRESH_FIRST} uses, then every ×{@link
   *       #REFRESH_FACTOR} up to {@link #REFRESH_LAST}); afterwards nothing is allocated.
   *   <li>The buffer remembers which prefix it starts with, so consecutive calls under the same
   *       rollout copy only the unit.
   * </ul>
   */
  private static final class State {
    static final long REFRESH_FIRST = 1L << 12;
    static final long REFRESH_FACTOR = 8;
    static final long REFRESH_LAST = 1L << 24;

    MessageDigest digest = newDigest();
    byte[] buf = new byte[256];
    final byte[] out = new byte[32];
    // The prefix array whose bytes start buf, or null.
    byte[] prefixInBuf;
    long uses;
    long refreshAt = REFRESH_FIRST;

    static MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available", e);
      }
    }

    /** The buffer, at least {@code size} bytes long, starting with {@code prefix}. */
    byte[] withPrefix(byte[] prefix, int size) {
      byte[] b = buf;
      if (b.length < size) {
        b = buf = new byte[Math.max(size, b.length * 2)];
        prefixInBuf = null;
      }
      if (prefixInBuf != prefix) {
        System.arraycopy(prefix, 0, b, 0, prefix.length);
        prefixInBuf = prefix;
      }
      return b;
    }

    /** The digest for this call (see the class comment on refreshing). */
    MessageDigest digest() {
      if (++uses == refreshAt) {
        refreshAt = uses < REFRESH_LAST ? uses * REFRESH_FACTOR : 0;
        digest = newDigest();
      }
      return digest;
    }
  }

  /**
   * The bucket of a unit.
   *
   * @param salt the environment salt
   * @param seed the rollout seed (or {@code xg/} + an exclusion-group key)
   * @param unit the unit string
   * @return the bucket, 0..9999
   */
  public static int bucket(String salt, String seed, String unit) {
    return bucket(prefix(salt, seed), unit);
  }

  /**
   * The UTF-8 bytes of {@code salt + ":" + seed + ":"}, to compute once per rollout.
   *
   * @param salt the environment salt
   * @param seed the seed
   * @return the hash-input prefix
   */
  public static byte[] prefix(String salt, String seed) {
    String s = salt + ":" + seed + ":";
    byte[] b = new byte[s.length() * 3];
    int n = encodeUtf8(s, b, 0);
    byte[] out = new byte[n];
    System.arraycopy(b, 0, out, 0, n);
    return out;
  }

  /**
   * The bucket of a unit string under a precomputed prefix.
   *
   * @param prefix the bytes from {@link #prefix}
   * @param unit the unit string
   * @return the bucket, 0..9999
   */
  public static int bucket(byte[] prefix, String unit) {
    State st = STATE.get();
    byte[] buf = st.withPrefix(prefix, prefix.length + unit.length() * 3);
    int len = encodeUtf8(unit, buf, prefix.length);
    return finish(st, buf, len);
  }

  /**
   * The bucket of a context attribute under a precomputed prefix, without allocating.
   *
   * @param prefix the bytes from {@link #prefix}
   * @param attribute the attribute value (null when absent)
   * @return the bucket 0..9999, or {@link #NO_UNIT} when the attribute gives no unit
   */
  public static int bucketOf(byte[] prefix, JsonNode attribute) {
    if (attribute instanceof TextNode t) {
      String s = t.textValue();
      return s.isEmpty() ? NO_UNIT : bucket(prefix, s);
    }
    if (!(attribute instanceof NumericNode)) {
      return NO_UNIT;
    }
    long v = integralUnit(attribute);
    if (v == NOT_INTEGRAL) {
      return NO_UNIT;
    }
    State st = STATE.get();
    byte[] buf = st.withPrefix(prefix, prefix.length + 20);
    int len = writeDecimal(v, buf, prefix.length);
    return finish(st, buf, len);
  }

  /**
   * The unit string of an attribute value.
   *
   * @param attribute the attribute value (null when absent)
   * @return a non-empty string as is, an integral number within ±(2<sup>53</sup> − 1) in plain
   *     decimal, otherwise null
   */
  public static String unitOf(JsonNode attribute) {
    if (attribute == null) {
      return null;
    }
    if (attribute.isTextual()) {
      String s = attribute.textValue();
      return s.isEmpty() ? null : s;
    }
    if (!attribute.isNumber()) {
      return null;
    }
    long v = integralUnit(attribute);
    return v == NOT_INTEGRAL ? null : Long.toString(v);
  }

  /** The integral value of a number node within ±(2^53 − 1), or {@link #NOT_INTEGRAL}. */
  private static long integralUnit(JsonNode n) {
    long v;
    switch (n.numberType()) {
      case INT, LONG -> v = n.longValue();
      case BIG_INTEGER -> {
        BigInteger b = n.bigIntegerValue();
        if (b.bitLength() > 62) {
          return NOT_INTEGRAL;
        }
        v = b.longValue();
      }
      case FLOAT, DOUBLE -> {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
          return NOT_INTEGRAL;
        }
        if (Math.abs(d) > MAX_SAFE_INTEGER) {
          return NOT_INTEGRAL;
        }
        v = (long) d;
      }
      case BIG_DECIMAL -> {
        BigDecimal bd = n.decimalValue();
        if (bd.signum() != 0 && bd.stripTrailingZeros().scale() > 0) {
          return NOT_INTEGRAL;
        }
        if (bd.abs().compareTo(BigDecimal.valueOf(MAX_SAFE_INTEGER)) > 0) {
          return NOT_INTEGRAL;
        }
        v = bd.longValue();
      }
      default -> {
        return NOT_INTEGRAL;
      }
    }
    return Math.abs(v) > MAX_SAFE_INTEGER ? NOT_INTEGRAL : v;
  }

  private static int finish(State st, byte[] buf, int len) {
    MessageDigest md = st.digest();
    md.update(buf, 0, len);
    byte[] out = st.out;
    try {
      md.digest(out, 0, 32);
    } catch (DigestException e) {
      md.reset();
      throw new IllegalStateException(e);
    }
    return mod10000((long) BIG_ENDIAN_LONG.get(out, 0));
  }

  /**
   * {@code h} as an unsigned 64-bit integer, modulo 10000, without a 64-bit division: with {@code h
   * = 16a + b} ({@code b < 16}) and 10000 = 16 × 625, {@code h mod 10000 = 16 (a mod 625) + b}.
   */
  static int mod10000(long h) {
    return (int) (((h >>> 4) % 625) << 4 | (h & 15));
  }

  /** Writes a decimal integer (|v| ≤ 2^53 − 1) at {@code pos}; returns the end position. */
  private static int writeDecimal(long v, byte[] buf, int pos) {
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    int end = pos + digits;
    for (int i = end - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    return end;
  }

  /**
   * Encodes {@code s} as UTF-8 into {@code buf} at {@code pos} ({@code buf} holds at least 3 bytes
   * per char); unpaired surrogates become U+FFFD. Returns the end position.
   */
  private static int encodeUtf8(String s, byte[] buf, int pos) {
    int n = s.length();
    int i = 0;
    // ASCII fast path.
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buf[pos++] = (byte) c;
      i++;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[pos++] = (byte) (0xF0 | (cp >> 18));
        buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        char e = Character.isSurrogate(c) ? '\uFFFD' : c;
        buf[pos++] = (byte) (0xE0 | (e >> 12));
        buf[pos++] = (byte) (0x80 | ((e >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (e & 0x3F));
      }
    }
    return pos;
  }
}
