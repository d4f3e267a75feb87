/** Example: a JDK HttpServer app evaluating a % rollout flag with the ff Java SDK. */
package dev.ff.examples.http;
