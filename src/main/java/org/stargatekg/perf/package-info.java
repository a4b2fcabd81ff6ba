/** Speed without changing answers: the response cache and the Jetty settings the server is built with. */
package org.stargatekg.perf;
