package org.stargatekg.engine.store;

import java.util.Arrays;

import org.apache.jena.graph.Node;

/**
 * Gives each distinct RDF term a dense int id, so that every term is held once however many quads use it: a growable
 * term array plus an open-addressing hash table of ids (no boxed keys or entry objects). Terms are equal as RDF terms
 * ({@link Node#equals}: same lexical form, datatype and language), so literals keep their form exactly as written.
 */
final class NodeDictionary {

    private Node[] nodes = new Node[1 << 10];
    private int size;
    /** id + 1 per slot, 0 for empty; at most half full. */
    private int[] table = new int[1 << 11];

    /** The id of a term, giving it the next id if it has none. */
    int intern(Node node) {
        int slot = slot(node);
        int entry = table[slot];
        if (entry != 0)
            return entry - 1;
        if (size == nodes.length)
            nodes = Arrays.copyOf(nodes, size * 2);
        nodes[size] = node;
        table[slot] = ++size;
        if (size * 2 > table.length)
            rehash(table.length * 2);
        return size - 1;
    }

    /** The id of a term, or -1 if no quad uses it. */
    int id(Node node) {
        int entry = table[slot(node)];
        return entry - 1;
    }

    /** The term with an id. */
    Node node(int id) {
        return nodes[id];
    }

    /** The number of distinct terms. */
    int size() {
        return size;
    }

    /** An independent copy: terms added to either afterwards do not show in the other. */
    NodeDictionary copy() {
        NodeDictionary c = new NodeDictionary();
        c.nodes = Arrays.copyOf(nodes, Math.max(size, 1));
        c.size = size;
        c.table = table.clone();
        return c;
    }

    /** Drops the spare capacity of the term array once every term has been added. */
    void trim() {
        nodes = Arrays.copyOf(nodes, size);
    }

    /** The slot holding the term, or the empty slot where it would go. */
    private int slot(Node node) {
        int mask = table.length - 1;
        int i = mix(node.hashCode()) & mask;
        while (true) {
            int entry = table[i];
            if (entry == 0)
                return i;
            Node held = nodes[entry - 1];
            if (held == node || held.equals(node))
                return i;
            i = (i + 1) & mask;
        }
    }

    private void rehash(int capacity) {
        int[] fresh = new int[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            int i = mix(nodes[id].hashCode()) & mask;
            while (fresh[i] != 0)
                i = (i + 1) & mask;
            fresh[i] = id + 1;
        }
        table = fresh;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
