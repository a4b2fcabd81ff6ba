/** The read-only SPARQL server assembled in one place from a backend: Fuseki with its paths, filters in one stated order, and Jetty settings. */
package org.stargatekg.server;
