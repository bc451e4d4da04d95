package org.consentplatform.embedded.mongo;

import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonDocument;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's writes are one commit when it ends; writes of other threads are committed one by one. */
class FileStoreCommitsTest {

    private final AtomicInteger commits = new AtomicInteger();
    private final FileStoreCommits durability = new FileStoreCommits(new H2Backend(MVStore.open(null)) {
        @Override
        public void commit() {
            commits.incrementAndGet();
        }
    });

    @Test
    void aRequestOfAThousandWritesIsOneCommitBeforeItsAnswerCompletes() throws Exception {
        var committedBeforeTheEnd = new AtomicInteger(-1);
        durability.doFilter(new MockHttpServletRequest("POST", "/consents/batch"), new MockHttpServletResponse(), (request, response) -> {
            for (int i = 0; i < 1_000; i++) {
                durability.commandSucceeded(succeeded(i % 2 == 0 ? "insert" : "update"));
            }
            durability.commandSucceeded(succeeded("find"));
            committedBeforeTheEnd.set(commits.get());
        });

        assertThat(committedBeforeTheEnd).as("nothing committed while the request runs").hasValue(0);
        assertThat(commits).as("one commit as it ends").hasValue(1);
    }

    @Test
    void aRequestThatWroteNothingCommitsNothing() throws Exception {
        durability.doFilter(new MockHttpServletRequest("POST", "/decisions"), new MockHttpServletResponse(),
                (request, response) -> durability.commandSucceeded(succeeded("find")));

        assertThat(commits).hasValue(0);
    }

    @Test
    void aRequestThatFailedAfterWritingStillCommitsWhatItWrote() {
        try {
            durability.doFilter(new MockHttpServletRequest("POST", "/consents"), new MockHttpServletResponse(), (request, response) -> {
                durability.commandSucceeded(succeeded("insert"));
                throw new IllegalStateException("after the write");
            });
        } catch (Exception expected) {
            assertThat(expected).hasMessage("after the write");
        }

        assertThat(commits).hasValue(1);
    }

    @Test
    void backgroundWritesAreCommittedOneByOne() {
        durability.commandSucceeded(succeeded("insert"));
        durability.commandSucceeded(succeeded("update"));
        durability.commandSucceeded(succeeded("find"));

        assertThat(commits).hasValue(2);
    }

    private static CommandSucceededEvent succeeded(String command) {
        var connection = new ConnectionDescription(new ServerId(new ClusterId(), new com.mongodb.ServerAddress()));
        return new CommandSucceededEvent(null, 1, 1, connection, "consent", command, new BsonDocument(), 1);
    }
}
