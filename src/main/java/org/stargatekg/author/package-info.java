/** The authoring server: one article folder reviewed in the browser, each change checked by the loader and written at once. */
package org.stargatekg.author;
