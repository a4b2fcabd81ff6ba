package org.stargatekg.web;

import java.util.List;

/** A property of a page with its label and its values; for incoming links the label reads backwards ("is speaker of"). */
public record PropertyRow(Link property, String label, List<Value> values) {
}
