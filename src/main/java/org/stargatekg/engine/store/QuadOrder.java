package org.stargatekg.engine.store;

/**
 * One sort order of the quads (for example subject, predicate, object, graph): the quads' positions sorted by the
 * four components in that order, so that the quads matching any prefix of bound components form one contiguous range.
 */
final class QuadOrder {

    static final int G = 0, S = 1, P = 2, O = 3;

    private final int[] components;
    /** Positions in the primary order, sorted by this order; null when this is the primary order itself. */
    private final int[] positions;
    private final int[][] columns;
    /** For each term id v, where the quads whose first component is v start; v's range ends where v + 1's starts. */
    private final int[] firstStarts;

    QuadOrder(int[] components, int[] positions, int[][] columns, int count, int distinctIds) {
        this.components = components;
        this.positions = positions;
        this.columns = columns;
        this.firstStarts = new int[distinctIds + 1];
        int[] first = columns[components[0]];
        for (int i = 0; i < count; i++)
            firstStarts[first[i] + 1]++;
        for (int v = 1; v <= distinctIds; v++)
            firstStarts[v] += firstStarts[v - 1];
    }

    /** The range [from, to) of quads whose first component is the key's, found in the start table instead of by search. */
    int firstFrom(int[] key) {
        return firstStarts[key[components[0]]];
    }

    /** The end of the range {@link #firstFrom} starts. */
    int firstTo(int[] key) {
        return firstStarts[key[components[0]] + 1];
    }

    /** How many leading components of this order are bound in {@code key} (ids, or -1 for unbound), indexed G, S, P, O. */
    int boundPrefix(int[] key) {
        int k = 0;
        while (k < 4 && key[components[k]] >= 0)
            k++;
        return k;
    }

    /** The component at a place of this order (G, S, P or O). */
    int component(int place) {
        return components[place];
    }

    /** The position in the primary order of the i-th quad of this order. */
    int position(int i) {
        return positions == null ? i : positions[i];
    }

    /** The first index in this order whose first {@code k} components are not below the key's. */
    int lowerBound(int[] key, int k, int from, int to) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, key, k) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /** The first index in this order whose first {@code k} components are above the key's. */
    int upperBound(int[] key, int k, int from, int to) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, key, k) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private int compare(int i, int[] key, int k) {
        int pos = position(i);
        for (int j = 0; j < k; j++) {
            int c = components[j];
            int v = columns[c][pos];
            if (v != key[c])
                return v < key[c] ? -1 : 1;
        }
        return 0;
    }

    /**
     * Sorts quad positions by the given components with a stable counting sort per component, least significant
     * first; {@code skipLast} components at the end are taken as already sorted by the starting order.
     */
    static int[] sort(int[][] columns, int[] components, int count, int distinctIds, int skipLast) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        int[] spare = new int[count];
        int[] starts = new int[distinctIds + 1];
        for (int j = components.length - 1 - skipLast; j >= 0; j--) {
            int[] column = columns[components[j]];
            java.util.Arrays.fill(starts, 0);
            for (int i = 0; i < count; i++)
                starts[column[order[i]] + 1]++;
            for (int v = 1; v <= distinctIds; v++)
                starts[v] += starts[v - 1];
            for (int i = 0; i < count; i++) {
                int q = order[i];
                spare[starts[column[q]]++] = q;
            }
            int[] t = order;
            order = spare;
            spare = t;
        }
        return order;
    }
}
