package org.stargatekg.engine.query;

import java.util.function.BiConsumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.jena.irix.IRIx;

/**
 * A base IRI that remembers what each IRI string resolved to against it. ARQ's parser resolves every {@code <...>} of a
 * query through the prologue's base IRI itself (not through the resolver's cache), so each query's PREFIX IRIs were
 * parsed again by jena-iri, whose lexers are shared by all threads behind locks: at 16 clients, threads waited there.
 * Resolving against a fixed base always gives the same (immutable) IRI, and a string that fails is not remembered, so
 * it fails again with the same error: answers and errors are unchanged.
 */
final class CachingBase extends IRIx {

    /** Bounded, since query texts can bring any number of distinct IRIs. */
    private static final int MAX_ENTRIES = 20_000;

    private final IRIx base;
    private final Cache<String, IRIx> resolved = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    CachingBase(IRIx base) {
        super(base.str());
        this.base = base;
    }

    @Override
    public IRIx resolve(String other) {
        return resolved.get(other, base::resolve); // a resolution that throws keeps nothing
    }

    @Override
    public IRIx resolve(IRIx other) {
        return base.resolve(other);
    }

    @Override
    public boolean isAbsolute() {
        return base.isAbsolute();
    }

    @Override
    public boolean isRelative() {
        return base.isRelative();
    }

    @Override
    public boolean hasScheme(String scheme) {
        return base.hasScheme(scheme);
    }

    @Override
    public String scheme() {
        return base.scheme();
    }

    @Override
    public boolean isReference() {
        return base.isReference();
    }

    @Override
    public IRIx normalize() {
        return base.normalize();
    }

    @Override
    public IRIx relativize(IRIx other) {
        return base.relativize(other);
    }

    @Override
    public boolean hasViolations() {
        return base.hasViolations();
    }

    @Override
    public void handleViolations(BiConsumer<Boolean, String> handler) {
        base.handleViolations(handler);
    }

    @Override
    public Object getImpl() {
        return base.getImpl();
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || base.equals(other instanceof CachingBase c ? c.base : other);
    }
}
