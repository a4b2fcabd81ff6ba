/** The read-only HTTP server: embedded Fuseki with SPARQL query at /sparql and Graph Store Protocol reads at /data. */
package org.stargatekg.server;
