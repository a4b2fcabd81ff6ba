/** Where the served graph lives, one type per way of storing it (in memory, TDB2, an external store), chosen once on the command line. */
package org.stargatekg.backend;
