/**
 * Publishing: building, validating, compiling and signing an environment's config document ({@link
 * dev.ff.control.publish.ConfigPublisher}), reading published versions and computing patches
 * between them ({@link dev.ff.control.publish.ConfigReader}), and the signing keys.
 */
package dev.ff.control.publish;
