/**
 * Transport security of ff servers and their clients: TLS and mutual TLS.
 *
 * <ul>
 *   <li>{@link dev.ff.server.tls.TlsSettings}: what a listener serves (PEM certificate chain and
 *       key, or a PKCS#12 keystore) and, for mutual TLS, the CA that client certificates must chain
 *       to; read from {@code FF_TLS_*} variables by {@link
 *       dev.ff.server.tls.TlsSettings#fromEnvironment(java.util.Map)}.
 *   <li>{@link dev.ff.server.tls.ServerTls}: validates those files (fails fast with a message
 *       naming the file) into a Netty {@code SslContext}, and equips a listener's pipeline:
 *       handshake failures are counted in {@code tls_handshake_failures_total{reason}} and logged
 *       as one rate-limited line, a plain-HTTP request gets a {@code 400} problem instead of
 *       garbage.
 *   <li>{@link dev.ff.server.tls.ClientTlsSettings} and {@link dev.ff.server.tls.ClientTls}: the
 *       client side (a trusted CA, optionally a client certificate) as a JDK {@code SSLContext} for
 *       {@code java.net.http.HttpClient} and OkHttp.
 *   <li>{@link dev.ff.server.tls.Pem}: reading and writing PEM certificates and keys.
 *   <li>{@link dev.ff.server.tls.DevCertificates}: a local CA with a server and a client
 *       certificate for development and tests ({@code ff certs dev}).
 * </ul>
 */
package dev.ff.server.tls;
