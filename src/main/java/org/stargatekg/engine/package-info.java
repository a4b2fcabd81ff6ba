/** Everything that replaces or wraps Apache Jena, Fuseki or Jetty internals, each with a switch back to stock behaviour (see EngineSwitches). */
package org.stargatekg.engine;
