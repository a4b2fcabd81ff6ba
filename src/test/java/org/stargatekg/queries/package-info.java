/** Tests that run the project's SPARQL files (competency questions, hygiene checks) against the running endpoint. */
package org.stargatekg.queries;
