/** What the server says about itself: VoID and DCAT of the dataset with counts taken at load, the SPARQL Service Description, and whole-dataset dumps. */
package org.stargatekg.describe;
