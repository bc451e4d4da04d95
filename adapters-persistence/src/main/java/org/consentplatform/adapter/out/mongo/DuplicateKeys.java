package org.consentplatform.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.Set;
import java.util.TreeSet;

final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /**
     * Runs a write that a unique index may refuse.
     *
     * @return false when it was refused as a duplicate key (someone else got there first)
     */
    static boolean firstToWrite(Runnable write) {
        try {
            write.run();
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Runs an unordered bulk write whose statements a unique index may refuse one by one.
     *
     * @return the positions refused as duplicate keys (someone else got there first); any other error is thrown
     */
    static Set<Integer> refused(Runnable bulk) {
        try {
            bulk.run();
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> refused = new TreeSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
            return refused;
        }
    }

    static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e.getCode() == 11000;
    }
}
