/**
 * Database bootstrap: the connection pool, Jdbi and Flyway migrations ({@link
 * dev.ff.control.db.Database}), an embedded PostgreSQL for single-binary and demo use ({@link
 * dev.ff.control.db.EmbeddedDatabase}) and the demo seed ({@link dev.ff.control.db.DemoSeed}).
 */
package dev.ff.control.db;
