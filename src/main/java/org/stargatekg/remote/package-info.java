/** An external SPARQL 1.1 store: pages and queries read through its endpoint, validated graphs pushed into it. */
package org.stargatekg.remote;
