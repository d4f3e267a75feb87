/** Server-Sent Events streams. */
package dev.ff.server.sse;
