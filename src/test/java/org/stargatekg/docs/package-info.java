/** Checks of the documentation itself: README.md and docs/ point only at files, headings and paths that exist. */
package org.stargatekg.docs;
