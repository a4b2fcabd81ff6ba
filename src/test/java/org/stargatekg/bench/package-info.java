/** The benchmark against plain Fuseki and Virtuoso, startup and scale runs, and the synthetic-article generator (issue 5). */
package org.stargatekg.bench;
