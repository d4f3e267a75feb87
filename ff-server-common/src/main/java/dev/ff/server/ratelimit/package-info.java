/** Token-bucket rate limits per rate-limit class and caller. */
package dev.ff.server.ratelimit;
