package org.stargatekg.backend;

import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.describe.DatasetStatistics;
import org.stargatekg.search.SearchIndex;
import org.stargatekg.support.Fixtures;
import org.stargatekg.vocab.Namespaces;

/**
 * With a store folder the first load writes the validated graph to TDB2 and a later load with the same sources opens
 * it without parsing. Only counts and search are compared: TDB2 canonicalizes xsd:decimal lexical forms, so the
 * competency questions, which compare lexical forms, run against the in-memory graph.
 */
class PersistentStoreTest {

    private static final Namespaces NS = Namespaces.standard();

    private static KnowledgeGraph load(Path store, Path article) {
        return KnowledgeGraphLoader.shipped(NS).article(article).store(PersistentStore.at(store)).load();
    }

    @Test
    void second_start_serves_the_store_without_reading_the_files_and_counts_the_same(@TempDir Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        Path article = copyFixture(tmp, "extra-valid");
        KnowledgeGraph memory = KnowledgeGraphLoader.shipped(NS).article(article).load();
        KnowledgeGraph first = load(store, article);
        assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, first.origin());
        KnowledgeGraph second = load(store, article);
        assertEquals(KnowledgeGraph.Origin.STORE, second.origin());
        assertEquals(memory.quadCount(), second.quadCount());
        assertEquals(memory.graphCount(), second.graphCount());
        DatasetStatistics inMemory = DatasetStatistics.of(memory.dataset().asDatasetGraph());
        DatasetStatistics onDisk = DatasetStatistics.of(second.dataset().asDatasetGraph());
        assertEquals(inMemory.union(), onDisk.union());
        assertEquals(inMemory.graphs(), onDisk.graphs());
        assertEquals(SearchIndex.build(memory.dataset().asDatasetGraph(), NS).documentCount(),
                     SearchIndex.build(second.dataset().asDatasetGraph(), NS).documentCount());
    }

    @Test
    void changed_sources_are_loaded_again_into_the_store(@TempDir Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        Path article = copyFixture(tmp, "extra-valid");
        assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, load(store, article).origin());
        Files.writeString(article.resolve("article.ttl"), "\n# an edit\n", java.nio.file.StandardOpenOption.APPEND);
        KnowledgeGraph again = load(store, article);
        assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, again.origin());
        assertEquals(KnowledgeGraph.Origin.STORE, load(store, article).origin());
        long extraGraphs = again.graphCount();
        assertEquals(extraGraphs, load(store, article).graphCount());
    }

    @Test
    void a_folder_that_is_neither_empty_nor_a_store_is_refused(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertThrows(IllegalArgumentException.class, () -> PersistentStore.at(tmp));
        assertThrows(IllegalArgumentException.class, () -> PersistentStore.at(tmp.resolve("notes.txt")));
    }

    private static Path copyFixture(Path tmp, String name) throws IOException {
        Path from = Fixtures.path(name);
        Path to = tmp.resolve(name);
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList())
                Files.copy(f, to.resolve(f.getFileName().toString()));
        }
        return to;
    }

}
