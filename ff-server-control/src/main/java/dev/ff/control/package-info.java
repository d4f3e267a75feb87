/**
 * The control plane's data and domain layer. {@link dev.ff.control.ControlPlane} wires every
 * service over one database; the REST handlers of the admin API call those services one to one.
 */
package dev.ff.control;
