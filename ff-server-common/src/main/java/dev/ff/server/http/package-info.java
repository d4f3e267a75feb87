/**
 * The HTTP server: {@link dev.ff.server.http.HttpServer}, routing, requests and responses, RFC 9457
 * problems, and the authentication and authorization hooks.
 */
package dev.ff.server.http;
