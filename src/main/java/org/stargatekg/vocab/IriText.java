package org.stargatekg.vocab;

/** Which IRIs can be written into a SPARQL query or Turtle between angle brackets (the IRIREF production). */
public final class IriText {

    private IriText() {}

    /**
     * Whether {@code iri} holds no character IRIREF forbids: controls, space, {@code <>"{}|^`\}. Such an IRI cannot be
     * in a store's data, nor be asked for without changing the query it is written into.
     */
    public static boolean writable(String iri) {
        if (iri == null || iri.isEmpty())
            return false;
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= 0x20 || c == 0x7F || "<>\"{}|^`\\".indexOf(c) >= 0)
                return false;
        }
        return true;
    }
}
