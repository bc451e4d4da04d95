package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ImportFiles;
import org.consentplatform.domain.load.ImportRow;
import org.consentplatform.domain.load.ImportRules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * The rows of a load read (parsed, checked, their contact points' pseudonyms computed) on a
 * thread of their own, a batch ahead of the batch being written: reading the next batch
 * overlaps with the round trips of this one. At most two batches wait, so memory stays bounded
 * whatever the file's size; a row that cannot be read reaches the loader where it stands.
 */
final class RowsAhead implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(2);
    private final Thread reader;

    RowsAhead(ImportFiles.Rows rows, int batchSize, Function<ImportRow, ImportRules.Reading> read) {
        this.reader = Thread.ofVirtual().name("rows-ahead").start(() -> {
            try {
                var batch = new ArrayList<ImportRules.Reading>(batchSize);
                while (rows.hasNext()) {
                    batch.add(read.apply(rows.next()));
                    if (batch.size() == batchSize) {
                        batches.put(List.copyOf(batch));
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(List.copyOf(batch));
                }
                batches.put(END);
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                try {
                    batches.put(e);
                } catch (InterruptedException closed) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** The next batch of readings, in file order; null after the last. */
    @SuppressWarnings("unchecked")
    List<ImportRules.Reading> next() {
        Object next;
        try {
            next = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rows of a load", e);
        }
        if (next == END) {
            batches.add(END); // asked again, still the end
            return null;
        }
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        return (List<ImportRules.Reading>) next;
    }

    /** Stops the reader where it stands: a load cancelled or interrupted reads no further. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
