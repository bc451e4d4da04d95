package org.consentplatform.embedded.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * When the file store makes writes durable. MVStore commits in the background about once a
 * second; what the service acknowledged must be on disk before the acknowledgement is complete.
 * <ul>
 *   <li>An HTTP request's writes are committed once, when the request's filter chain returns:
 *   its answer cannot be complete before (the container sends the rest of the body and ends it
 *   after the filters), so a batch of a thousand captures is one commit, not thousands.</li>
 *   <li>Any other thread's writes (background jobs; event listeners, whose Kafka offsets are
 *   committed once they return) are committed right after each write command.</li>
 * </ul>
 * An MVStore commit is atomic across collections: a crash rolls back to the last one whole.
 */
public final class FileStoreCommits implements CommandListener, Filter {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes");

    /** Whether this thread serves a request, whose writes wait for its end, and whether it wrote since. */
    private static final ThreadLocal<boolean[]> REQUEST = new ThreadLocal<>();

    private final H2Backend store;

    public FileStoreCommits(H2Backend store) {
        this.store = store;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (!WRITES.contains(event.getCommandName())) {
            return;
        }
        boolean[] wrote = REQUEST.get();
        if (wrote != null) {
            wrote[0] = true;
        } else {
            store.commit();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (REQUEST.get() != null) { // an error dispatch inside the same request: the outer one commits
            chain.doFilter(request, response);
            return;
        }
        boolean[] wrote = {false};
        REQUEST.set(wrote);
        try {
            chain.doFilter(request, response);
        } finally {
            REQUEST.remove();
            if (wrote[0]) {
                store.commit();
            }
        }
    }
}
