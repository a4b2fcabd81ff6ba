package org.stargatekg.engine.store;

import static org.stargatekg.engine.store.QuadOrder.O;
import static org.stargatekg.engine.store.QuadOrder.P;
import static org.stargatekg.engine.store.QuadOrder.S;

/** For each predicate, the number of distinct subjects and of distinct objects it links, and both overall, counted in one pass over each of three sorted orders. */
final class PredicateStatistics {

    private final int[] subjects;
    private final int[] objects;
    final long distinctSubjects;
    final long distinctObjects;

    /** Counts from the orders subject-predicate-object-graph, predicate-object-subject-graph and object-subject-predicate-graph. */
    PredicateStatistics(int[][] columns, QuadOrder spog, QuadOrder posg, QuadOrder ospg, int count, int ids) {
        subjects = new int[ids];
        objects = new int[ids];
        long ds = 0, dob = 0;
        int lastS = -1, lastP = -1, lastO = -1;
        for (int i = 0; i < count; i++) {
            int pos = spog.position(i);
            int s = columns[S][pos], p = columns[P][pos];
            if (s != lastS)
                ds++;
            if (s != lastS || p != lastP)
                subjects[p]++;
            lastS = s;
            lastP = p;
        }
        lastP = -1;
        for (int i = 0; i < count; i++) {
            int pos = posg.position(i);
            int p = columns[P][pos], o = columns[O][pos];
            if (p != lastP || o != lastO)
                objects[p]++;
            lastP = p;
            lastO = o;
        }
        lastO = -1;
        for (int i = 0; i < count; i++) {
            int o = columns[O][ospg.position(i)];
            if (o != lastO)
                dob++;
            lastO = o;
        }
        distinctSubjects = ds;
        distinctObjects = dob;
    }

    /** Distinct subjects of a predicate (at least 1). */
    int subjects(int predicate) {
        return Math.max(1, subjects[predicate]);
    }

    /** Distinct objects of a predicate (at least 1). */
    int objects(int predicate) {
        return Math.max(1, objects[predicate]);
    }
}
