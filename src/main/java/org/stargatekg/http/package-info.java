/** HTTP: how the server's addresses map onto the graph's permanent IRIs, and (in time) the server and its filters. */
package org.stargatekg.http;
