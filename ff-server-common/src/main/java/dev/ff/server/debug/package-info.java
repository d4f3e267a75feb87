/** Admin-only diagnostic routes (thread dump, JFR recording). */
package dev.ff.server.debug;
