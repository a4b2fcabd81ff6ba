package org.stargatekg.author;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Run in a child JVM by {@link KilledDuringSavesTest}: saves two states of a folder in turn, forever, saying each one done. */
public final class SaveLoop {

    private SaveLoop() {}

    /** Arguments: the folder. */
    public static void main(String[] args) {
        FolderFiles files = new FolderFiles(Path.of(args[0]));
        Map<String, String> a = files.read();
        Map<String, String> b = new TreeMap<>();
        a.forEach((k, v) -> b.put(k, v.replace("sg:NotReviewed", "sg:Reviewed")));
        for (long i = 1; ; i++) {
            files.save(i % 2 == 1 ? b : a);
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
