/** Query parsing, planning and evaluation as ARQ does it, with deadlines that hold, cached IRI resolution and a faster JSON results writer. */
package org.stargatekg.engine.query;
